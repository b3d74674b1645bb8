"""Radarr's Discord embeds of each event, built from the webhook payload and the film."""

from __future__ import annotations

from typing import Any

import pytest

from reelarr.metadata.models import Rating, Ratings
from reelarr.notifications import discord_embeds as embeds
from reelarr.notifications.discord import DiscordSettings, discord_time, probe_text
from reelarr.notifications.discord_embeds import Look
from reelarr.notifications.discord_fields import (
    DEFAULT_GRAB_FIELDS,
    DEFAULT_IMPORT_FIELDS,
    DEFAULT_MANUAL_INTERACTION_FIELDS,
    Color,
    GrabField,
    ImportField,
)
from tests.unit.notifications.test_payloads import film

POSTER = "https://image.tmdb.org/t/p/original/poster.jpg"
FANART = "https://image.tmdb.org/t/p/original/fanart.jpg"
STAMP = "2026-12-06T22:10:11.123Z"
LOOK = Look(
    author="Reelarr",
    timestamp=STAMP,
    grab_fields=DEFAULT_GRAB_FIELDS,
    import_fields=DEFAULT_IMPORT_FIELDS,
    manual_interaction_fields=DEFAULT_MANUAL_INTERACTION_FIELDS,
)
GENRES = "Action, Science Fiction, Thriller, Cyberpunk, Drama"  # the first five
AUTHOR = {"name": "Reelarr", "icon_url": embeds.ICON_URL}
LINKS = (
    "[TMDb](https://themoviedb.org/movie/603) / [Trakt](https://trakt.tv/search/tmdb/603?id_type=movie)"
    " / [IMDb](https://imdb.com/title/tt0133093/)"
    " / [YouTube](https://www.youtube.com/watch?v=vKQi3bBA1y8) / [Website](https://www.whatisthematrix.com)"
)
MOVIE = film(
    imdb_id="tt0133093",
    youtube_trailer_id="vKQi3bBA1y8",
    website="https://www.whatisthematrix.com",
    ratings=Ratings(tmdb=Rating(8.2, 25000)),
)


def movie_payload(**values: Any) -> dict[str, Any]:
    """The `movie` of a webhook payload."""
    return {
        "id": 7,
        "title": "The Matrix",
        "year": 1999,
        "tmdbId": 603,
        "imdbId": "tt0133093",
        "overview": "A hacker learns the truth.",
        "genres": ["Action", "Science Fiction", "Thriller", "Cyberpunk", "Drama", "Classic"],
        "images": [
            {"coverType": "poster", "url": "/MediaCover/7/poster.jpg", "remoteUrl": POSTER},
            {"coverType": "fanart", "url": "/MediaCover/7/fanart.jpg", "remoteUrl": FANART},
        ],
        "tags": ["a", "b", "c", "d", "e", "f"],
        **values,
    }


def grab_payload(**release: Any) -> dict[str, Any]:
    """A Grab payload."""
    return {
        "eventType": "Grab",
        "movie": movie_payload(),
        "release": {
            "quality": "Bluray-1080p",
            "qualityVersion": 1,
            "releaseGroup": "GRP",
            "releaseTitle": "The.Matrix.1999.1080p.BluRay.x264-GRP",
            "indexer": "Fixture Indexer",
            "size": 8_589_934_592,
            "customFormatScore": 25,
            "customFormats": ["HQ", "x264"],
            **release,
        },
    }


def import_payload(*, upgrade: bool = False, **file: Any) -> dict[str, Any]:
    """A Download payload."""
    return {
        "eventType": "Download",
        "movie": movie_payload(),
        "isUpgrade": upgrade,
        "movieFile": {
            "quality": "Bluray-1080p",
            "releaseGroup": "GRP",
            "sceneName": "The.Matrix.1999.1080p.BluRay.x264-GRP",
            "size": 1_610_612_736,
            "path": "/movies/The Matrix (1999)/The Matrix (1999).mkv",
            "mediaInfo": {
                "audioChannels": 5.1,
                "audioCodec": "DTS",
                "audioLanguages": ["eng", "fre"],
                "subtitles": ["eng", "spa"],
                "videoCodec": "x264",
            },
            **file,
        },
        "customFormatInfo": {"customFormats": [{"id": 1, "name": "HQ"}], "customFormatScore": 10},
    }


