"""Radarr's NotificationStatusCheck: notifications backed off after failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.notifications.service import NotificationService

WIKI = "https://wiki.servarr.com/radarr/system#notifications-are-unavailable-due-to-failures"


class NotificationStatusCheck:
    """Enabled notifications backed off after failures, with their last errors."""

    name = "NotificationStatusCheck"

    def __init__(self, notifications: NotificationService, clock: Callable[[], datetime]) -> None:
        self._notifications = notifications
        self._clock = clock

    async def check(self) -> list[HealthResult]:
        """Report all notifications or the ones backed off now."""
        enabled = await self._notifications.enabled()
        if not enabled:
            return []
        statuses = await self._notifications.statuses.of(d.id for d in enabled)
        now = self._clock()
        blocked = [(d, statuses[d.id]) for d in enabled if statuses[d.id].disabled(now)]
        if not blocked:
            return []
        if len(blocked) == len(enabled):
            return [
                HealthResult(
                    self.name, HealthLevel.ERROR, "All notifications are unavailable due to failures", WIKI
                )
            ]
        names = ", ".join(f"{d.name} ({s.last_error})" if s.last_error else d.name for d, s in blocked)
        return [
            HealthResult(
                self.name, HealthLevel.WARNING, f"Notifications unavailable due to failures: {names}", WIKI
            )
        ]
