"""Settings tables of a Radarr database as the API's resources: quality sizes, delay and release
profiles, naming, remote path mappings and collections."""

from __future__ import annotations

import sqlite3
from typing import Any

from reelarr.radarrimport.dbrows import AVAILABILITY, load_json, rows

Json = dict[str, Any]
_PROTOCOLS = {1: "usenet", 2: "torrent"}
_COLON_REPLACEMENTS = {0: "delete", 1: "dash", 2: "spaceDash", 3: "spaceDashSpace", 4: "smart"}


def quality_definitions(connection: sqlite3.Connection) -> list[Json]:
    """QualityDefinitions as QualityDefinitionResources."""
    return [
        {
            "id": row["Id"],
            "quality": {"id": row["Quality"]},
            "title": row.get("Title"),
            "minSize": row.get("MinSize"),
            "maxSize": row.get("MaxSize"),
            "preferredSize": row.get("PreferredSize"),
        }
        for row in rows(connection, "QualityDefinitions")
    ]


def delay_profiles(connection: sqlite3.Connection) -> list[Json]:
    """DelayProfiles as DelayProfileResources."""
    return [
        {
            "id": row["Id"],
            "enableUsenet": bool(row.get("EnableUsenet")),
            "enableTorrent": bool(row.get("EnableTorrent")),
            "preferredProtocol": _PROTOCOLS.get(row.get("PreferredProtocol") or 0, "usenet"),
            "usenetDelay": row.get("UsenetDelay") or 0,
            "torrentDelay": row.get("TorrentDelay") or 0,
            "bypassIfHighestQuality": bool(row.get("BypassIfHighestQuality")),
            "bypassIfAboveCustomFormatScore": bool(row.get("BypassIfAboveCustomFormatScore")),
            "minimumCustomFormatScore": row.get("MinimumCustomFormatScore") or 0,
            "order": row.get("Order") or 0,
            "tags": load_json(row.get("Tags"), []),
        }
        for row in rows(connection, "DelayProfiles")
    ]


def release_profiles(connection: sqlite3.Connection) -> list[Json]:
    """ReleaseProfiles as ReleaseProfileResources."""
    return [
        {
            "id": row["Id"],
            "name": row.get("Name"),
            "enabled": bool(row.get("Enabled", True)),
            "required": load_json(row.get("Required"), []),
            "ignored": load_json(row.get("Ignored"), []),
            "indexerId": row.get("IndexerId") or 0,
            "tags": load_json(row.get("Tags"), []),
        }
        for row in rows(connection, "ReleaseProfiles")
    ]


def naming(connection: sqlite3.Connection) -> Json | None:
    """The NamingConfig row as the NamingConfigResource; None when the table holds none."""
    found = rows(connection, "NamingConfig")
    if not found:
        return None
    row = found[0]
    return {
        "id": row["Id"],
        "renameMovies": bool(row.get("RenameMovies")),
        "replaceIllegalCharacters": bool(row.get("ReplaceIllegalCharacters")),
        "colonReplacementFormat": _COLON_REPLACEMENTS.get(row.get("ColonReplacementFormat") or 0, "delete"),
        "standardMovieFormat": row.get("StandardMovieFormat"),
        "movieFolderFormat": row.get("MovieFolderFormat"),
    }


def remote_path_mappings(connection: sqlite3.Connection) -> list[Json]:
    """RemotePathMappings as RemotePathMappingResources."""
    return [
        {"id": r["Id"], "host": r["Host"], "remotePath": r["RemotePath"], "localPath": r["LocalPath"]}
        for r in rows(connection, "RemotePathMappings")
    ]


def collections(connection: sqlite3.Connection) -> list[Json]:
    """Collections as CollectionResources (their settings; their films come from the library)."""
    return [
        {
            "id": row["Id"],
            "tmdbId": row["TmdbId"],
            "title": row.get("Title"),
            "monitored": bool(row.get("Monitored")),
            "searchOnAdd": bool(row.get("SearchOnAdd")),
            "qualityProfileId": row.get("QualityProfileId") or 0,
            "rootFolderPath": row.get("RootFolderPath"),
            "minimumAvailability": AVAILABILITY.get(row.get("MinimumAvailability") or 0, "released"),
            "tags": load_json(row.get("Tags"), []),
        }
        for row in rows(connection, "Collections")
    ]