def test_a_grab_with_radarrs_default_fields_is_radarrs_embed() -> None:
    assert embeds.grab_embed(grab_payload(), MOVIE, LOOK) == {
        "author": AUTHOR,
        "url": "https://www.themoviedb.org/movie/603",
        "title": "The Matrix (1999)",
        "description": "Movie Grabbed",
        "color": 16761392,
        "thumbnail": {"url": POSTER},
        "image": {"url": FANART},
        "fields": [
            {"name": "Overview", "value": "A hacker learns the truth.", "inline": False},
            {"name": "Rating", "value": "8.2", "inline": False},
            {"name": "Genres", "value": GENRES, "inline": False},
            {"name": "Quality", "value": "Bluray-1080p", "inline": True},
            {"name": "Group", "value": "GRP", "inline": False},
            {"name": "Size", "value": "8 GB", "inline": True},
            {"name": "Links", "value": LINKS, "inline": False},
            {"name": "Release", "value": "```The.Matrix.1999.1080p.BluRay.x264-GRP```", "inline": False},
            {"name": "Indexer", "value": "Fixture Indexer", "inline": False},
            {"name": "Custom Formats", "value": "HQ|x264", "inline": False},
            {"name": "Custom Format Score", "value": "25", "inline": False},
            {"name": "Tags", "value": "a, b, c, d, e", "inline": False},
        ],
        "timestamp": STAMP,
    }


def test_an_import_with_radarrs_default_fields_is_radarrs_embed() -> None:
    assert embeds.import_embed(import_payload(), MOVIE, LOOK) == {
        "author": AUTHOR,
        "url": "https://www.themoviedb.org/movie/603",
        "title": "The Matrix (1999)",
        "description": "Movie Imported",
        "color": 2605644,
        "thumbnail": {"url": POSTER},
        "image": {"url": FANART},
        "fields": [
            {"name": "Overview", "value": "A hacker learns the truth.", "inline": False},
            {"name": "Rating", "value": "8.2", "inline": False},
            {"name": "Genres", "value": GENRES, "inline": False},
            {"name": "Quality", "value": "Bluray-1080p", "inline": True},
            {"name": "Codecs", "value": "x264 / DTS 5.1", "inline": True},
            {"name": "Group", "value": "GRP", "inline": False},
            {"name": "Size", "value": "1.5 GB", "inline": True},
            {"name": "Languages", "value": "eng/fre", "inline": False},
            {"name": "Subtitles", "value": "eng/spa", "inline": False},
            {"name": "Links", "value": LINKS, "inline": False},
            {"name": "Release", "value": "```The.Matrix.1999.1080p.BluRay.x264-GRP```", "inline": False},
            {"name": "Tags", "value": "a, b, c, d, e", "inline": False},
        ],
        "timestamp": STAMP,
    }


def test_an_upgrade_says_so_in_its_own_colour() -> None:
    embed = embeds.import_embed(import_payload(upgrade=True), MOVIE, LOOK)
    assert (embed["description"], embed["color"]) == ("Movie Upgraded", Color.UPGRADE)


def test_only_the_chosen_fields_are_shown_in_the_order_chosen_and_pictures_only_when_chosen() -> None:
    look = Look("Me", STAMP, grab_fields=[GrabField.SIZE, GrabField.QUALITY, GrabField.POSTER])
    embed = embeds.grab_embed(grab_payload(), MOVIE, look)
    assert [f["name"] for f in embed["fields"]] == ["Size", "Quality"]
    assert embed["thumbnail"] == {"url": POSTER}
    assert "image" not in embed
    assert embed["author"]["name"] == "Me"


def test_the_import_custom_format_fields_show_when_chosen() -> None:
    look = Look("Me", STAMP, import_fields=[ImportField.CUSTOM_FORMATS, ImportField.CUSTOM_FORMAT_SCORE])
    assert embeds.import_embed(import_payload(), MOVIE, look)["fields"] == [
        {"name": "Custom Formats", "value": "HQ", "inline": False},
        {"name": "Custom Format Score", "value": "10", "inline": False},
    ]


