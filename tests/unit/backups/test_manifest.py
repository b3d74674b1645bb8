"""The portable values and the manifest of a backup: what goes in comes back the same on both databases."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import JSON, Boolean, Date, Float, Integer, LargeBinary, String, Text

from reelarr.backups.manifest import (
    BackupInvalid,
    Manifest,
    TableEntry,
    column_kind,
    decode_value,
    encode_value,
    parse_manifest,
)
from reelarr.db.base import JsonType, UtcDateTime


@pytest.mark.parametrize(
    ("column_type", "kind"),
    [
        (Integer(), "integer"),
        (Boolean(), "boolean"),
        (UtcDateTime(), "datetime"),
        (Date(), "date"),
        (JsonType, "json"),
        (JSON(), "json"),
        (Float(), "float"),
        (LargeBinary(), "bytes"),
        (String(50), "text"),
        (Text(), "text"),
    ],
)
def test_column_kind(column_type: object, kind: str) -> None:
    assert column_kind(column_type) == kind  # type: ignore[arg-type]


def test_a_naive_datetime_is_taken_as_utc_and_read_back_for_either_database() -> None:
    written = encode_value("datetime", datetime(2026, 1, 2, 3, 4, 5, 6))
    assert written == "2026-01-02T03:04:05.000006+00:00"
    assert decode_value("datetime", written, naive_datetimes=True) == datetime(2026, 1, 2, 3, 4, 5, 6)
    assert decode_value("datetime", written, naive_datetimes=False) == datetime(
        2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC
    )


def test_an_aware_datetime_is_written_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    assert encode_value("datetime", datetime(2026, 1, 2, 4, 0, tzinfo=paris)) == "2026-01-02T03:00:00+00:00"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("bytes", b"\x00\xffposter"),
        ("date", date(2026, 12, 7)),
        ("boolean", True),
        ("json", {"password": "s3cret", "tags": [1, 2], "nested": {"a": None}}),
        ("integer", 2**40),
        ("text", "Amélie"),
        ("float", 1.5),
    ],
)
def test_values_come_back_as_they_went(kind: str, value: object) -> None:
    through_json = json.loads(json.dumps(encode_value(kind, value)))
    assert decode_value(kind, through_json, naive_datetimes=True) == value


def test_a_sqlite_boolean_stored_as_one_is_written_as_true() -> None:
    assert encode_value("boolean", 1) is True


def _manifest(**changes: object) -> bytes:
    manifest = Manifest(
        "0.1.0",
        "0019",
        "sqlite",
        datetime(2026, 12, 7, tzinfo=UTC),
        (TableEntry("tags", {"id": "integer", "label": "text"}, 2),),
        True,
    )
    data = json.loads(manifest.to_json())
    data.update(changes)
    return json.dumps(data).encode()


def test_a_manifest_reads_back() -> None:
    manifest = parse_manifest(_manifest())
    assert manifest.schema_revision == "0019"
    assert manifest.tables == (TableEntry("tags", {"id": "integer", "label": "text"}, 2),)
    assert manifest.tables[0].file_name == "database/tags.jsonl"
    assert manifest.has_settings


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "manifest is damaged"),
        (_manifest(format="radarr"), "not a Reelarr backup"),
        (_manifest(formatVersion=2), "Backup format 2"),
        (_manifest(schemaRevision="abc"), "unknown schema revision"),
        (_manifest(tables=[{"name": "x; drop table y", "columns": {}, "rows": 0}]), "cannot have"),
        (_manifest(tables=[{"name": "x", "columns": {"a": "blob"}, "rows": 0}]), "unknown kind"),
        (_manifest(tables=[{"name": "x", "columns": {}, "rows": -1}]), "no row count"),
        (_manifest(createdAt="yesterday"), "manifest is damaged"),
    ],
)
def test_a_bad_manifest_is_refused_with_a_reason(raw: bytes, message: str) -> None:
    with pytest.raises(BackupInvalid, match=message):
        parse_manifest(raw)
