"""Rebuilding SQLite tables in a migration keeps every row, also the rows pointing at a rebuilt table."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Connection, text

from reelarr.db.engine import Database
from reelarr.db.migrate import alembic_config, migrate

MOVIE = (
    "insert into movies (tmdb_id, title, original_title, sort_title, clean_title, year, overview, runtime,"
    " tmdb_status, original_language_id, genres, keywords, ratings, images, recommendations, popularity,"
    " monitored, minimum_availability, quality_profile_id, path, root_folder_path, tags, added) values"
    " (603, 'm', 'm', 'm', 'm', 1999, '', 1, 'Released', 1, '[]', '[]', '{}', '[]', '[]', 0, 1, 'released',"
    " 1, '/x/m', '/x', '[]', '2020-01-01')"
)


def _upgrade_to(connection: Connection, revision: str) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, revision)


async def test_rows_pointing_at_a_rebuilt_table_survive(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        async with db.engine.connect() as conn:
            await conn.run_sync(_upgrade_to, "0004")
            await conn.commit()
        async with db.write() as session:
            await session.execute(
                text(
                    "insert into quality_profiles (name, upgrade_allowed, cutoff, items, min_format_score,"
                    " cutoff_format_score, min_upgrade_format_score, format_items, language_id)"
                    " values ('p', 0, 1, '[]', 0, 0, 0, '[]', 1)"
                )
            )
            await session.execute(text(MOVIE))
            await session.execute(
                text(
                    "insert into movie_files (movie_id, relative_path, size, date_added, quality, languages,"
                    " indexer_flags) values (1, 'a.mkv', 1, '2020-01-01', '{}', '[]', 0)"
                )
            )
        await migrate(db)
        async with db.read() as session:
            assert (await session.execute(text("select count(*) from movie_files"))).scalar() == 1
            assert (await session.execute(text("pragma foreign_keys"))).scalar() == 1, "foreign keys back on"
    finally:
        await db.close()
