"""What a backup zip holds and how its values are written: pure, no database and no files."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine

FORMAT = "reelarr-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SETTINGS_NAME = "config.toml"
TABLES_DIR = "database/"

# Column kinds a backup knows; each is written as plain JSON and read back the same on both databases.
KINDS = frozenset({"integer", "float", "boolean", "text", "datetime", "date", "json", "bytes"})


class BackupInvalid(Exception):
    """A file is not a Reelarr backup this version can restore; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class TableEntry:
    """One table in a backup: its columns' kinds (in order) and how many rows it holds."""

    name: str
    columns: dict[str, str]
    rows: int

    @property
    def file_name(self) -> str:
        """The zip member holding the table's rows, one JSON object a line."""
        return f"{TABLES_DIR}{self.name}.jsonl"


@dataclass(frozen=True, slots=True)
class Manifest:
    """The first thing read from a backup: who made it, from which schema, and what it holds."""

    reelarr_version: str
    schema_revision: str
    database_kind: str
    created_at: datetime
    tables: tuple[TableEntry, ...]
    has_settings: bool

    def to_json(self) -> bytes:
        """The manifest as written into the zip."""
        return json.dumps(
            {
                "format": FORMAT,
                "formatVersion": FORMAT_VERSION,
                "reelarrVersion": self.reelarr_version,
                "schemaRevision": self.schema_revision,
                "databaseKind": self.database_kind,
                "createdAt": self.created_at.astimezone(UTC).isoformat(),
                "hasSettings": self.has_settings,
                "tables": [{"name": t.name, "columns": t.columns, "rows": t.rows} for t in self.tables],
            },
            indent=2,
        ).encode()


def parse_manifest(raw: bytes) -> Manifest:
    """Read a manifest; BackupInvalid when it is not one this version understands."""
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupInvalid("This zip is not a Reelarr backup (its manifest is not Reelarr's)")
        if data.get("formatVersion") != FORMAT_VERSION:
            raise BackupInvalid(f"Backup format {data.get('formatVersion')} is not one this Reelarr reads")
        tables = tuple(_table(t) for t in data["tables"])
        revision = str(data["schemaRevision"])
        if not revision.isdigit():
            raise BackupInvalid(f"Backup names an unknown schema revision {revision!r}")
        return Manifest(
            reelarr_version=str(data["reelarrVersion"]),
            schema_revision=revision,
            database_kind=str(data["databaseKind"]),
            created_at=datetime.fromisoformat(data["createdAt"]),
            tables=tables,
            has_settings=bool(data.get("hasSettings", False)),
        )
    except BackupInvalid:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise BackupInvalid(f"The backup's manifest is damaged ({type(error).__name__})") from error


def _table(data: Any) -> TableEntry:
    name, columns, rows = data["name"], data["columns"], data["rows"]
    if not isinstance(name, str) or not name.replace("_", "").isalnum():
        raise BackupInvalid(f"The backup names a table {name!r} Reelarr cannot have")
    if not isinstance(columns, dict) or any(kind not in KINDS for kind in columns.values()):
        raise BackupInvalid(f"The backup's table {name} has a column of an unknown kind")
    if not isinstance(rows, int) or rows < 0:
        raise BackupInvalid(f"The backup's table {name} has no row count")
    return TableEntry(name, {str(k): str(v) for k, v in columns.items()}, rows)


def column_kind(column_type: TypeEngine[Any]) -> str:
    """The portable kind of a column type, from a table's model or from reflection."""
    if isinstance(column_type, TypeDecorator):
        return column_kind(column_type.impl_instance)
    if isinstance(column_type, Boolean):
        return "boolean"
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, JSON):
        return "json"
    if isinstance(column_type, Integer):
        return "integer"
    if isinstance(column_type, Float | Numeric):
        return "float"
    if isinstance(column_type, LargeBinary):
        return "bytes"
    return "text"


def encode_value(kind: str, value: Any) -> Any:
    """A database value as plain JSON; naive datetimes are UTC (SQLite keeps them so)."""
    if value is None:
        return None
    if kind == "datetime":
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    if kind == "date":
        return value.isoformat()
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode()
    if kind == "boolean":
        return bool(value)
    if kind == "float":
        return float(value)
    return value


def decode_value(kind: str, value: Any, *, naive_datetimes: bool) -> Any:
    """A JSON value back as the database value; datetimes naive UTC for SQLite, aware for PostgreSQL."""
    if value is None:
        return None
    if kind == "datetime":
        moment = datetime.fromisoformat(value).astimezone(UTC)
        return moment.replace(tzinfo=None) if naive_datetimes else moment
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "bytes":
        return base64.b64decode(value)
    if kind == "boolean":
        return bool(value)
    return value
