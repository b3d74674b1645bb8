"""TmdbCheck: without TMDB, movies cannot be added or refreshed."""

from __future__ import annotations

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.metadata.tmdb import SERVICE_NAME, TmdbClient
from reelarr.remote import RemoteRegistry


class TmdbCheck:
    """Warns when no TMDB key is set; reports TMDB being unreachable or refusing the key."""

    name = "TmdbCheck"

    def __init__(self, client: TmdbClient, remote: RemoteRegistry) -> None:
        self._client = client
        self._remote = remote

    async def check(self) -> list[HealthResult]:
        """Report a missing key or TMDB's trouble."""
        if not self._client.configured:
            return [
                HealthResult(
                    self.name,
                    HealthLevel.WARNING,
                    "No TMDB API key is set (REELARR_TMDB_API_KEY or Settings): "
                    "movies cannot be added or refreshed",
                )
            ]
        state = next((s for s in self._remote.states() if s.name == SERVICE_NAME), None)
        if state is None or state.status == "ok":
            return []
        return [HealthResult(self.name, HealthLevel.ERROR, f"TMDB: {state.message}")]
