"""The migrations build exactly the tables the code declares, on both databases."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from reelarr.db.all_tables import Base
from reelarr.db.engine import Database
from reelarr.db.migrate import current_revision, head_revision, is_at_head
from reelarr.db.revisions import newest_script_revision


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    found = compare_metadata(context, Base.metadata)
    # SQLite cannot reflect expression indexes (lower(username)); they are checked on PostgreSQL.
    return [d for d in found if not (connection.dialect.name == "sqlite" and "username_lower" in str(d))]


async def test_migrated_schema_matches_the_tables_in_code(db: Database) -> None:
    async with db.engine.connect() as conn:
        assert await conn.run_sync(_differences) == []


async def test_database_is_at_the_newest_migration(db: Database) -> None:
    assert await current_revision(db) == head_revision()


def test_the_newest_script_by_name_is_alembics_head() -> None:
    # migrate() trusts the file names to skip Alembic when the database is up to date.
    assert newest_script_revision() == head_revision()


async def test_only_a_database_stamped_with_the_head_counts_as_up_to_date(db: Database) -> None:
    assert await is_at_head(db)
    behind = f"{int(head_revision()) - 1:04d}"
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql(f"update alembic_version set version_num = '{behind}'")
    assert not await is_at_head(db)
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql("drop table alembic_version")
    assert not await is_at_head(db)


async def test_ids_of_deleted_rows_are_never_handed_out_again(db: Database) -> None:
    from sqlalchemy import text

    async with db.write() as session:
        await session.execute(text("insert into tags (label) values ('a'), ('b')"))
        await session.execute(text("delete from tags where label = 'b'"))
        await session.execute(text("insert into tags (label) values ('c')"))
        ids = (await session.execute(text("select id from tags order by id"))).scalars().all()
    assert ids == [1, 3]
