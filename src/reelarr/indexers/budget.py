"""Each indexer's budget of backlog queries per hour, shared by every process through the database.

A token bucket per indexer: it holds at most an hour's budget, refills at budget/3600 tokens a
second, and a query takes one token. The search code asks before each backlog query: "may I
query now?" (`take`), or "when may I next?" (`peek`). A budget of 0 means no limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from reelarr.db.engine import Database
from reelarr.indexers.tables import QueryBudgetRow
from reelarr.providers.tables import ProviderRow

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Budget:
    """An answer of the budget: whether a query may go now, and when the next one may."""

    granted: bool
    available: float  # whole queries that may go now (after this one, when granted)
    next_at: datetime | None  # when a query may go, when none may now; None: now (or no limit)
    per_hour: int


def _refilled(tokens: float, updated: datetime, now: datetime, per_hour: int) -> float:
    elapsed = max((now - updated).total_seconds(), 0.0)
    return min(float(per_hour), tokens + elapsed * per_hour / 3600.0)


def _next_at(tokens: float, now: datetime, per_hour: int) -> datetime | None:
    if tokens >= 1.0:
        return None
    return now + timedelta(seconds=(1.0 - tokens) * 3600.0 / per_hour)


class QueryBudget:
    """Asks and takes from the indexers' query budgets."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def peek(self, indexer_id: int, per_hour: int) -> Budget:
        """What the budget allows now, without taking anything."""
        now = self._clock()
        if per_hour <= 0:
            return Budget(True, float("inf"), None, per_hour)
        async with self._db.read() as session:
            row = await session.get(QueryBudgetRow, indexer_id)
        tokens = float(per_hour) if row is None else _refilled(row.tokens, row.updated, now, per_hour)
        return Budget(tokens >= 1.0, tokens, _next_at(tokens, now, per_hour), per_hour)

    async def take(self, indexer_id: int, per_hour: int) -> Budget:
        """Take one query from the budget if it has one; otherwise say when it will."""
        now = self._clock()
        if per_hour <= 0:
            return Budget(True, float("inf"), None, per_hour)
        async with self._db.write() as session:
            await self._db.serialize(session, f"indexer-budget:{indexer_id}")
            row = await session.get(QueryBudgetRow, indexer_id, with_for_update=True)
            if row is None:
                exists = await session.scalar(select(ProviderRow.id).where(ProviderRow.id == indexer_id))
                if exists is None:
                    return Budget(False, 0.0, None, per_hour)
                row = QueryBudgetRow(provider_id=indexer_id, tokens=float(per_hour), updated=now)
                session.add(row)
            tokens = _refilled(row.tokens, row.updated, now, per_hour)
            granted = tokens >= 1.0
            if granted:
                tokens -= 1.0
            row.tokens, row.updated = tokens, now
        return Budget(granted, tokens, _next_at(tokens, now, per_hour), per_hour)
