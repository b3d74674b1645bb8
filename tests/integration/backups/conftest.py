"""A second installation to restore into, of each database kind, and backups read back for comparing."""

from __future__ import annotations

import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from reelarr.backups.archive import BackupArchive
from reelarr.db.migrate import head_revision
from tests.fixtures.indexers.plugin import indexer_fixture_server, indexer_server
from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.integration.movies.conftest import Library, library
from tests.support.databases import DATABASES, copy_sqlite

__all__ = [
    "Library",
    "indexer_fixture_server",
    "indexer_server",
    "library",
    "tmdb_fixture_server",
    "tmdb_server",
]


@pytest.fixture(params=["sqlite", "postgresql"])
async def other_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, postgres_template: str
) -> AsyncIterator[str]:
    """A fresh installation's database of each kind, to restore into."""
    if request.param == "sqlite":
        yield copy_sqlite(sqlite_template, tmp_path / "other" / "reelarr.db")
        return
    url = await DATABASES.take(postgres_template)
    try:
        yield url
    finally:
        DATABASES.drop(url)


def backup_contents(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows in a backup, as written (datetimes in UTC), for comparing two backups."""
    with BackupArchive(path, head_revision()) as archive:
        return {table.name: list(archive.rows(table)) for table in archive.manifest.tables}


def zip_members(path: Path) -> dict[str, bytes]:
    """Every member of a zip by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
