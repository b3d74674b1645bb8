"""An import list's own options beside its settings (Radarr's ImportListDefinition)."""

from __future__ import annotations

from pydantic import Field

from reelarr.importlists.model import MonitorType
from reelarr.movies.model import MinimumAvailability
from reelarr.providers.model import ProviderOptions


class ImportListOptions(ProviderOptions):
    """Whether the list runs, whether it adds on its own, and how the films it adds are set up."""

    list_enabled: bool = Field(default=False, alias="enabled")  # Radarr's `Enabled`
    enable_auto: bool = False
    monitor: MonitorType = MonitorType.MOVIE_ONLY
    minimum_availability: MinimumAvailability = MinimumAvailability.RELEASED
    quality_profile_id: int = Field(default=0, ge=0, le=2**31 - 1)
    root_folder_path: str = ""
    search_on_add: bool = False

    def enabled(self) -> bool:
        """Radarr's `Enable`: the list is synced."""
        return self.list_enabled
