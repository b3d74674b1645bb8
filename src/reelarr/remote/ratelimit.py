"""An async token bucket, for services that ask callers to pace themselves."""

from __future__ import annotations

import asyncio

from reelarr.remote.policy import Clock, RateLimit, Sleep


class TokenBucket:
    """Hands out `rate` tokens per second, holding at most `burst`; waiters are served in order."""

    def __init__(self, limit: RateLimit, clock: Clock, sleep: Sleep) -> None:
        if limit.rate <= 0 or limit.burst < 1:
            raise ValueError(f"rate must be positive and burst at least 1, got {limit}")
        self._rate = limit.rate
        self._burst = float(limit.burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = self._burst
        self._updated = clock()
        self._lock = asyncio.Lock()  # FIFO: the waiter at the head sleeps holding it, others queue

    def _refill(self) -> None:
        now = self._clock()
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self._burst, self._tokens + elapsed * self._rate)
        self._updated = now

    async def acquire(self) -> None:
        """Wait until a token is free and take it."""
        async with self._lock:
            self._refill()
            if self._tokens < 1.0:
                await self._sleep((1.0 - self._tokens) / self._rate)
                self._refill()
                # We slept as long as the token needed; the clock's granularity may show a hair less.
                self._tokens = max(self._tokens, 1.0)
            self._tokens -= 1.0
