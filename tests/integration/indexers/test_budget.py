"""Each indexer's budget of backlog queries per hour, shared by every process through the database."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.indexers.budget import QueryBudget
from reelarr.providers.tables import ProviderRow
from tests.support.clock import FakeClock


async def _indexer(db: Database) -> int:
    async with db.write() as session:
        row = ProviderRow(
            family="indexer",
            name="Budgeted",
            name_key="budgeted",
            implementation="Torznab",
            config_contract="TorznabSettings",
            settings={},
            options={},
            tags=[],
            added=utcnow(),
        )
        session.add(row)
        await session.flush()
        return row.id


async def test_a_full_budget_allows_an_hours_queries_then_says_when_next(db: Database) -> None:
    clock = FakeClock()
    budget = QueryBudget(db, clock)
    indexer = await _indexer(db)
    granted = [(await budget.take(indexer, 6)).granted for _ in range(7)]
    assert granted == [True] * 6 + [False]
    refused = await budget.take(indexer, 6)
    assert refused.next_at == clock() + timedelta(minutes=10)  # 6 an hour: one every 10 minutes


async def test_the_budget_refills_over_the_hour(db: Database) -> None:
    clock = FakeClock()
    budget = QueryBudget(db, clock)
    indexer = await _indexer(db)
    for _ in range(6):
        await budget.take(indexer, 6)
    clock.advance(minutes=10)
    assert (await budget.take(indexer, 6)).granted
    assert not (await budget.take(indexer, 6)).granted
    clock.advance(hours=5)
    assert (await budget.peek(indexer, 6)).available == 6  # never more than an hour's worth


async def test_peeking_takes_nothing(db: Database) -> None:
    clock = FakeClock()
    budget = QueryBudget(db, clock)
    indexer = await _indexer(db)
    for _ in range(3):
        assert (await budget.peek(indexer, 1)).granted
    assert (await budget.take(indexer, 1)).granted
    peeked = await budget.peek(indexer, 1)
    assert (peeked.granted, peeked.next_at) == (False, clock() + timedelta(hours=1))


async def test_every_process_draws_from_the_same_budget(db: Database) -> None:
    clock = FakeClock()
    indexer = await _indexer(db)
    first, second = QueryBudget(db, clock), QueryBudget(db, clock)
    assert (await first.take(indexer, 2)).granted
    assert (await second.take(indexer, 2)).granted
    assert not (await first.take(indexer, 2)).granted


async def test_a_lowered_budget_applies_at_once(db: Database) -> None:
    clock = FakeClock()
    budget = QueryBudget(db, clock)
    indexer = await _indexer(db)
    await budget.take(indexer, 100)
    assert (await budget.peek(indexer, 3)).available == 3


async def test_no_budget_means_no_limit(db: Database) -> None:
    budget = QueryBudget(db, FakeClock())
    indexer = await _indexer(db)
    assert all([(await budget.take(indexer, 0)).granted for _ in range(50)])


async def test_an_unknown_indexer_gets_nothing(db: Database) -> None:
    assert not (await QueryBudget(db, FakeClock()).take(4242, 10)).granted


async def test_queries_taken_at_once_never_overspend(db: Database) -> None:
    clock = FakeClock()
    indexer = await _indexer(db)
    budgets = [QueryBudget(db, clock), QueryBudget(db, clock)]
    answers = await asyncio.gather(*(budgets[i % 2].take(indexer, 5) for i in range(12)))
    assert sum(a.granted for a in answers) == 5
