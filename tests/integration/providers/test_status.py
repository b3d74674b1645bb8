"""Provider status: Radarr's escalating back-off, stored so every process backs off together."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.providers.events import ProviderStatusChanged
from reelarr.providers.status import ProviderStatuses
from reelarr.providers.tables import ProviderRow
from tests.support.clock import FakeClock


async def _provider(db: Database) -> int:
    async with db.write() as session:
        row = ProviderRow(
            family="indexer",
            name="Test",
            name_key="test",
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


def _statuses(db: Database, clock: FakeClock, *, started_hours_ago: float = 1) -> ProviderStatuses:
    return ProviderStatuses(db, EventBus(), clock, started_at=clock() - timedelta(hours=started_hours_ago))


async def test_each_failure_backs_off_longer(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    periods = []
    for _ in range(4):
        status = await statuses.record_failure(provider, "HTTP 503")
        assert status.disabled_till is not None
        periods.append(status.disabled_till - clock())
        clock.advance(hours=1)
    assert periods == [
        timedelta(minutes=1),
        timedelta(minutes=5),
        timedelta(minutes=15),
        timedelta(minutes=30),
    ]


async def test_back_off_stops_escalating_at_a_day(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    for _ in range(15):
        status = await statuses.record_failure(provider, "HTTP 503")
        clock.advance(days=2)
    assert status.escalation_level == 9
    assert status.disabled_till is not None
    assert status.disabled_till - status.most_recent_failure == timedelta(hours=24)  # type: ignore[operator]


async def test_a_success_lowers_the_level_one_step_and_enables_again(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    await statuses.record_failure(provider, "HTTP 503")
    await statuses.record_failure(provider, "HTTP 503")
    await statuses.record_success(provider)
    status = await statuses.get(provider)
    assert status.escalation_level == 1
    assert status.disabled_till is None
    assert status.last_error == "HTTP 503"
    await statuses.record_success(provider)
    status = await statuses.get(provider)
    assert status.escalation_level == 0
    assert status.last_error is None


async def test_a_connection_failure_backs_off_without_escalating(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    await statuses.record_failure(provider, "HTTP 503")
    status = await statuses.record_connection_failure(provider, "cannot connect")
    assert status.escalation_level == 1
    assert status.last_error == "cannot connect"


async def test_a_requested_wait_is_honoured_whole(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    status = await statuses.record_failure(provider, "limit", minimum_backoff=timedelta(hours=2))
    assert status.disabled_till == clock() + timedelta(hours=3)  # the level whose period covers 2 h
    assert status.escalation_level == 6


async def test_soon_after_start_back_offs_are_short(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock, started_hours_ago=0)
    provider = await _provider(db)
    for _ in range(5):
        status = await statuses.record_failure(provider, "HTTP 503")
    assert status.escalation_level == 1  # no escalation during the first 15 minutes
    assert status.disabled_till == clock() + timedelta(minutes=1)


async def test_every_process_sees_the_same_back_off(db: Database) -> None:
    clock = FakeClock()
    provider = await _provider(db)
    await _statuses(db, clock).record_failure(provider, "HTTP 503")
    seen = await _statuses(db, clock).get(provider)
    assert seen.disabled(clock())
    assert seen.last_error == "HTTP 503"
    clock.advance(minutes=2)
    assert not seen.disabled(clock())


async def test_status_changes_are_published(db: Database) -> None:
    clock = FakeClock()
    bus = EventBus()
    published: list[ProviderStatusChanged] = []

    async def seen(event: ProviderStatusChanged) -> None:
        published.append(event)

    bus.subscribe(ProviderStatusChanged, seen)
    statuses = ProviderStatuses(db, bus, clock, started_at=clock())
    provider = await _provider(db)
    await statuses.record_failure(provider, "HTTP 503")
    await statuses.record_success(provider)
    await statuses.record_success(provider)  # nothing left to lower: no event
    assert [e.provider_id for e in published] == [provider, provider]


async def test_unsaved_and_deleted_providers_have_no_status(db: Database) -> None:
    clock = FakeClock()
    statuses = _statuses(db, clock)
    provider = await _provider(db)
    await statuses.record_failure(provider, "HTTP 503")
    async with db.write() as session:
        await session.execute(delete(ProviderRow).where(ProviderRow.id == provider))
    assert (await statuses.get(provider)).escalation_level == 0
    assert (await statuses.record_failure(0, "test of an unsaved provider")).escalation_level == 0
    assert (await statuses.record_failure(provider, "after deletion")).escalation_level == 0
