"""A Radarr database's rows as the snapshot the API gives (Radarr's resources' shape), so that one
import path writes both; the tables as Radarr's migrations up to 242 leave them."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from reelarr.radarrimport import dbconfig, dbproviders, dbsettings
from reelarr.radarrimport.autotag_kinds import auto_tags_from_db
from reelarr.radarrimport.backupfile import connect, database_of, schema_version
from reelarr.radarrimport.client import ImportFailed, RadarrStatus
from reelarr.radarrimport.dbrows import AVAILABILITY, load_json, rows
from reelarr.radarrimport.kinds import KINDS
from reelarr.radarrimport.paths import path_separator
from reelarr.radarrimport.snapshot import RadarrSnapshot

Json = dict[str, Any]
Row = dict[str, Any]

# The kinds read from a database file; the others are only brought over from a running Radarr.
READ_KINDS = frozenset(
    {
        "tags",
        "root folders",
        "custom formats",
        "quality definitions",
        "release profiles",
        "delay profiles",
        "naming settings",
        "collections",
        "remote path mappings",
        "download clients",
        "indexers",
        "notifications",
        "import lists",
        "metadata settings",
        "custom filters",
        "auto tagging",
        "media management settings",
        "indexer options",
        "download client options",
        "UI settings",
        "quality profiles",
        "list exclusions",
        "movies",
        "movie files",
        "history",
        "blocklist",
    }
)
_STATUS = {-1: "deleted", 0: "tba", 1: "announced", 2: "inCinemas", 3: "released"}


def _quality(value: Any) -> Json:
    """Radarr's stored QualityModel ({"quality": 7, ...}) as its resource ({"quality": {"id": 7}, ...})."""
    stored = load_json(value, {})
    quality = stored.get("quality") if isinstance(stored, dict) else None
    return {
        "quality": {"id": quality if isinstance(quality, int) else 0},
        "revision": stored.get("revision") or {},
    }


def _languages(value: Any) -> list[Json]:
    return [{"id": i} for i in load_json(value, []) if isinstance(i, int)]


def _profile_items(items: Any) -> list[Json]:
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        row: Json = {"items": _profile_items(item.get("items")), "allowed": bool(item.get("allowed"))}
        if isinstance(item.get("quality"), int):
            row["quality"] = {"id": item["quality"]}
        else:
            row.update(id=item.get("id"), name=item.get("name"))
        out.append(row)
    return out


def _specification(stored: Any) -> Json | None:
    """A stored condition ({"type": ..., "body": {name, negate, required, value...}}) as its resource:
    the body's other values are its fields."""
    if not isinstance(stored, dict) or not isinstance(stored.get("body"), dict):
        return None
    body: Json = stored["body"]
    plain = {"name", "negate", "required"}
    return {
        "name": body.get("name"),
        "implementation": stored.get("type"),
        "negate": bool(body.get("negate")),
        "required": bool(body.get("required")),
        "fields": [{"name": key, "value": value} for key, value in body.items() if key not in plain],
    }


def _custom_formats(connection: sqlite3.Connection) -> list[Json]:
    formats = []
    for row in rows(connection, "CustomFormats"):
        specifications = [_specification(s) for s in load_json(row.get("Specifications"), [])]
        formats.append(
            {
                "id": row["Id"],
                "name": row["Name"],
                "includeCustomFormatWhenRenaming": bool(row.get("IncludeCustomFormatWhenRenaming")),
                "specifications": [s for s in specifications if s is not None],
            }
        )
    return formats


def _quality_profiles(connection: sqlite3.Connection) -> list[Json]:
    found = rows(connection, "QualityProfiles") or rows(connection, "Profiles")
    return [
        {
            "id": row["Id"],
            "name": row["Name"],
            "upgradeAllowed": bool(row.get("UpgradeAllowed")),
            "cutoff": row["Cutoff"],
            "items": _profile_items(load_json(row["Items"], [])),
            "minFormatScore": row.get("MinFormatScore") or 0,
            "cutoffFormatScore": row.get("CutoffFormatScore") or 0,
            "minUpgradeFormatScore": row.get("MinUpgradeFormatScore", 1),
            "formatItems": [i for i in load_json(row.get("FormatItems"), []) if isinstance(i, dict)],
            "language": {"id": row.get("Language") or 0},
        }
        for row in found
    ]