def test_blank_values_are_left_out() -> None:
    payload = grab_payload(releaseGroup=None, indexer="", customFormats=[])
    names = [f["name"] for f in embeds.grab_embed(payload, film(), LOOK)["fields"]]
    assert "Group" not in names
    assert "Indexer" not in names
    assert "Custom Formats" not in names
    assert "Rating" not in names  # a film without a TMDB rating


def test_a_file_without_media_info_has_no_codecs_languages_or_subtitles() -> None:
    names = [f["name"] for f in embeds.import_embed(import_payload(mediaInfo=None), MOVIE, LOOK)["fields"]]
    assert {"Codecs", "Languages", "Subtitles"}.isdisjoint(names)


def test_links_without_imdb_trailer_or_website_are_tmdb_and_trakt() -> None:
    assert embeds.links_of(603, None, film()) == (
        "[TMDb](https://themoviedb.org/movie/603) / [Trakt](https://trakt.tv/search/tmdb/603?id_type=movie)"
    )


@pytest.mark.parametrize(
    ("title", "year", "shown"),
    [
        ("The Matrix", 1999, "The Matrix (1999)"),
        ("Untitled", 0, "Untitled"),
        ("`Quoted`", 2001, "\\`Quoted\\` (2001)"),
        ("x" * 300, 2001, "x" * 253 + "..."),
    ],
)
def test_titles_are_radarrs(title: str, year: int, shown: str) -> None:
    assert embeds.title_of(title, year) == shown


def test_the_overview_is_cut_after_300_characters() -> None:
    assert embeds.overview_of("a" * 300) == "a" * 300
    assert embeds.overview_of("a" * 301) == "a" * 300 + "..."
    assert embeds.overview_of(None) == ""


@pytest.mark.parametrize(
    ("size", "shown"),
    [(0, "0 B"), (1023, "1023 B"), (1536, "1.5 KB"), (734_003_200, "700 MB"), (8_589_934_592, "8 GB")],
)
def test_sizes_are_radarrs(size: int, shown: str) -> None:
    assert embeds.size_text(size) == shown


def test_values_past_discords_limits_are_cut() -> None:
    embed = embeds.grab_embed(grab_payload(releaseTitle="r" * 2000), MOVIE, LOOK)
    release = next(f for f in embed["fields"] if f["name"] == "Release")
    assert len(release["value"]) == 1024
    assert release["value"].endswith("...")
    issue = {"type": "Check", "message": "m" * 5000, "level": "error"}
    health = embeds.health_embed(issue, LOOK, restored=False)
    assert len(health["description"]) == 4096


def test_a_film_added_is_titled_without_its_year_and_has_its_links() -> None:
    assert embeds.added_embed({"movie": movie_payload()}, MOVIE, LOOK) == {
        "author": AUTHOR,
        "url": "https://www.themoviedb.org/movie/603",
        "title": "The Matrix",
        "description": "Movie Added",
        "color": Color.SUCCESS,
        "fields": [{"name": "Links", "value": LINKS, "inline": False}],
        "thumbnail": {"url": POSTER},
        "image": {"url": FANART},
    }


@pytest.mark.parametrize(
    ("deleted", "description"),
    [(True, "Movie removed and all files were deleted"), (False, "Movie removed, files were not deleted")],
)
def test_a_film_deleted_says_whether_its_files_went(deleted: bool, description: str) -> None:
    embed = embeds.deleted_embed({"movie": movie_payload(), "deletedFiles": deleted}, MOVIE, LOOK)
    assert (embed["title"], embed["description"], embed["color"]) == ("The Matrix", description, Color.DANGER)
    assert embed["fields"] == [{"name": "Links", "value": LINKS, "inline": False}]
    assert "timestamp" not in embed


def test_a_file_deleted_gives_the_reason_as_radarr_names_it_and_the_path() -> None:
    payload = {"movie": movie_payload(), "movieFile": {"path": "/m/a.mkv"}, "deleteReason": "missingFromDisk"}
    embed = embeds.file_deleted_embed(payload, LOOK)
    assert (embed["title"], embed["description"], embed["color"]) == (
        "The Matrix (1999)",
        "Movie File Deleted",
        Color.DANGER,
    )
    assert embed["fields"] == [
        {"name": "Reason", "value": "MissingFromDisk", "inline": False},
        {"name": "File name", "value": "```/m/a.mkv```", "inline": False},
    ]
    assert embed["timestamp"] == STAMP


