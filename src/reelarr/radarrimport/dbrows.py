"""Reading a Radarr database's rows and JSON columns."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

Row = dict[str, Any]
# Radarr's MovieStatusType as minimumAvailability names (4, the old preDB, counts as released).
AVAILABILITY = {0: "tba", 1: "announced", 2: "inCinemas", 3: "released", 4: "released"}


def rows(connection: sqlite3.Connection, table: str) -> list[Row]:
    """Every row of `table` as a dict by column, in id order; none when Radarr has no such table."""
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    if exists.fetchone() is None:
        return []
    query = f'SELECT * FROM "{table}" ORDER BY "Id"'  # noqa: S608 (table names are this module's own)
    return [dict(row) for row in connection.execute(query)]


def load_json(value: Any, default: Any) -> Any:
    """A JSON column's value; `default` for an empty or unreadable one."""
    if not isinstance(value, str) or not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default
