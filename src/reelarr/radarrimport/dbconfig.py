"""Radarr's Config table (a key, lowercased, and a text value per option) as the API's option
resources; and its custom filters."""

from __future__ import annotations

import sqlite3
from typing import Any

from pydantic import BaseModel

from reelarr.radarrimport.dbrows import load_json, rows

Json = dict[str, Any]
# Options Radarr keeps by an enum's name ("DoNotPrefer"); its API writes them camelCased.
_ENUMS = {"downloadpropersandrepacks", "filedate", "rescanafterrefresh", "movieruntimeformat"}


def config_values(connection: sqlite3.Connection) -> dict[str, str]:
    """Every option Radarr stored, by its lowercased key."""
    return {
        str(r["Key"]).lower(): r["Value"] for r in rows(connection, "Config") if r.get("Value") is not None
    }


def _value(key: str, text: str) -> Any:
    if text in ("True", "False"):
        return text == "True"
    if key in _ENUMS:
        return text[:1].lower() + text[1:]
    return text


def options(values: dict[str, str], resource: type[BaseModel]) -> Json:
    """The options of one resource (matched by their names, lowercased) Radarr stored a value for."""
    out: Json = {}
    for name, field in resource.model_fields.items():
        alias = field.alias or name
        if alias.lower() in values and alias != "id":
            out[alias] = _value(alias.lower(), values[alias.lower()])
    return out


def custom_filters(connection: sqlite3.Connection) -> list[Json]:
    """CustomFilters as CustomFilterResources."""
    return [
        {"id": r["Id"], "type": r["Type"], "label": r["Label"], "filters": load_json(r.get("Filters"), [])}
        for r in rows(connection, "CustomFilters")
    ]
