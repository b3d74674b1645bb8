"""Radarr's webhook payloads (WebhookBase and the Webhook* classes), built from plain values.

Names are camelCase, absent values are left out (Radarr's serializer ignores nulls), enums are
camelCase but `eventType`, which Radarr writes as it names it ("Grab").
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from reelarr.history.model import HistoryEntry
from reelarr.languages import Language
from reelarr.movies.file_rules import media_info_view
from reelarr.movies.model import Movie, MovieFile
from reelarr.notifications.model import EventKind
from reelarr.releases.model import IndexerFlags, flag_names, flags_named

# Radarr's PhysicalReleaseDate without a physical or a cinema date: DateTime.MaxValue.
_NO_RELEASE = "9999-12-31"
_HOME_RELEASE_AFTER_CINEMAS = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class Instance:
    """How the installation names itself in every payload."""

    name: str
    application_url: str = ""


def base(kind: EventKind, instance: Instance, *, with_url: bool = True) -> dict[str, Any]:
    """The fields of every payload (HealthRestored has no `applicationUrl` in Radarr's)."""
    payload: dict[str, Any] = {"eventType": kind.value, "instanceName": instance.name}
    if with_url:
        payload["applicationUrl"] = instance.application_url
    return payload


def utc_time(value: datetime) -> str:
    """A time as Radarr's serializer writes it: UTC, "Z", fractions without trailing zeros."""
    value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text + "Z"


def language(value: Language) -> dict[str, Any]:
    """A language as Radarr writes one."""
    return {"id": value.id, "name": value.name}


def release_date(movie: Movie) -> str:
    """Radarr's PhysicalReleaseDate: the physical release, else 90 days after the cinema release."""
    found: date | None = movie.physical_release
    if found is None and movie.in_cinemas is not None:
        found = movie.in_cinemas + _HOME_RELEASE_AFTER_CINEMAS
    return found.isoformat() if found is not None else _NO_RELEASE


def movie_json(
    movie: Movie, tag_labels: Sequence[str], images: Sequence[Mapping[str, str]]
) -> dict[str, Any]:
    """WebhookMovie."""
    found: dict[str, Any] = {
        "id": movie.id,
        "title": movie.title,
        "year": movie.year,
        "releaseDate": release_date(movie),
        "folderPath": movie.path,
        "tmdbId": movie.tmdb_id,
        "imdbId": movie.imdb_id,
        "overview": movie.overview,
        "genres": list(movie.genres),
        "images": [
            {"coverType": i.get("coverType"), "url": i.get("url"), "remoteUrl": i.get("remoteUrl")}
            for i in images
        ],
        "tags": sorted(label for label in tag_labels if label.strip()),
        "originalLanguage": language(movie.original_language),
    }
    return _without_nulls(found)


def remote_movie_json(movie: Movie) -> dict[str, Any]:
    """WebhookRemoteMovie."""
    return _without_nulls(
        {"tmdbId": movie.tmdb_id, "imdbId": movie.imdb_id, "title": movie.title, "year": movie.year}
    )


def _flags(entry: HistoryEntry | None) -> IndexerFlags:
    return flags_named(entry.data.get("IndexerFlags", "")) if entry is not None else IndexerFlags(0)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def release_json(grab: HistoryEntry) -> dict[str, Any]:
    """WebhookRelease, from the grab as history keeps it."""
    return _without_nulls(
        {
            "quality": grab.quality.quality.name,
            "qualityVersion": grab.quality.revision.version,
            "releaseGroup": grab.data.get("ReleaseGroup") or None,
            "releaseTitle": grab.source_title,
            "indexer": grab.data.get("Indexer"),
            "size": _int(grab.data.get("Size")),
            "customFormatScore": _int(grab.data.get("CustomFormatScore")),
            "customFormats": list(grab.custom_formats),
            "languages": [language(v) for v in grab.languages],
            "indexerFlags": flag_names(_flags(grab)),
        }
    )


def grabbed_release_json(grab: HistoryEntry | None, file_flags: int) -> dict[str, Any]:
    """WebhookGrabbedRelease: the grab's title, indexer, size and flags (the file's flags without one)."""
    if grab is None:
        return {"size": 0, "indexerFlags": flag_names(IndexerFlags(file_flags))}
    return _without_nulls(
        {
            "releaseTitle": grab.source_title,
            "indexer": grab.data.get("Indexer"),
            "size": _int(grab.data.get("Size")),
            "indexerFlags": flag_names(_flags(grab)),
        }
    )


def custom_format_info(names: Sequence[str], score: int, ids: Mapping[str, int]) -> dict[str, Any]:
    """WebhookCustomFormatInfo: the formats by id and name, and the score."""
    return {
        "customFormats": [{"id": ids.get(name, 0), "name": name} for name in names],
        "customFormatScore": score,
    }


def _split(value: Any) -> list[str]:
    parts = [p.strip() for p in str(value or "").split("/") if p.strip()]
    return list(dict.fromkeys(parts))


def media_info_json(file: MovieFile) -> dict[str, Any] | None:
    """WebhookMovieFileMediaInfo, from the media info the API shows (None when none was read)."""
    view = media_info_view(file.media_info, file.scene_name)
    if view is None:
        return None
    width, _, height = str(view.get("resolution") or "0x0").partition("x")
    return _without_nulls(
        {
            "audioChannels": view.get("audioChannels", 0),
            "audioCodec": view.get("audioCodec"),
            "audioLanguages": _split(view.get("audioLanguages")),
            "height": _int(height),
            "width": _int(width),
            "subtitles": _split(view.get("subtitles")),
            "videoCodec": view.get("videoCodec"),
            "videoDynamicRange": view.get("videoDynamicRange"),
            "videoDynamicRangeType": view.get("videoDynamicRangeType"),
        }
    )


def movie_file_json(movie: Movie, file: MovieFile) -> dict[str, Any]:
    """WebhookMovieFile."""
    flags = flag_names(IndexerFlags(file.indexer_flags))
    return _without_nulls(
        {
            "id": file.id,
            "relativePath": file.relative_path,
            "path": os.path.join(movie.path, file.relative_path),
            "quality": file.quality.quality.name,
            "qualityVersion": file.quality.revision.version,
            "releaseGroup": file.release_group,
            "sceneName": file.scene_name,
            "indexerFlags": ", ".join(flags) if flags else "0",
            "size": file.size,
            "dateAdded": utc_time(file.date_added),
            "languages": [language(v) for v in file.languages],
            "mediaInfo": media_info_json(file),
        }
    )


def relative_to(path: str, folder: str) -> str:
    """`path` below `folder` (as Radarr's GetRelativePath), or `path` itself when it is elsewhere."""
    prefix = folder.rstrip("/\\") + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else path


def test_payload(instance_name: str, application_url: str) -> dict[str, Any]:
    """The payload of a test (WebhookBase.BuildTestPayload)."""
    return {
        **base(EventKind.TEST, Instance(instance_name, application_url)),
        "movie": {
            "id": 1,
            "title": "Test Title",
            "year": 1970,
            "releaseDate": "1970-01-01",
            "folderPath": "C:\\testpath",
            "tmdbId": 0,
            "tags": ["test-tag"],
        },
        "remoteMovie": {"tmdbId": 1234, "imdbId": "5678", "title": "Test title", "year": 1970},
        "release": {
            "quality": "Test Quality",
            "qualityVersion": 1,
            "releaseGroup": "Test Group",
            "releaseTitle": "Test Title",
            "indexer": "Test Indexer",
            "size": 9999999,
            "customFormatScore": 0,
        },
    }


def _without_nulls(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
