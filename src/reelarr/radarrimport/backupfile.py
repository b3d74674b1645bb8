"""`--from FILE`: a Radarr `radarr.db` or backup zip, checked and opened read-only (never changed)."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

from reelarr.radarrimport.client import ImportFailed

NEWEST_SCHEMA = 242  # Radarr 6.1's last migration: the schema this version reads
OLDEST_SCHEMA = 207  # films and their metadata in two tables (Radarr 4.0)
_SQLITE_HEADER = b"SQLite format 3\x00"
_ZIP_HEADER = b"PK\x03\x04"
_TABLES = ("VersionInfo", "Movies", "MovieMetadata", "MovieFiles", "Tags", "RootFolders")


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(16)
    except OSError as error:
        raise ImportFailed(f"Cannot read {path}: {error.strerror or error}") from error


def database_of(path: Path, workdir: Path) -> Path:
    """A copy in `workdir` of the radarr.db to read: `path` with its write-ahead log when there is
    one (SQLite would otherwise make files beside Radarr's), or the one out of a backup zip."""
    head = _header(path)
    if head.startswith(_SQLITE_HEADER):
        target = workdir / "radarr.db"
        try:
            shutil.copyfile(path, target)
            log = path.with_name(path.name + "-wal")
            if log.is_file():
                shutil.copyfile(log, workdir / "radarr.db-wal")
        except OSError as error:
            raise ImportFailed(f"Cannot read {path}: {error.strerror or error}") from error
        return target
    if not head.startswith(_ZIP_HEADER):
        raise ImportFailed(f"{path} is neither a Radarr backup (.zip) nor a radarr.db (SQLite) file")
    try:
        with zipfile.ZipFile(path) as backup:
            names = {Path(name).name: name for name in backup.namelist()}
            if "radarr.db" not in names:
                raise ImportFailed(
                    f"{path} holds no radarr.db (a backup of a Radarr on PostgreSQL holds no database: "
                    "import from it with --url and --api-key instead)"
                )
            target = workdir / "radarr.db"
            with backup.open(names["radarr.db"]) as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as error:
        raise ImportFailed(f"{path} is a damaged or cut-short zip file ({error})") from error
    return target


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to a Radarr database whose schema this version reads; a file that is
    not one (damaged, cut short, another program's, too new or too old) is an ImportFailed."""
    if not _header(path).startswith(_SQLITE_HEADER):
        raise ImportFailed(f"{path} is not a SQLite database")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        _check(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _check(connection: sqlite3.Connection, path: Path) -> None:
    try:
        [problem] = connection.execute("PRAGMA quick_check(1)").fetchone()
        if problem != "ok":
            raise ImportFailed(f"{path} is damaged or cut short ({problem})")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise ImportFailed(f"{path} is damaged or cut short ({error})") from error
    missing = [table for table in _TABLES if table not in tables]
    if missing:
        raise ImportFailed(f"{path} is not a Radarr database (no {', '.join(missing)} table)")
    version = connection.execute('SELECT MAX("Version") FROM "VersionInfo"').fetchone()[0] or 0
    if version > NEWEST_SCHEMA:
        raise ImportFailed(
            f"{path} is from a newer Radarr (schema {version}); this version of Reelarr reads Radarr's "
            f"schema up to {NEWEST_SCHEMA} (Radarr 6.1): import from the running Radarr with --url instead"
        )
    if version < OLDEST_SCHEMA:
        raise ImportFailed(
            f"{path} is from Radarr older than 4.0 (schema {version}); update Radarr, then back it up again"
        )


def schema_version(connection: sqlite3.Connection) -> int:
    """The last Radarr migration the database went through."""
    return int(connection.execute('SELECT MAX("Version") FROM "VersionInfo"').fetchone()[0] or 0)
