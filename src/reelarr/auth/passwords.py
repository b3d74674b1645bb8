"""Password hashing with argon2, off the event loop."""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 8


class Passwords:
    """Hashes and verifies passwords; verification of an unknown user costs the same as a known one."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    async def hash(self, password: str) -> str:
        """An argon2 hash of the password."""
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """True when the password matches; with no hash, spend the same time and say no."""
        if password_hash is None and self._dummy_hash is None:
            # Made on first need: hashing costs a third of a second, which start-up should not pay.
            self._dummy_hash = await self.hash(secrets.token_hex(16))
        target = password_hash or self._dummy_hash
        assert target is not None
        try:
            await asyncio.to_thread(self._hasher.verify, target, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return password_hash is not None

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with weaker parameters than today's."""
        return self._hasher.check_needs_rehash(password_hash)