def test_a_rename_is_one_embed_per_file() -> None:
    payload = {
        "movie": movie_payload(),
        "renamedMovieFiles": [{"previousRelativePath": "old.mkv", "relativePath": "The Matrix (1999).mkv"}],
    }
    assert embeds.renamed_embeds(payload) == [
        {"title": "The Matrix", "description": "old.mkv renamed to The Matrix (1999).mkv", "color": 0}
    ]


@pytest.mark.parametrize(("level", "color"), [("warning", Color.WARNING), ("error", Color.DANGER)])
def test_a_health_issue_is_coloured_by_its_level(level: str, color: Color) -> None:
    payload = {"type": "IndexerStatusCheck", "message": "Indexers unavailable", "level": level}
    assert embeds.health_embed(payload, LOOK, restored=False) == {
        "author": AUTHOR,
        "title": "IndexerStatusCheck",
        "description": "Indexers unavailable",
        "timestamp": STAMP,
        "color": color,
    }


def test_a_health_issue_resolved_says_so() -> None:
    payload = {"type": "IndexerStatusCheck", "message": "Indexers unavailable", "level": "error"}
    embed = embeds.health_embed(payload, LOOK, restored=True)
    assert embed["title"] == "Health Issue Resolved: IndexerStatusCheck"
    assert embed["description"] == "The following issue is now resolved: Indexers unavailable"
    assert embed["color"] == Color.SUCCESS


def test_the_username_and_avatar_are_sent_only_when_set() -> None:
    assert embeds.message(username=" ", avatar="", content="hi") == {"content": "hi"}
    assert embeds.message(username="Bot", avatar="https://a/b.png", embeds=[{"title": "t"}]) == {
        "username": "Bot",
        "avatar_url": "https://a/b.png",
        "embeds": [{"title": "t"}],
    }


def test_the_settings_default_to_radarrs_field_lists() -> None:
    settings = DiscordSettings()
    assert settings.grab_fields == list(range(14))
    assert settings.import_fields == list(range(14))
    assert ImportField.CUSTOM_FORMATS not in settings.import_fields
    assert settings.manual_interaction_fields == list(range(11))


def test_a_download_waiting_for_a_person_is_radarrs_manual_interaction_embed() -> None:
    payload = {
        "movie": movie_payload(),
        "downloadInfo": {
            "quality": "Bluray-1080p",
            "qualityVersion": 1,
            "title": "The.Matrix.1999.1080p.BluRay.x264-GRP",
            "size": 8 * 1024**3,
        },
    }
    assert embeds.manual_interaction_embed(payload, MOVIE, LOOK) == {
        "author": AUTHOR,
        "url": "https://www.themoviedb.org/movie/603",
        "description": "Manual interaction needed",
        "title": "The Matrix (1999)",
        "color": 16761392,
        "thumbnail": {"url": POSTER},
        "image": {"url": FANART},
        "fields": [
            {"name": "Overview", "value": "A hacker learns the truth.", "inline": False},
            {"name": "Rating", "value": "8.2", "inline": False},
            {"name": "Genres", "value": GENRES, "inline": False},
            {"name": "Quality", "value": "Bluray-1080p", "inline": True},
            {"name": "Group", "value": "GRP", "inline": False},
            {"name": "Size", "value": "8 GB", "inline": True},
            {"name": "Links", "value": LINKS, "inline": False},
            {"name": "Download", "value": "```The.Matrix.1999.1080p.BluRay.x264-GRP```", "inline": False},
            {"name": "Tags", "value": "a, b, c, d, e", "inline": False},
        ],
        "timestamp": STAMP,
    }


def test_times_are_stamped_in_utc_to_the_millisecond() -> None:
    from datetime import UTC, datetime

    assert discord_time(datetime(2026, 12, 6, 22, 10, 11, 123456, tzinfo=UTC)) == "2026-12-06T22:10:11.123Z"
    assert (
        probe_text("Reelarr", datetime(2026, 12, 6, 23, 5, 3))
        == "Test message from Reelarr posted at 12/6/2026 11:05:03 PM"
    )
