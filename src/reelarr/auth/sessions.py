"""Browser sessions: a random token in an HttpOnly cookie, its SHA-256 in the database."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from reelarr.auth.tables import SessionRow, UserRow
from reelarr.db.engine import Database

Clock = Callable[[], datetime]
# A used session's expiry is pushed forward at most this often, so reads don't each cost a write.
_TOUCH_EVERY = timedelta(hours=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A valid session and who it belongs to."""

    id: str
    user_id: int
    username: str
    csrf_token: str
    remember: bool
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just created: the token goes into the cookie and is never stored."""

    token: str
    info: SessionInfo


class Sessions:
    """Creates, resolves and ends sessions; a session ends after `lifetime` without use."""

    def __init__(self, db: Database, clock: Clock, lifetime: timedelta) -> None:
        self._db = db
        self._clock = clock
        self.lifetime = lifetime

    async def create(
        self, user_id: int, *, remember: bool, user_agent: str | None, remote_ip: str | None
    ) -> NewSession:
        """Start a session for a user who just proved who they are."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        row = SessionRow(
            id=_digest(token),
            user_id=user_id,
            csrf_token=secrets.token_urlsafe(24),
            remember=remember,
            created_at=now,
            last_seen_at=now,
            expires_at=now + self.lifetime,
            user_agent=(user_agent or "")[:255] or None,
            remote_ip=remote_ip,
        )
        async with self._db.write() as session:
            session.add(row)
            username = await session.scalar(select(UserRow.username).where(UserRow.id == user_id))
        assert username is not None
        return NewSession(
            token, SessionInfo(row.id, user_id, username, row.csrf_token, remember, row.expires_at)
        )

    async def resolve(self, token: str) -> SessionInfo | None:
        """The live session behind a cookie token, extending its life when it is used."""
        if not token or len(token) > 200:
            return None
        session_id = _digest(token)
        now = self._clock()
        async with self._db.read() as session:
            found = (
                await session.execute(
                    select(SessionRow, UserRow.username)
                    .join(UserRow, UserRow.id == SessionRow.user_id)
                    .where(SessionRow.id == session_id)
                )
            ).first()
        if found is None:
            return None
        row, username = found
        if row.expires_at <= now:
            await self.end(token)
            return None
        expires_at = row.expires_at
        if now - row.last_seen_at >= _TOUCH_EVERY:
            expires_at = now + self.lifetime
            async with self._db.write() as session:
                stored = await session.get(SessionRow, session_id)
                if stored is not None:
                    stored.last_seen_at = now
                    stored.expires_at = expires_at
        return SessionInfo(row.id, row.user_id, username, row.csrf_token, row.remember, expires_at)

    async def end(self, token: str) -> None:
        """Log a session out."""
        async with self._db.write() as session:
            await session.execute(delete(SessionRow).where(SessionRow.id == _digest(token)))

    async def delete_expired(self) -> int:
        """Remove sessions past their expiry; returns how many."""
        async with self._db.write() as session:
            result = await session.execute(delete(SessionRow).where(SessionRow.expires_at <= self._clock()))
            return int(getattr(result, "rowcount", 0) or 0)
