"""A backup that is newer, foreign, damaged or cut short is refused with a clear message, and the
installation it was to replace is left exactly as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reelarr.backups.manifest import BackupInvalid
from reelarr.backups.service import BackupService, BackupType
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.db.migrate import head_revision
from reelarr.events import EventBus
from reelarr.tags.service import TagService
from tests.integration.backups.conftest import backup_contents, zip_members


def _write_settings(data_dir: Path, text: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(text)


async def _installation(db: Database, data_dir: Path) -> tuple[BackupService, Path]:
    """An installation with a tag and a settings file, and a good backup of it."""
    _write_settings(data_dir, 'instance_name = "Before"\n')
    await TagService(db, EventBus()).create("before")
    service = BackupService(data_dir, db, utcnow)
    return service, await service.create(BackupType.MANUAL, data_dir.parent / "good")


def _rewrite(source: Path, target: Path, **changes: bytes) -> Path:
    members = zip_members(source) | changes
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _newer(good: Path, target: Path) -> Path:
    manifest = json.loads(zip_members(good)["manifest.json"])
    manifest["schemaRevision"] = f"{int(head_revision()) + 1:04d}"
    return _rewrite(good, target, **{"manifest.json": json.dumps(manifest).encode()})


def _foreign(good: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("radarr.db", b"SQLite format 3\0")
        archive.writestr("config.xml", b"<Config></Config>")
    return target


def _cut_short(good: Path, target: Path) -> Path:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _not_a_zip(good: Path, target: Path) -> Path:
    target.write_bytes(b"hello, this is not a zip")
    return target


def _rows_missing(good: Path, target: Path) -> Path:
    tags = zip_members(good)["database/tags.jsonl"]
    return _rewrite(good, target, **{"database/tags.jsonl": tags.split(b"\n", 1)[1]})


def _manifest_with(good: Path, table: str, rows: int) -> bytes:
    manifest = json.loads(zip_members(good)["manifest.json"])
    for entry in manifest["tables"]:
        if entry["name"] == table:
            entry["rows"] = rows
    return json.dumps(manifest).encode()


def _same_id_twice(good: Path, target: Path) -> Path:
    tags = zip_members(good)["database/tags.jsonl"]
    return _rewrite(
        good, target, **{"database/tags.jsonl": tags + tags, "manifest.json": _manifest_with(good, "tags", 2)}
    )


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_newer, "from a newer Reelarr"),
        (_foreign, "not a Reelarr backup"),
        (_cut_short, "not a zip file, or it was cut short"),
        (_not_a_zip, "not a zip file"),
        (_rows_missing, "holds 0 rows, its manifest 1"),
        (_same_id_twice, r"rows do not fit the database \(\w+\); nothing was changed"),
    ],
)
async def test_a_bad_backup_is_refused_and_nothing_changes(
    db: Database, tmp_path: Path, spoil: object, message: str
) -> None:
    service, good = await _installation(db, tmp_path / "data")
    await TagService(db, EventBus()).create("after")
    before = await service.create(BackupType.MANUAL, tmp_path / "before")
    bad = spoil(good, tmp_path / "bad.zip")  # type: ignore[operator]

    with pytest.raises(BackupInvalid, match=message):
        await service.restore(bad)

    after = await service.create(BackupType.MANUAL, tmp_path / "after")
    assert backup_contents(after) == backup_contents(before)
    assert (tmp_path / "data" / "config.toml").read_text() == 'instance_name = "Before"\n'


async def test_a_good_backup_brings_back_what_it_held(db: Database, tmp_path: Path) -> None:
    service, good = await _installation(db, tmp_path / "data")
    await TagService(db, EventBus()).create("after")
    _write_settings(tmp_path / "data", 'instance_name = "After"\n')

    await service.restore(good)

    assert [t.label for t in await TagService(db, EventBus()).all()] == ["before"]
    assert (tmp_path / "data" / "config.toml").read_text() == 'instance_name = "Before"\n'
