"""Radarr's ImportListStatusCheck: import lists backed off after failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.importlists.service import ImportListService

WIKI = "https://wiki.servarr.com/radarr/system"


class ImportListStatusCheck:
    """Enabled lists backed off after failures, worded as Radarr words it."""

    name = "ImportListStatusCheck"

    def __init__(self, lists: ImportListService, clock: Callable[[], datetime]) -> None:
        self._lists = lists
        self._clock = clock

    async def check(self) -> list[HealthResult]:
        """Report all lists or the ones backed off now."""
        enabled = await self._lists.enabled()
        if not enabled:
            return []
        statuses = await self._lists.statuses.of(d.id for d in enabled)
        now = self._clock()
        blocked = [d for d in enabled if statuses[d.id].disabled(now)]
        if not blocked:
            return []
        if len(blocked) == len(enabled):
            return [
                HealthResult(
                    self.name,
                    HealthLevel.ERROR,
                    "All lists are unavailable due to failures",
                    f"{WIKI}#lists-are-unavailable-due-to-failures",
                )
            ]
        names = ", ".join(d.name for d in blocked)
        return [
            HealthResult(
                self.name,
                HealthLevel.WARNING,
                f"Lists unavailable due to failures: {names}",
                f"{WIKI}#import-lists-are-unavailable-due-to-failures",
            )
        ]
