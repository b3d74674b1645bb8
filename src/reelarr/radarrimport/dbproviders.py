"""Provider tables of a Radarr database (download clients, indexers, notifications, import lists,
metadata) as the API's resources: `Settings` JSON as `fields`, secrets as Radarr keeps them (unmasked)."""

from __future__ import annotations

import sqlite3
from typing import Any

from reelarr.radarrimport.dbrows import AVAILABILITY, load_json, rows

Json = dict[str, Any]
_MONITOR = {0: "movieOnly", 1: "movieAndCollection", 2: "none"}
_FLAG_PREFIXES = ("On", "Enable", "Include", "Remove", "SearchOnAdd")


def _camel(column: str) -> str:
    return column[:1].lower() + column[1:]


def _provider(row: dict[str, Any]) -> Json:
    """A provider row as its resource: columns camelCased (flags as booleans), settings as fields."""
    resource: Json = {}
    for column, value in row.items():
        if column in ("Settings", "Tags"):
            continue
        flag = column.startswith(_FLAG_PREFIXES) and isinstance(value, int)
        resource[_camel(column)] = bool(value) if flag else value
    settings = load_json(row.get("Settings"), {})
    resource["id"] = row["Id"]
    resource["tags"] = load_json(row.get("Tags"), [])
    resource["fields"] = [
        {"name": k, "value": v} for k, v in (settings if isinstance(settings, dict) else {}).items()
    ]
    return resource


def providers(connection: sqlite3.Connection, table: str) -> list[Json]:
    """Every provider of one family's table."""
    return [_provider(row) for row in rows(connection, table)]


def import_lists(connection: sqlite3.Connection) -> list[Json]:
    """ImportLists, their monitoring and availability by Radarr's names."""
    lists = []
    for row in rows(connection, "ImportLists"):
        resource = _provider(row)
        resource["monitor"] = _MONITOR.get(row.get("Monitor") or 0, "movieOnly")
        resource["minimumAvailability"] = AVAILABILITY.get(row.get("MinimumAvailability") or 0, "released")
        resource["qualityProfileId"] = row.get("QualityProfileId", row.get("ProfileId"))
        lists.append(resource)
    return lists
