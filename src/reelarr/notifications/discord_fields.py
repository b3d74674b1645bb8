"""Radarr's Discord field choices (DiscordGrabFieldType, DiscordImportFieldType), their defaults and
the name each field is shown under, and Radarr's DiscordColors."""

from __future__ import annotations

from enum import IntEnum


class Color(IntEnum):
    """Radarr's DiscordColors."""

    DANGER = 15749200
    SUCCESS = 2605644
    WARNING = 16753920
    STANDARD = 16761392
    UPGRADE = 4089856


class GrabField(IntEnum):
    """Radarr's DiscordGrabFieldType (the values are stored in settings)."""

    OVERVIEW = 0
    RATING = 1
    GENRES = 2
    QUALITY = 3
    GROUP = 4
    SIZE = 5
    LINKS = 6
    RELEASE = 7
    POSTER = 8
    FANART = 9
    INDEXER = 10
    CUSTOM_FORMATS = 11
    CUSTOM_FORMAT_SCORE = 12
    TAGS = 13


class ImportField(IntEnum):
    """Radarr's DiscordImportFieldType."""

    OVERVIEW = 0
    RATING = 1
    GENRES = 2
    QUALITY = 3
    CODECS = 4
    GROUP = 5
    SIZE = 6
    LANGUAGES = 7
    SUBTITLES = 8
    LINKS = 9
    RELEASE = 10
    POSTER = 11
    FANART = 12
    TAGS = 13
    CUSTOM_FORMATS = 14
    CUSTOM_FORMAT_SCORE = 15


class ManualInteractionField(IntEnum):
    """Radarr's DiscordManualInteractionFieldType."""

    OVERVIEW = 0
    RATING = 1
    GENRES = 2
    QUALITY = 3
    GROUP = 4
    SIZE = 5
    LINKS = 6
    DOWNLOAD_TITLE = 7
    POSTER = 8
    FANART = 9
    TAGS = 10


# The option labels Radarr's UI shows (the enum member names).
GRAB_FIELD_LABELS = [
    (0, "Overview"),
    (1, "Rating"),
    (2, "Genres"),
    (3, "Quality"),
    (4, "Group"),
    (5, "Size"),
    (6, "Links"),
    (7, "Release"),
    (8, "Poster"),
    (9, "Fanart"),
    (10, "Indexer"),
    (11, "CustomFormats"),
    (12, "CustomFormatScore"),
    (13, "Tags"),
]
IMPORT_FIELD_LABELS = [
    (0, "Overview"),
    (1, "Rating"),
    (2, "Genres"),
    (3, "Quality"),
    (4, "Codecs"),
    (5, "Group"),
    (6, "Size"),
    (7, "Languages"),
    (8, "Subtitles"),
    (9, "Links"),
    (10, "Release"),
    (11, "Poster"),
    (12, "Fanart"),
    (13, "Tags"),
    (14, "CustomFormats"),
    (15, "CustomFormatScore"),
]
MANUAL_INTERACTION_FIELD_LABELS = [
    (0, "Overview"),
    (1, "Rating"),
    (2, "Genres"),
    (3, "Quality"),
    (4, "Group"),
    (5, "Size"),
    (6, "Links"),
    (7, "DownloadTitle"),
    (8, "Poster"),
    (9, "Fanart"),
    (10, "Tags"),
]
DEFAULT_GRAB_FIELDS = list(range(14))  # every one, in order
DEFAULT_IMPORT_FIELDS = list(range(14))  # all but CustomFormats and CustomFormatScore
DEFAULT_MANUAL_INTERACTION_FIELDS = list(range(11))  # every one

# The name and inline flag each field is shown with.
GRAB_NAMES: dict[int, tuple[str, bool]] = {
    GrabField.OVERVIEW: ("Overview", False),
    GrabField.RATING: ("Rating", False),
    GrabField.GENRES: ("Genres", False),
    GrabField.QUALITY: ("Quality", True),
    GrabField.GROUP: ("Group", False),
    GrabField.SIZE: ("Size", True),
    GrabField.RELEASE: ("Release", False),
    GrabField.LINKS: ("Links", False),
    GrabField.CUSTOM_FORMATS: ("Custom Formats", False),
    GrabField.CUSTOM_FORMAT_SCORE: ("Custom Format Score", False),
    GrabField.INDEXER: ("Indexer", False),
    GrabField.TAGS: ("Tags", False),
}
IMPORT_NAMES: dict[int, tuple[str, bool]] = {
    ImportField.OVERVIEW: ("Overview", False),
    ImportField.RATING: ("Rating", False),
    ImportField.GENRES: ("Genres", False),
    ImportField.QUALITY: ("Quality", True),
    ImportField.CODECS: ("Codecs", True),
    ImportField.GROUP: ("Group", False),
    ImportField.SIZE: ("Size", True),
    ImportField.LANGUAGES: ("Languages", False),
    ImportField.SUBTITLES: ("Subtitles", False),
    ImportField.RELEASE: ("Release", False),
    ImportField.LINKS: ("Links", False),
    ImportField.TAGS: ("Tags", False),
    ImportField.CUSTOM_FORMATS: ("Custom Formats", False),
    ImportField.CUSTOM_FORMAT_SCORE: ("Custom Format Score", False),
}
MANUAL_INTERACTION_NAMES: dict[int, tuple[str, bool]] = {
    ManualInteractionField.OVERVIEW: ("Overview", False),
    ManualInteractionField.RATING: ("Rating", False),
    ManualInteractionField.GENRES: ("Genres", False),
    ManualInteractionField.QUALITY: ("Quality", True),
    ManualInteractionField.GROUP: ("Group", False),
    ManualInteractionField.SIZE: ("Size", True),
    ManualInteractionField.DOWNLOAD_TITLE: ("Download", False),
    ManualInteractionField.LINKS: ("Links", False),
    ManualInteractionField.TAGS: ("Tags", False),
}