def _movie_file(row: Row, movie_path: str) -> Json:
    relative = str(row.get("RelativePath") or "")
    sep = path_separator(movie_path)  # a Radarr on Windows keeps C:\Movies\...
    return {
        "id": row["Id"],
        "relativePath": relative,
        "path": f"{movie_path.rstrip(sep)}{sep}{relative}" if relative else "",
        "size": row.get("Size") or 0,
        "dateAdded": row.get("DateAdded"),
        "sceneName": row.get("SceneName"),
        "releaseGroup": row.get("ReleaseGroup"),
        "edition": row.get("Edition"),
        "languages": _languages(row.get("Languages")),
        "quality": _quality(row.get("Quality")),
        "indexerFlags": row.get("IndexerFlags") or 0,
        "originalFilePath": row.get("OriginalFilePath"),
        # Not the API's formatted `mediaInfo`: the column's MediaInfoModel, whole (no API has it).
        "mediaInfoModel": load_json(row.get("MediaInfo"), None),
    }


def _movie(movie: Row, meta: Row, titles: list[str], file: Row | None) -> Json:
    path = str(movie.get("Path") or "")
    resource: Json = {
        "id": movie["Id"],
        "tmdbId": meta["TmdbId"],
        "imdbId": meta.get("ImdbId"),
        "title": meta.get("Title"),
        "originalTitle": meta.get("OriginalTitle"),
        "originalLanguage": {"id": meta.get("OriginalLanguage")},
        "overview": meta.get("Overview"),
        "year": meta.get("Year"),
        "runtime": meta.get("Runtime"),
        "status": _STATUS.get(meta.get("Status") or 0, "tba"),
        "inCinemas": meta.get("InCinemas"),
        "physicalRelease": meta.get("PhysicalRelease"),
        "digitalRelease": meta.get("DigitalRelease"),
        "certification": meta.get("Certification"),
        "studio": meta.get("Studio"),
        "genres": load_json(meta.get("Genres"), []),
        "keywords": load_json(meta.get("Keywords"), []),
        "ratings": load_json(meta.get("Ratings"), {}),
        "images": load_json(meta.get("Images"), []),
        "alternateTitles": [{"title": title} for title in titles],
        "popularity": meta.get("Popularity"),
        "youTubeTrailerId": meta.get("YouTubeTrailerId"),
        "website": meta.get("Website"),
        "path": path,
        "qualityProfileId": movie.get("QualityProfileId", movie.get("ProfileId")),
        "monitored": bool(movie.get("Monitored")),
        "minimumAvailability": AVAILABILITY.get(movie.get("MinimumAvailability") or 0, "released"),
        "tags": load_json(movie.get("Tags"), []),
    }
    if meta.get("CollectionTmdbId"):
        resource["collection"] = {"tmdbId": meta["CollectionTmdbId"], "title": meta.get("CollectionTitle")}
    if file is not None:
        resource["movieFile"] = _movie_file(file, path)
    return resource


def _movies(connection: sqlite3.Connection) -> list[Json]:
    metadata = {row["Id"]: row for row in rows(connection, "MovieMetadata")}
    files = {row["Id"]: row for row in rows(connection, "MovieFiles")}
    titles: dict[int, list[str]] = {}
    for row in rows(connection, "AlternativeTitles"):
        titles.setdefault(row.get("MovieMetadataId") or 0, []).append(str(row["Title"]))
    movies = []
    for movie in rows(connection, "Movies"):
        meta = metadata.get(movie["MovieMetadataId"])
        if meta is None:
            continue  # a film without its metadata row: Radarr's housekeeping removes it too
        file = files.get(movie.get("MovieFileId") or 0)
        movies.append(_movie(movie, meta, titles.get(meta["Id"], []), file))
    return movies


