"""Radarr's ImportListStatusCheck: import lists backed off after failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.importlists.cleanup import FETCH_FAILED
from reelarr.importlists.service import ImportListService
from reelarr.importlists.sync import LAST_FETCH, SIGN_IN_REFUSED

WIKI = "https://wiki.servarr.com/radarr/system"


class ImportListStatusCheck:
    """Enabled lists backed off after failures, worded as Radarr words it, with their last errors."""

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
        blocked = [(d, statuses[d.id]) for d in enabled if statuses[d.id].disabled(now)]
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
        names = ", ".join(f"{d.name} ({s.last_error})" if s.last_error else d.name for d, s in blocked)
        return [
            HealthResult(
                self.name,
                HealthLevel.WARNING,
                f"Lists unavailable due to failures: {names}",
                f"{WIKI}#import-lists-are-unavailable-due-to-failures",
            )
        ]


class ImportListSignInCheck:
    """Reelarr's: enabled lists whose service refused their sign-in on the last fetch (a Simkl app
    disconnected), which only signing in again mends; told apart from lists that are merely down."""

    name = "ImportListSignInCheck"

    def __init__(self, lists: ImportListService) -> None:
        self._lists = lists

    async def check(self) -> list[HealthResult]:
        """One error naming every list to sign in again, or nothing."""
        enabled = await self._lists.enabled()
        statuses = await self._lists.statuses.of(d.id for d in enabled)
        refused = [
            d.name
            for d in enabled
            if (data := statuses[d.id].data or {}).get(LAST_FETCH) == FETCH_FAILED
            and data.get(SIGN_IN_REFUSED)
        ]
        if not refused:
            return []
        return [
            HealthResult(
                self.name,
                HealthLevel.ERROR,
                f"Lists whose sign-in was refused, sign in again: {', '.join(refused)}",
                f"{WIKI}#lists-are-unavailable-due-to-failures",
            )
        ]
