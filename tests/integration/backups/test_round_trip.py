"""A backup of a running server restores into a fresh installation of either database kind, whole."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from reelarr.backups.service import BackupService, BackupType
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.providers.tables import ProviderRow
from tests.integration.backups.conftest import backup_contents
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, refreshed


async def _fill(library: Library) -> None:
    await add_movie(library, 603)
    await refreshed(library)
    client = library.server.client
    assert (await client.post("/api/v3/tag", json={"label": "kept"})).status_code == 201


@pytest.mark.timeout(120)
async def test_backup_of_a_running_server_restores_field_by_field(
    library: Library, other_database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    await _fill(library)
    source = BackupService(library.server.services.settings.data_dir, library.server.services.db, utcnow)
    with caplog.at_level(logging.DEBUG):
        made = await source.create(BackupType.MANUAL)
    other = Database(other_database_url)
    try:
        target = BackupService(tmp_path / "other-data", other, utcnow)
        await target.restore(made)
        again = await target.create(BackupType.MANUAL, tmp_path / "again")
        async with other.read() as session:
            providers = (await session.scalars(select(ProviderRow))).all()
    finally:
        await other.close()

    assert backup_contents(again) == backup_contents(made)
    assert {"movies", "providers", "quality_profiles", "tags", "config"} <= set(backup_contents(made))
    assert [m["title"] for m in backup_contents(made)["movies"]] == ["The Matrix"]
    qbittorrent = next(p for p in providers if p.implementation == "QBittorrent")
    password = qbittorrent.settings["password"]
    assert password, "the download client's password is in the backup"
    assert not [r for r in caplog.records if password in r.getMessage()]
