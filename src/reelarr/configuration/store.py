"""Read and write database-held settings."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from reelarr.configuration.tables import ConfigRow
from reelarr.db.engine import Database


class ConfigStore:
    """Named settings shared by every process that uses the same database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, key: str) -> str | None:
        """The value stored under `key`, or None."""
        async with self._db.read() as session:
            return await session.scalar(select(ConfigRow.value).where(ConfigRow.key == key))

    async def get_many(self, keys: Collection[str]) -> dict[str, str]:
        """The stored values of these keys, by key (keys never stored are absent)."""
        async with self._db.read() as session:
            rows = await session.execute(
                select(ConfigRow.key, ConfigRow.value).where(ConfigRow.key.in_(list(keys)))
            )
            return {str(row.key): str(row.value) for row in rows}

    async def set(self, key: str, value: str) -> None:
        """Store `value` under `key`, replacing what was there."""
        await self.set_many({key: value})

    async def set_many(self, values: Mapping[str, str]) -> None:
        """Store each value under its key in one transaction: all are kept, or none."""
        async with self._db.write() as session:
            rows = await session.scalars(select(ConfigRow).where(ConfigRow.key.in_(list(values))))
            stored = {row.key: row for row in rows}
            for key, value in values.items():
                if key in stored:
                    stored[key].value = value
                else:
                    session.add(ConfigRow(key=key, value=value))

    async def get_or_create(self, key: str, value: str) -> str:
        """The stored value, or `value` after storing it when there was none (safe across processes)."""
        insert = pg_insert if self._db.dialect == "postgresql" else sqlite_insert
        async with self._db.write() as session:
            await session.execute(insert(ConfigRow).values(key=key, value=value).on_conflict_do_nothing())
            stored = await session.scalar(select(ConfigRow.value).where(ConfigRow.key == key))
        assert stored is not None
        return stored

    async def replace(self, key: str, expected: str, value: str) -> bool:
        """Store `value` under `key` only if it still holds `expected`; whether this call changed it (of
        processes racing to replace the same value, exactly one does)."""
        async with self._db.write() as session:
            result = await session.execute(
                update(ConfigRow).where(ConfigRow.key == key, ConfigRow.value == expected).values(value=value)
            )
        return bool(getattr(result, "rowcount", 0))
