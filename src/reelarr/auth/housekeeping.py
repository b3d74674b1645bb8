"""What the auth domain cleans up daily: sessions past their expiry, login failures that no longer count."""

from __future__ import annotations

from reelarr.auth.sessions import Sessions
from reelarr.auth.throttle import LoginThrottle
from reelarr.jobs.registry import CommandRegistry


def register_housekeeping(registry: CommandRegistry, sessions: Sessions, throttle: LoginThrottle) -> None:
    """Register the auth domain's cleanups with the Housekeeping command."""
    registry.add_housekeeping("expired sessions", sessions.delete_expired)
    registry.add_housekeeping("old login failures", throttle.delete_older_than_window)
