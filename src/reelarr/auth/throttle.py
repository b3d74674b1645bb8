"""Login throttling: per address and account, and per address, counted before the password is checked.

An attempt is charged before its password is hashed, in one transaction that first counts what is
already charged (serialized across processes), so concurrent attempts cannot all slip under the
limit. The keys are the client address with the account name, and the address alone, never the
account alone: a stranger's failures never lock the owner out when the owner comes from elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from reelarr.auth.tables import LoginFailureRow
from reelarr.db.engine import Database
from reelarr.errors import ReelarrError

Clock = Callable[[], datetime]
_UNKNOWN_ADDRESS = "unknown"


@dataclass(frozen=True, slots=True)
class ThrottleKeys:
    """The counters one login attempt is charged to."""

    pair: str
    address: str

    @property
    def all(self) -> tuple[str, str]:
        """Both keys."""
        return (self.pair, self.address)


def throttle_keys(username: str, remote_ip: str | None) -> ThrottleKeys:
    """The counters of an attempt for this account name from this address."""
    address = remote_ip or _UNKNOWN_ADDRESS
    name = username.strip().lower()[:120]
    return ThrottleKeys(pair=f"pair:{address}|{name}", address=f"ip:{address}")


@dataclass(frozen=True, slots=True)
class Attempt:
    """A login attempt charged to its keys; settle it once the password has been checked."""

    keys: ThrottleKeys
    row_ids: tuple[int, ...]


class Throttled(ReelarrError):
    """Too many failed logins: wait `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed logins. Try again in {retry_after} seconds.")
        self.retry_after = retry_after


class LoginThrottle:
    """Counts failed logins within a window, per address and account and per address."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        max_failures: int,
        max_address_failures: int,
        window: timedelta,
    ) -> None:
        self._db = db
        self._clock = clock
        self._limits = {"pair": max_failures, "address": max_address_failures}
        self._window = window

    async def begin(self, keys: ThrottleKeys) -> Attempt:
        """Charge an attempt to its keys, or raise Throttled when either has too many already."""
        now = self._clock()
        async with self._db.write() as session:
            await self._db.serialize(session, "login-throttle")
            wait = 0.0
            for key, limit in ((keys.pair, self._limits["pair"]), (keys.address, self._limits["address"])):
                count, oldest = (
                    await session.execute(
                        select(func.count(), func.min(LoginFailureRow.failed_at)).where(
                            LoginFailureRow.key == key, LoginFailureRow.failed_at > now - self._window
                        )
                    )
                ).one()
                if count >= limit and oldest is not None:
                    wait = max(wait, (_aware(oldest, now) + self._window - now).total_seconds())
            if wait > 0:
                raise Throttled(max(1, math.ceil(wait)))
            rows = [LoginFailureRow(key=key, failed_at=now) for key in keys.all]
            session.add_all(rows)
            await session.flush()
            return Attempt(keys, tuple(row.id for row in rows))

    async def forget(self, attempt: Attempt) -> None:
        """The password was never checked (the server was busy): the attempt does not count."""
        async with self._db.write() as session:
            await session.execute(delete(LoginFailureRow).where(LoginFailureRow.id.in_(attempt.row_ids)))

    async def succeeded(self, attempt: Attempt) -> None:
        """The password was right: forget this attempt and the earlier failures of the pair."""
        async with self._db.write() as session:
            await session.execute(
                delete(LoginFailureRow).where(
                    (LoginFailureRow.id.in_(attempt.row_ids)) | (LoginFailureRow.key == attempt.keys.pair)
                )
            )

    async def delete_older_than_window(self) -> int:
        """Remove failures that no longer count; returns how many."""
        async with self._db.write() as session:
            result = await session.execute(
                delete(LoginFailureRow).where(LoginFailureRow.failed_at <= self._clock() - self._window)
            )
            return int(getattr(result, "rowcount", 0) or 0)


def _aware(value: datetime | str, now: datetime) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now.tzinfo)
