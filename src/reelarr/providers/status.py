"""Provider status shared by every family: failures, Radarr's escalating back-off, disabled-until.

Each failure raises a provider's escalation level one step (1 min, 5 min, 15 min ... 24 h) and
disables it until the back-off ends; each success lowers it one step. The rows live in the
database, so every process sees the same status and backs off together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.providers.events import ProviderStatusChanged
from reelarr.providers.tables import ProviderRow, ProviderStatusRow

Clock = Callable[[], datetime]
# Radarr's EscalationBackOff periods, in seconds, by escalation level.
BACKOFF_PERIODS = (0, 60, 5 * 60, 15 * 60, 30 * 60, 60 * 60, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600)
_MAX_ERROR = 1000


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """How forgiving a family is (Radarr's per-family grace periods)."""

    since_startup: timedelta = timedelta(minutes=15)  # back-offs are short this soon after start
    since_initial_failure: timedelta = timedelta(0)  # no back-off this soon after the first failure


@dataclass(frozen=True, slots=True)
class ProviderStatus:
    """A provider's failure history as stored."""

    provider_id: int
    escalation_level: int = 0
    initial_failure: datetime | None = None
    most_recent_failure: datetime | None = None
    disabled_till: datetime | None = None
    last_error: str | None = None
    data: dict[str, Any] | None = None

    def disabled(self, now: datetime) -> bool:
        """Whether the provider is backed off at `now`."""
        return self.disabled_till is not None and self.disabled_till > now


def _status(row: ProviderStatusRow) -> ProviderStatus:
    return ProviderStatus(
        provider_id=row.provider_id,
        escalation_level=row.escalation_level,
        initial_failure=row.initial_failure,
        most_recent_failure=row.most_recent_failure,
        disabled_till=row.disabled_till,
        last_error=row.last_error,
        data=dict(row.data or {}),
    )


def backoff_period(level: int) -> timedelta:
    """How long a provider at this escalation level stays disabled."""
    return timedelta(seconds=BACKOFF_PERIODS[min(level, len(BACKOFF_PERIODS) - 1)])


class ProviderStatuses:
    """Records successes and failures of providers and answers which are backed off."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        started_at: datetime,
        policy: BackoffPolicy | None = None,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._started_at = started_at
        self._policy = policy or BackoffPolicy()

    async def get(self, provider_id: int) -> ProviderStatus:
        """The status of one provider (a clean one when it never failed)."""
        async with self._db.read() as session:
            row = await session.scalar(
                select(ProviderStatusRow).where(ProviderStatusRow.provider_id == provider_id)
            )
        return _status(row) if row is not None else ProviderStatus(provider_id)

    async def of(self, provider_ids: Iterable[int]) -> dict[int, ProviderStatus]:
        """The statuses of these providers (clean ones for those that never failed)."""
        wanted = sorted(set(provider_ids))
        found: dict[int, ProviderStatus] = {i: ProviderStatus(i) for i in wanted}
        if not wanted:
            return found
        async with self._db.read() as session:
            rows = await session.scalars(
                select(ProviderStatusRow).where(ProviderStatusRow.provider_id.in_(wanted))
            )
            for row in rows:
                found[row.provider_id] = _status(row)
        return found

    async def record_success(self, provider_id: int) -> None:
        """The provider worked: lower its escalation one step and enable it again."""
        if provider_id <= 0:
            return  # an unsaved provider (a test before the first save) has no status
        changed = False
        async with self._db.write() as session:
            await self._db.serialize(session, f"provider-status:{provider_id}")
            row = await self._row(session, provider_id, create=False)
            if row is not None and row.escalation_level > 0:
                row.escalation_level -= 1
                row.disabled_till = None
                if row.escalation_level == 0:
                    row.last_error = None
                changed = True
        if changed:
            await self._bus.publish(ProviderStatusChanged(provider_id=provider_id))

    async def record_failure(
        self,
        provider_id: int,
        error: str,
        *,
        minimum_backoff: timedelta = timedelta(0),
        escalate: bool = True,
    ) -> ProviderStatus:
        """The provider failed: raise its escalation (unless in a grace period) and back it off.

        `minimum_backoff` is what the provider asked for (a rate limit's Retry-After); a connection
        failure passes `escalate=False`, as Radarr does, so a flapping network backs off gently.
        """
        if provider_id <= 0:
            return ProviderStatus(provider_id)
        now = self._clock()
        async with self._db.write() as session:
            await self._db.serialize(session, f"provider-status:{provider_id}")
            row = await self._row(session, provider_id, create=True)
            if row is None:
                return ProviderStatus(provider_id)  # deleted meanwhile
            row.most_recent_failure = now
            row.last_error = error[:_MAX_ERROR]
            if row.escalation_level == 0 or row.initial_failure is None:
                row.initial_failure = now
                row.escalation_level = 1
                escalate = False
            in_startup_grace = self._started_at + self._policy.since_startup > now
            in_grace = row.initial_failure + self._policy.since_initial_failure > now
            top = len(BACKOFF_PERIODS) - 1
            if escalate and not in_grace and not in_startup_grace:
                row.escalation_level = min(top, row.escalation_level + 1)
            if minimum_backoff > timedelta(0):
                while row.escalation_level < top and backoff_period(row.escalation_level) < minimum_backoff:
                    row.escalation_level += 1
            if not in_grace or minimum_backoff > timedelta(0):
                row.disabled_till = now + max(backoff_period(row.escalation_level), minimum_backoff)
            if in_startup_grace and minimum_backoff == timedelta(0) and row.disabled_till is not None:
                row.disabled_till = min(row.disabled_till, now + backoff_period(2))
            status = _status(row)
        await self._bus.publish(ProviderStatusChanged(provider_id=provider_id))
        return status

    async def record_connection_failure(self, provider_id: int, error: str) -> ProviderStatus:
        """The provider could not be reached at all: back off without escalating."""
        return await self.record_failure(provider_id, error, escalate=False)

    async def set_data(self, provider_id: int, key: str, value: Any) -> None:
        """Keep a family's note about a provider (e.g. the newest release an RSS sync saw)."""
        if provider_id <= 0:
            return
        async with self._db.write() as session:
            await self._db.serialize(session, f"provider-status:{provider_id}")
            row = await self._row(session, provider_id, create=True)
            if row is None:
                return
            row.data = {**(row.data or {}), key: value}

    async def _row(self, session: Any, provider_id: int, *, create: bool) -> ProviderStatusRow | None:
        row: ProviderStatusRow | None = await session.scalar(
            select(ProviderStatusRow).where(ProviderStatusRow.provider_id == provider_id)
        )
        if row is None and create:
            exists = await session.scalar(
                select(ProviderRow.id).where(ProviderRow.id == provider_id).with_for_update(read=True)
            )
            if exists is None:
                return None
            row = ProviderStatusRow(provider_id=provider_id, escalation_level=0, data={})
            session.add(row)
        return row