def _history(connection: sqlite3.Connection) -> list[Json]:
    return [
        {
            "id": row["Id"],
            "movieId": row.get("MovieId"),
            "sourceTitle": row.get("SourceTitle"),
            "languages": _languages(row.get("Languages")),
            "quality": _quality(row.get("Quality")),
            "date": row.get("Date"),
            "downloadId": row.get("DownloadId"),
            "eventType": row.get("EventType") or 0,
            "data": load_json(row.get("Data"), {}),
        }
        for row in rows(connection, "History")
    ]


def _blocklist(connection: sqlite3.Connection) -> list[Json]:
    return [
        {
            "id": row["Id"],
            "movieId": row.get("MovieId"),
            "sourceTitle": row.get("SourceTitle"),
            "languages": _languages(row.get("Languages")),
            "quality": _quality(row.get("Quality")),
            "date": row.get("Date"),
            "publishedDate": row.get("PublishedDate"),
            "size": row.get("Size"),
            "protocol": row.get("Protocol") or 0,
            "indexer": row.get("Indexer"),
            "message": row.get("Message"),
            "torrentInfoHash": row.get("TorrentInfoHash"),
            "indexerFlags": row.get("IndexerFlags") or 0,
        }
        for row in rows(connection, "Blocklist")
    ]


def _snapshot(connection: sqlite3.Connection) -> RadarrSnapshot:
    exclusions = [
        {
            "id": r["Id"],
            "tmdbId": r["TmdbId"],
            "movieTitle": r.get("MovieTitle"),
            "movieYear": r.get("MovieYear"),
        }
        for r in rows(connection, "ImportExclusions")
    ]
    from reelarr.api.v3.config_downloadclient import DownloadClientConfigResource
    from reelarr.api.v3.config_indexer import IndexerConfigResource
    from reelarr.api.v3.config_mediamanagement import MediaManagementConfigResource
    from reelarr.api.v3.config_ui import UiConfigResource

    config = dbconfig.config_values(connection)
    naming = dbsettings.naming(connection)
    read = READ_KINDS if naming is not None else READ_KINDS - {"naming settings"}
    return RadarrSnapshot(
        status=RadarrStatus(f"database schema {schema_version(connection)}", ""),
        tags=[{"id": r["Id"], "label": r["Label"]} for r in rows(connection, "Tags")],
        root_folders=[{"id": r["Id"], "path": r["Path"]} for r in rows(connection, "RootFolders")],
        quality_definitions=dbsettings.quality_definitions(connection),
        custom_formats=_custom_formats(connection),
        quality_profiles=_quality_profiles(connection),
        release_profiles=dbsettings.release_profiles(connection),
        delay_profiles=dbsettings.delay_profiles(connection),
        exclusions=exclusions,
        naming=naming or {},
        media_management=dbconfig.options(config, MediaManagementConfigResource),
        movies=_movies(connection),
        remote_path_mappings=dbsettings.remote_path_mappings(connection),
        download_clients=dbproviders.providers(connection, "DownloadClients"),
        indexers=dbproviders.providers(connection, "Indexers"),
        notifications=dbproviders.providers(connection, "Notifications"),
        import_lists=dbproviders.import_lists(connection),
        indexer_options=dbconfig.options(config, IndexerConfigResource),
        download_client_options=dbconfig.options(config, DownloadClientConfigResource),
        ui_settings=dbconfig.options(config, UiConfigResource),
        metadata=dbproviders.providers(connection, "Metadata"),
        custom_filters=dbconfig.custom_filters(connection),
        collections=dbsettings.collections(connection),
        history=_history(connection),
        blocklist=_blocklist(connection),
        unread=tuple(kind for kind, _ in KINDS if kind not in read),
        auto_tags=auto_tags_from_db(connection),
    )


def read_file_snapshot(path: Path) -> RadarrSnapshot:
    """Everything the import brings over from a `radarr.db` or a Radarr backup zip (blocking)."""
    with tempfile.TemporaryDirectory(prefix="reelarr-radarr-") as workdir:
        connection = connect(database_of(path, Path(workdir)))
        try:
            return _snapshot(connection)
        except (sqlite3.DatabaseError, KeyError) as error:
            raise ImportFailed(f"Reading {path} failed: {error} (is it a Radarr database?)") from error
        finally:
            connection.close()
