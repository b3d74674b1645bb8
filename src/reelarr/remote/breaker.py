"""Circuit breaker and the health state of one remote service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from reelarr.errors import RemoteUnavailable
from reelarr.remote.policy import BreakerPolicy, Clock


class BackedOff(RemoteUnavailable):
    """The call was not made: the breaker is open after earlier failures (nothing new was learnt)."""


class ServiceStatus(StrEnum):
    """What the health page says of a service."""

    OK = "ok"
    BACKING_OFF = "backingOff"
    FAILING = "failing"


@dataclass(frozen=True, slots=True)
class ServiceState:
    """A snapshot of one service for the health page: ok, backing off until T, or failing with E."""

    name: str
    status: ServiceStatus
    message: str  # one line, shown to the user as is
    last_error: str | None = None
    failing_since: datetime | None = None
    backing_off_until: datetime | None = None
    consecutive_failures: int = 0


def _at(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def _show(timestamp: float) -> str:
    return _at(timestamp).isoformat(timespec="seconds")


class CircuitBreaker:
    """Closed, open after N consecutive failures, half-open (one trial call) after a cooldown."""

    def __init__(self, name: str, policy: BreakerPolicy, clock: Clock) -> None:
        self._name = name
        self._policy = policy
        self._clock = clock
        self._failures = 0
        self._trips = 0  # consecutive times the breaker opened; grows the cooldown
        self._open_until: float | None = None
        self._trial_in_flight = False
        self._last_error: str | None = None
        self._failing_since: float | None = None

    def set_policy(self, policy: BreakerPolicy) -> None:
        """Use new thresholds from now on, keeping the failure history."""
        self._policy = policy

    def admit(self) -> bool:
        """Let a call through or raise RemoteUnavailable; True when the call is the half-open trial."""
        if self._open_until is None:
            return False
        now = self._clock()
        if now < self._open_until:
            raise BackedOff(
                self._name, f"backing off until {_show(self._open_until)} after: {self._last_error}"
            )
        if self._trial_in_flight:
            raise BackedOff(self._name, f"waiting for a trial call to succeed after: {self._last_error}")
        self._trial_in_flight = True
        return True

    def end_trial(self) -> None:
        """Free the half-open slot, whatever became of the trial (it may have been cancelled)."""
        self._trial_in_flight = False

    def record_success(self) -> None:
        """The service answered as expected: close the breaker and forget past failures."""
        self._failures = 0
        self._trips = 0
        self._open_until = None
        self._last_error = None
        self._failing_since = None

    def record_rejection(self, error: str) -> None:
        """The service is up but refused us (e.g. a bad key): close the breaker, show the error."""
        self.record_success()
        self._last_error = error
        self._failing_since = self._clock()

    def record_failure(self, error: str, *, trial: bool = False) -> None:
        """The service failed (unreachable, timeout, 5xx); open the breaker past the threshold."""
        now = self._clock()
        self._last_error = error
        if self._failing_since is None:
            self._failing_since = now
        self._failures += 1
        if self._open_until is not None and not trial:
            return  # a call let through before the breaker opened; the breaker already knows
        if trial or self._failures >= self._policy.failure_threshold:
            self._trips += 1
            cooldown = min(self._policy.cooldown * 2 ** (self._trips - 1), self._policy.max_cooldown)
            self._open_until = now + cooldown

    def hold_until(self, until: float, error: str) -> None:
        """The service asked us to wait (Retry-After): fail fast until then."""
        now = self._clock()
        self._last_error = error
        if self._failing_since is None:
            self._failing_since = now
        self._open_until = max(until, self._open_until or until)

    def state(self) -> ServiceState:
        """Snapshot for the health page."""
        now = self._clock()
        since = _at(self._failing_since) if self._failing_since is not None else None
        if self._open_until is not None and now < self._open_until:
            return ServiceState(
                name=self._name,
                status=ServiceStatus.BACKING_OFF,
                message=f"{self._name} is backed off until {_show(self._open_until)}: {self._last_error}",
                last_error=self._last_error,
                failing_since=since,
                backing_off_until=_at(self._open_until),
                consecutive_failures=self._failures,
            )
        if self._last_error is not None:
            return ServiceState(
                name=self._name,
                status=ServiceStatus.FAILING,
                message=f"{self._name} is failing: {self._last_error}",
                last_error=self._last_error,
                failing_since=since,
                consecutive_failures=self._failures,
            )
        return ServiceState(name=self._name, status=ServiceStatus.OK, message=f"{self._name} is ok")
