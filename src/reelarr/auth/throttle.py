"""Login throttling: after repeated failures from one address or for one username, wait."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from reelarr.auth.tables import LoginFailureRow
from reelarr.db.engine import Database

Clock = Callable[[], datetime]


def throttle_keys(username: str, remote_ip: str | None) -> list[str]:
    """The counters a login attempt is charged to."""
    keys = [f"user:{username.strip().lower()[:150]}"]
    if remote_ip:
        keys.append(f"ip:{remote_ip}")
    return keys


class LoginThrottle:
    """Counts failures per key within a window and says how long to wait once there were too many."""

    def __init__(self, db: Database, clock: Clock, *, max_failures: int, window: timedelta) -> None:
        self._db = db
        self._clock = clock
        self._max = max_failures
        self._window = window

    async def retry_after(self, keys: Sequence[str]) -> int:
        """Seconds to wait before another attempt is allowed; 0 when one is allowed now."""
        now = self._clock()
        since = now - self._window
        wait = 0.0
        async with self._db.read() as session:
            for key in keys:
                count, oldest = (
                    await session.execute(
                        select(func.count(), func.min(LoginFailureRow.failed_at)).where(
                            LoginFailureRow.key == key, LoginFailureRow.failed_at > since
                        )
                    )
                ).one()
                if count >= self._max and oldest is not None:
                    oldest_at = (
                        oldest if isinstance(oldest, datetime) else datetime.fromisoformat(str(oldest))
                    )
                    if oldest_at.tzinfo is None:
                        oldest_at = oldest_at.replace(tzinfo=now.tzinfo)
                    wait = max(wait, (oldest_at + self._window - now).total_seconds())
        return max(0, math.ceil(wait))

    async def record_failure(self, keys: Sequence[str]) -> None:
        """Count one failed attempt against every key."""
        now = self._clock()
        async with self._db.write() as session:
            session.add_all(LoginFailureRow(key=key, failed_at=now) for key in keys)

    async def clear(self, keys: Sequence[str]) -> None:
        """Forget the failures of these keys after a successful login."""
        async with self._db.write() as session:
            await session.execute(delete(LoginFailureRow).where(LoginFailureRow.key.in_(keys)))

    async def delete_older_than_window(self) -> int:
        """Remove failures that no longer count; returns how many."""
        async with self._db.write() as session:
            result = await session.execute(
                delete(LoginFailureRow).where(LoginFailureRow.failed_at <= self._clock() - self._window)
            )
            return int(getattr(result, "rowcount", 0) or 0)
