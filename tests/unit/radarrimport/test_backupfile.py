"""`--from FILE`: a radarr.db or backup zip is read as the API would answer; bad files are one clear error."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reelarr.radarrimport.client import ImportFailed
from reelarr.radarrimport.dbsnapshot import read_file_snapshot
from tests.fixtures.radarr import data
from tests.fixtures.radarr.radarrdb import build_radarr_db


@pytest.fixture(scope="module")
def radarr_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture installation's radarr.db (built once for the module; never changed by a test)."""
    return build_radarr_db(tmp_path_factory.mktemp("radarr") / "radarr.db")


def backup(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_a_backup_zip_reads_like_the_api(radarr_db: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(radarr_db.read_bytes()).hexdigest()
    config = b"<Config><ApiKey>x</ApiKey></Config>"
    zipped = backup(
        tmp_path / "radarr_backup.zip", {"radarr.db": radarr_db.read_bytes(), "config.xml": config}
    )

    snapshot = read_file_snapshot(zipped)

    assert hashlib.sha256(radarr_db.read_bytes()).hexdigest() == before
    assert snapshot.status.version == "database schema 242"
    [matrix, spirited, untitled] = snapshot.movies
    api_matrix = data.movies_with_files()[0]
    assert (matrix["tmdbId"], matrix["title"], matrix["path"], matrix["tags"]) == (
        603,
        "The Matrix",
        api_matrix["path"],
        [],
    )
    assert matrix["movieFile"]["relativePath"] == data.MATRIX_FILE
    assert matrix["movieFile"]["quality"]["quality"] == {"id": 7}
    assert (spirited["minimumAvailability"], spirited["originalLanguage"]) == ("inCinemas", {"id": 8})
    assert (untitled["status"], "movieFile" in untitled) == ("announced", False)
    assert [h["eventType"] for h in snapshot.history] == [1, 3, 4, 6]
    assert snapshot.blocklist[0]["protocol"] == 2
    assert snapshot.unread == ()


def test_a_radarr_db_in_wal_mode_is_read_with_its_log_and_nothing_is_made_beside_it(tmp_path: Path) -> None:
    radarr_db = build_radarr_db(tmp_path / "radarr.db")
    with sqlite3.connect(radarr_db) as db:
        db.execute("PRAGMA journal_mode=WAL")
    writer = sqlite3.connect(radarr_db)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute('UPDATE "Tags" SET "Label" = \'uhd\' WHERE "Label" = \'4k\'')
    writer.commit()  # in the -wal file only: Radarr still running
    files = sorted(p.name for p in tmp_path.iterdir())

    snapshot = read_file_snapshot(radarr_db)

    after = sorted(p.name for p in tmp_path.iterdir())
    writer.close()
    assert [t["label"] for t in snapshot.tags] == ["uhd", "kids"]
    assert files == after == ["radarr.db", "radarr.db-shm", "radarr.db-wal"]
    read_file_snapshot(radarr_db)  # Radarr stopped: its log is gone, and none is made beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["radarr.db"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Radarr backup? no", r"is neither a Radarr backup \(\.zip\) nor a radarr\.db \(SQLite\) file"),
        (b"", "is neither a Radarr backup"),
    ],
)
def test_a_foreign_file_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "backup.zip"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        read_file_snapshot(path)


def test_a_zip_without_radarr_db_says_to_use_the_api(tmp_path: Path) -> None:
    zipped = backup(tmp_path / "postgres_backup.zip", {"config.xml": b"<Config/>"})
    with pytest.raises(ImportFailed, match=r"holds no radarr\.db .* with --url and --api-key instead"):
        read_file_snapshot(zipped)


def test_a_backup_cut_short_is_refused(radarr_db: Path, tmp_path: Path) -> None:
    whole = backup(tmp_path / "whole.zip", {"radarr.db": radarr_db.read_bytes()}).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFailed, match="is a damaged or cut-short zip file"):
        read_file_snapshot(cut)


def test_a_radarr_db_cut_short_is_refused(radarr_db: Path, tmp_path: Path) -> None:
    whole = radarr_db.read_bytes()
    cut = tmp_path / "radarr.db"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFailed, match="is damaged or cut short"):
        read_file_snapshot(cut)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "sonarr.db"
    with sqlite3.connect(other) as db:
        db.execute('CREATE TABLE "Series" ("Id" INTEGER PRIMARY KEY)')
    with pytest.raises(ImportFailed, match="is not a Radarr database"):
        read_file_snapshot(other)


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (243, r"newer Radarr \(schema 243\); .* up to 242"),
        (206, r"older than 4\.0 \(schema 206\); update Radarr"),
    ],
)
def test_a_schema_this_version_does_not_read_is_refused(tmp_path: Path, schema: int, message: str) -> None:
    other = build_radarr_db(tmp_path / "radarr.db", schema=schema)
    with pytest.raises(ImportFailed, match=message):
        read_file_snapshot(other)
