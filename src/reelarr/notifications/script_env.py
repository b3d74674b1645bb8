"""The environment Radarr's CustomScript gives a script for each event: `radarr_*` variables (Radarr
sets them through a StringDictionary, which lower-cases every name), values written as .NET writes
them with the invariant culture ("True", "12/25/1999 00:00:00", "5.1")."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from reelarr.languages import iso_of
from reelarr.movies.model import Movie
from reelarr.notifications.model import EventKind, NotificationEvent

Env = dict[str, str]


def dotnet(value: Any) -> str:
    """A value as .NET's ToString() writes it (invariant culture); None is ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%m/%d/%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%m/%d/%Y 00:00:00")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def pascal(value: Any) -> str:
    """An enum value the payload writes camelCase ("missingFromDisk") as Radarr's ToString does."""
    text = str(value or "")
    return text[:1].upper() + text[1:]


def _joined(values: Any, separator: str = "|") -> str:
    return separator.join(dotnet(v) for v in (values or []))


def _names(formats: Any) -> list[str]:
    return [f["name"] if isinstance(f, Mapping) else str(f) for f in formats or []]


def base_env(kind: str, instance_name: str, application_url: str) -> Env:
    """What every run is told: the event type and how the installation names itself."""
    return {
        "radarr_eventtype": kind,
        "radarr_instancename": instance_name,
        "radarr_applicationurl": application_url,
    }


def movie_env(
    movie: Movie, told: Mapping[str, Any], *, path: bool = True, dates: bool = False, overview: bool = True
) -> Env:
    """The film's variables; which of its path, release dates and overview an event has varies."""
    iso = iso_of(movie.original_language)
    env = {
        "radarr_movie_id": dotnet(movie.id),
        "radarr_movie_title": movie.title,
        "radarr_movie_year": dotnet(movie.year),
        "radarr_movie_originallanguage": iso.three_letter[0] if iso and iso.three_letter else "",
        "radarr_movie_genres": _joined(movie.genres),
        "radarr_movie_tags": _joined(told.get("tags")),
        "radarr_movie_imdbid": movie.imdb_id or "",
        "radarr_movie_tmdbid": dotnet(movie.tmdb_id),
    }
    if path:
        env["radarr_movie_path"] = movie.path
    if dates:
        env["radarr_movie_in_cinemas_date"] = dotnet(movie.in_cinemas)
        env["radarr_movie_physical_release_date"] = dotnet(movie.physical_release)
    if overview:
        env["radarr_movie_overview"] = movie.overview or ""
    return env


def grab_env(payload: Mapping[str, Any]) -> Env:
    """The release grabbed and the client it went to."""
    release = payload.get("release") or {}
    flags = release.get("indexerFlags") or []
    formats = payload.get("customFormatInfo") or {}
    return {
        "radarr_release_title": dotnet(release.get("releaseTitle")),
        "radarr_release_indexer": dotnet(release.get("indexer")),
        "radarr_release_size": dotnet(release.get("size", 0)),
        "radarr_release_releasegroup": dotnet(release.get("releaseGroup")),
        "radarr_release_quality": dotnet(release.get("quality")),
        "radarr_release_qualityversion": dotnet(release.get("qualityVersion", 1)),
        "radarr_indexerflags": ", ".join(flags) if flags else "0",
        **client_env(payload),
        "radarr_release_customformat": "|".join(_names(formats.get("customFormats"))),
        "radarr_release_customformatscore": dotnet(formats.get("customFormatScore", 0)),
    }


def client_env(payload: Mapping[str, Any]) -> Env:
    """The download client and the download's id."""
    return {
        "radarr_download_client": dotnet(payload.get("downloadClient")),
        "radarr_download_client_type": dotnet(payload.get("downloadClientType")),
        "radarr_download_id": dotnet(payload.get("downloadId")),
    }


def file_env(file: Mapping[str, Any]) -> Env:
    """A film file's variables (as the webhook payload shows the file)."""
    return {
        "radarr_moviefile_id": dotnet(file.get("id")),
        "radarr_moviefile_relativepath": dotnet(file.get("relativePath")),
        "radarr_moviefile_path": dotnet(file.get("path")),
        "radarr_moviefile_quality": dotnet(file.get("quality")),
        "radarr_moviefile_qualityversion": dotnet(file.get("qualityVersion")),
        "radarr_moviefile_releasegroup": dotnet(file.get("releaseGroup")),
        "radarr_moviefile_scenename": dotnet(file.get("sceneName")),
    }


def media_info_env(info: Mapping[str, Any]) -> Env:
    """The imported file's media info."""
    prefix = "radarr_moviefile_mediainfo_"
    languages = " / ".join(info.get("audioLanguages") or [])
    return {
        f"{prefix}audiochannels": dotnet(info.get("audioChannels", 0)),
        f"{prefix}audiocodec": dotnet(info.get("audioCodec")),
        f"{prefix}audiolanguages": languages,
        f"{prefix}languages": languages,
        f"{prefix}height": dotnet(info.get("height", 0)),
        f"{prefix}width": dotnet(info.get("width", 0)),
        f"{prefix}subtitles": " / ".join(info.get("subtitles") or []),
        f"{prefix}videocodec": dotnet(info.get("videoCodec")),
        f"{prefix}videodynamicrangetype": dotnet(info.get("videoDynamicRangeType")),
    }


