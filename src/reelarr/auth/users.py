"""Accounts that may log in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, func, select, text

from reelarr.auth.credentials import validate_credentials
from reelarr.auth.passwords import Passwords
from reelarr.auth.tables import SessionRow, UserRow
from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ValidationFailed

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class User:
    """An account."""

    id: int
    username: str
    created_at: datetime


class Users:
    """Creates, finds and authenticates accounts."""

    def __init__(self, db: Database, passwords: Passwords, clock: Clock) -> None:
        self._db = db
        self._passwords = passwords
        self._clock = clock

    async def any_exist(self) -> bool:
        """True once the first account exists."""
        async with self._db.read() as session:
            return bool(await session.scalar(select(exists().where(UserRow.id.is_not(None)))))

    async def create(self, username: str, password: str, *, only_if_first: bool = False) -> User:
        """Create an account; with only_if_first, refuse (Conflict) once any account exists."""
        validate_credentials(username, password)
        password_hash = await self._passwords.hash(password)
        now = self._clock()
        async with self._db.write() as session:
            if self._db.dialect == "postgresql":
                # Two first-account requests at once must not both succeed.
                await session.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
            if only_if_first and await session.scalar(select(func.count()).select_from(UserRow)):
                raise Conflict("An account already exists; log in instead")
            taken = await session.scalar(
                select(UserRow.id).where(func.lower(UserRow.username) == username.lower())
            )
            if taken is not None:
                raise ValidationFailed.single("username", "A user with this name already exists", username)
            row = UserRow(username=username, password_hash=password_hash, created_at=now, updated_at=now)
            session.add(row)
            await session.flush()
            return User(row.id, row.username, row.created_at)

    async def authenticate(self, username: str, password: str) -> User | None:
        """The user when the username and password match, else None (in the same time either way)."""
        async with self._db.read() as session:
            row = await session.scalar(
                select(UserRow).where(func.lower(UserRow.username) == username.lower())
            )
        if not await self._passwords.verify(row.password_hash if row else None, password) or row is None:
            return None
        if self._passwords.needs_rehash(row.password_hash):
            await self._set_hash(row.id, await self._passwords.hash(password))
        return User(row.id, row.username, row.created_at)

    async def get(self, user_id: int) -> User:
        """The user with this id."""
        async with self._db.read() as session:
            row = await session.get(UserRow, user_id)
        if row is None:
            raise NotFound(f"User with ID {user_id} does not exist")
        return User(row.id, row.username, row.created_at)

    async def all(self) -> list[User]:
        """Every account."""
        async with self._db.read() as session:
            rows = await session.scalars(select(UserRow).order_by(UserRow.id))
            return [User(r.id, r.username, r.created_at) for r in rows]

    async def set_password(self, username: str, password: str) -> None:
        """Change a user's password and end all of their sessions."""
        validate_credentials(username, password)
        password_hash = await self._passwords.hash(password)
        async with self._db.read() as session:
            user_id = await session.scalar(
                select(UserRow.id).where(func.lower(UserRow.username) == username.lower())
            )
        if user_id is None:
            raise NotFound(f"User {username} does not exist")
        await self._set_hash(user_id, password_hash)
        async with self._db.write() as session:
            await session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))

    async def rename(self, user_id: int, username: str) -> None:
        """Give an account a new name (free, and acceptable); its sessions go on."""
        async with self._db.write() as session:
            taken = await session.scalar(
                select(UserRow.id).where(
                    func.lower(UserRow.username) == username.lower(), UserRow.id != user_id
                )
            )
            if taken is not None:
                raise ValidationFailed.single("username", "A user with this name already exists", username)
            row = await session.get(UserRow, user_id)
            if row is None:
                raise NotFound(f"User with ID {user_id} does not exist")
            row.username = username
            row.updated_at = self._clock()

    async def _set_hash(self, user_id: int, password_hash: str) -> None:
        async with self._db.write() as session:
            row = await session.get(UserRow, user_id)
            if row is not None:
                row.password_hash = password_hash
                row.updated_at = self._clock()
