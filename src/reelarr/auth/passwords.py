"""Password hashing with argon2, off the event loop, a bounded number at a time."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from reelarr.auth.hashing import new_hasher
from reelarr.errors import ReelarrError

# One hash at a time keeps a burst of logins from lifting the process's memory past one hash's 19 MiB,
# and still checks ten or more passwords a second.
HASHES_IN_FLIGHT = 1
HASHES_WAITING = 32

T = TypeVar("T")


class HashingBusy(ReelarrError):
    """So many password checks are waiting that another one is refused (try again shortly)."""


class Passwords:
    """Hashes and verifies passwords; verification of an unknown user costs the same as a known one.

    At most `in_flight` hashes run at once in this process and at most `waiting` more wait for
    their turn; beyond that a check is refused with HashingBusy instead of piling up.
    """

    def __init__(
        self,
        hasher: PasswordHasher | None = None,
        *,
        in_flight: int = HASHES_IN_FLIGHT,
        waiting: int = HASHES_WAITING,
    ) -> None:
        self._hasher = hasher or new_hasher()
        self._dummy_hash: str | None = None
        self._slots = asyncio.Semaphore(in_flight)
        self._max_waiting = waiting
        self._waiting = 0

    async def hash(self, password: str) -> str:
        """An argon2 hash of the password."""
        return await self._run(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """True when the password matches; with no hash, spend the same time and say no."""
        if password_hash is None and self._dummy_hash is None:
            # Made on first need: hashing costs a third of a second, which start-up should not pay.
            self._dummy_hash = await self.hash(secrets.token_hex(16))
        target = password_hash or self._dummy_hash
        assert target is not None
        try:
            await self._run(self._hasher.verify, target, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return password_hash is not None

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with weaker parameters than today's."""
        return self._hasher.check_needs_rehash(password_hash)

    async def _run(self, work: Callable[..., T], *args: str) -> T:
        if self._slots.locked() and self._waiting >= self._max_waiting:
            raise HashingBusy("Too many logins at once; try again in a moment")
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            return await asyncio.to_thread(work, *args)
        finally:
            self._slots.release()