def download_env(payload: Mapping[str, Any]) -> Env:
    """The imported file, where it came from, the release, and the files an upgrade replaced."""
    file = payload.get("movieFile") or {}
    source = dotnet(file.get("sourcePath"))
    formats = payload.get("customFormatInfo") or {}
    release = payload.get("release") or {}
    env = {
        **file_env(file),
        "radarr_moviefile_sourcepath": source,
        "radarr_moviefile_sourcefolder": os.path.dirname(source) if source else "",
        **client_env(payload),
        **media_info_env(file.get("mediaInfo") or {}),
        "radarr_moviefile_customformat": "|".join(_names(formats.get("customFormats"))),
        "radarr_moviefile_customformatscore": dotnet(formats.get("customFormatScore", 0)),
        "radarr_release_indexer": dotnet(release.get("indexer")),
        "radarr_release_size": dotnet(release.get("size", 0)),
        "radarr_release_title": dotnet(release.get("releaseTitle")),
    }
    deleted = payload.get("deletedFiles") or []
    if deleted:
        env["radarr_deletedrelativepaths"] = "|".join(dotnet(f.get("relativePath")) for f in deleted)
        env["radarr_deletedpaths"] = "|".join(dotnet(f.get("path")) for f in deleted)
        env["radarr_deleteddateadded"] = "|".join(_date_added(f.get("dateAdded")) for f in deleted)
        env["radarr_deletedrecyclebinpaths"] = "|".join("" for _ in deleted)  # Reelarr keeps no bin path
    return env


def _date_added(value: Any) -> str:
    try:
        return dotnet(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
    except ValueError:
        return ""


def rename_env(payload: Mapping[str, Any]) -> Env:
    """The renamed files, where they are and where they were."""
    files = payload.get("renamedMovieFiles") or []
    return {
        "radarr_moviefile_ids": ",".join(dotnet(f.get("id")) for f in files),
        "radarr_moviefile_relativepaths": "|".join(dotnet(f.get("relativePath")) for f in files),
        "radarr_moviefile_paths": "|".join(dotnet(f.get("path")) for f in files),
        "radarr_moviefile_previousrelativepaths": "|".join(
            dotnet(f.get("previousRelativePath")) for f in files
        ),
        "radarr_moviefile_previouspaths": "|".join(dotnet(f.get("previousPath")) for f in files),
    }


def health_env(payload: Mapping[str, Any], *, restored: bool) -> Env:
    """A health problem found (`radarr_health_issue_*`) or gone (`radarr_health_restored_*`)."""
    prefix = "radarr_health_restored_" if restored else "radarr_health_issue_"
    return {
        f"{prefix}level": pascal(payload.get("level")),
        f"{prefix}message": dotnet(payload.get("message")),
        f"{prefix}type": dotnet(payload.get("type")),
        f"{prefix}wiki": dotnet(payload.get("wikiUrl")),
    }


def update_env(payload: Mapping[str, Any]) -> Env:
    """A new version running (`radarr_update_*`)."""
    return {
        "radarr_update_message": dotnet(payload.get("message")),
        "radarr_update_newversion": dotnet(payload.get("newVersion")),
        "radarr_update_previousversion": dotnet(payload.get("previousVersion")),
    }


def _movie_event_env(event: NotificationEvent) -> Env:
    """The variables of an event about a film (all but the health ones)."""
    movie, payload = event.movie, event.payload
    assert movie is not None
    told = payload.get("movie") or {}
    match event.kind:
        case EventKind.GRAB:
            return {**movie_env(movie, told, path=False, dates=True), **grab_env(payload)}
        case EventKind.DOWNLOAD:
            upgrade = {"radarr_isupgrade": dotnet(bool(event.is_upgrade))}
            return {**upgrade, **movie_env(movie, told, dates=True), **download_env(payload)}
        case EventKind.RENAME:
            return {**movie_env(movie, told, dates=True, overview=False), **rename_env(payload)}
        case EventKind.MOVIE_ADDED:
            added = {"radarr_movie_addmethod": pascal(payload.get("addMethod"))}
            return {**movie_env(movie, told, overview=False), **added}
        case EventKind.MOVIE_FILE_DELETE:
            file = payload.get("movieFile") or {}
            return {
                "radarr_moviefile_deletereason": pascal(payload.get("deleteReason")),
                **movie_env(movie, told),
                **file_env(file),
                "radarr_moviefile_size": dotnet(file.get("size", 0)),
            }
        case EventKind.MOVIE_DELETE:
            deleted = bool(payload.get("deletedFiles"))
            env = {**movie_env(movie, told), "radarr_movie_deletedfiles": dotnet(deleted)}
            if deleted and payload.get("movieFolderSize"):
                env["radarr_movie_folder_size"] = dotnet(payload["movieFolderSize"])
            return env
        case EventKind.MANUAL_INTERACTION_REQUIRED:
            info = payload.get("downloadInfo") or {}
            return {
                **movie_env(movie, told),
                "radarr_download_client": dotnet(payload.get("downloadClient")),
                "radarr_download_client_type": dotnet(payload.get("downloadClientType")),
                "radarr_download_id": dotnet(payload.get("downloadId")),
                "radarr_download_size": dotnet(info.get("size", 0)),
                "radarr_download_title": dotnet(info.get("title")),
            }
    raise ValueError(f"no script environment for {event.kind.value}")


def event_env(event: NotificationEvent, instance_name: str, application_url: str) -> Env:
    """Every `radarr_*` variable Radarr's CustomScript sets for this event."""
    if event.kind == EventKind.APPLICATION_UPDATE:
        kind, found = event.kind.value, update_env(event.payload)
    elif event.kind in (EventKind.HEALTH, EventKind.HEALTH_RESTORED):
        restored = event.kind == EventKind.HEALTH_RESTORED
        kind = "HealthRestored" if restored else "HealthIssue"
        found = health_env(event.payload, restored=restored)
    else:
        kind, found = event.kind.value, _movie_event_env(event)
    return {**base_env(kind, instance_name, application_url), **found}
