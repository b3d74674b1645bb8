"""A download client's own options beside its settings, as Radarr's DownloadClientResource has them."""

from __future__ import annotations

from pydantic import Field

from reelarr.providers.model import ProviderOptions

DEFAULT_PRIORITY = 1


class DownloadClientOptions(ProviderOptions):
    """Whether the client is used, its priority among clients of its protocol (1 first), and whether
    Reelarr removes its downloads once imported or failed."""

    enable: bool = True
    priority: int = Field(DEFAULT_PRIORITY, ge=1, le=50)
    remove_completed_downloads: bool = True
    remove_failed_downloads: bool = True

    def enabled(self) -> bool:
        """Radarr's `Enable`."""
        return self.enable
