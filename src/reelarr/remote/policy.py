"""How hard Reelarr tries a remote service: timeouts, retries, circuit breaker and rate limit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

# Seconds since the epoch (time.time): states are shown to users as wall-clock times.
Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries with exponential backoff and jitter for failures that are safe to repeat."""

    attempts: int = 3  # tries in all, the first one included
    initial_delay: float = 0.5  # seconds before the first retry; doubles each retry
    max_delay: float = 10.0
    jitter: float = 0.5  # up to this many seconds added at random to each delay
    # A Retry-After longer than this is not waited out inside the call: the service is backed off instead.
    max_retry_after: float = 30.0


@dataclass(frozen=True, slots=True)
class BreakerPolicy:
    """When to stop calling a failing service, and for how long."""

    failure_threshold: int = 5  # consecutive failed calls that open the breaker
    cooldown: float = 30.0  # seconds open before one trial call is let through
    max_cooldown: float = 600.0  # the cooldown doubles each time the trial fails, up to this


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A token bucket: `rate` calls per second on average, bursts of up to `burst`."""

    rate: float
    burst: int = 1


@dataclass(frozen=True, slots=True)
class ServicePolicy:
    """The whole resilience policy of one remote service."""

    timeout: float = 30.0  # seconds for each of read, write and pool wait
    connect_timeout: float = 10.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    breaker: BreakerPolicy = field(default_factory=BreakerPolicy)
    rate_limit: RateLimit | None = None
