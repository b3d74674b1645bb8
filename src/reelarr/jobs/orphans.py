"""Journal rows left by command workers that died mid-way: what a journaled service must finish or
undo (its own worker's rows, and those of workers still alive, are theirs to finish)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy import select

from reelarr.db.engine import Database


class JournalRow(Protocol):
    """A journal table's row: it names the worker that wrote it."""

    @property
    def worker_id(self) -> str:
        """The command worker that wrote the row."""


Row = TypeVar("Row", bound=JournalRow)


async def orphaned_rows(
    db: Database,
    table: type[Row],
    worker_id: str,
    live_workers: Callable[[], Awaitable[Sequence[str]]] | None,
) -> list[Row]:
    """The rows of `table` whose worker is neither this one nor a live one."""
    live = set(await live_workers()) if live_workers is not None else set()
    live.add(worker_id)
    async with db.read() as session:
        return [r for r in await session.scalars(select(table)) if r.worker_id not in live]
