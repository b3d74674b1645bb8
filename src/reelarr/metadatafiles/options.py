"""A metadata provider's own option beside its settings: Radarr's `enable`."""

from __future__ import annotations

from reelarr.providers.model import ProviderOptions


class MetadataOptions(ProviderOptions):
    """Whether the provider writes files (Radarr's MetadataDefinition.Enable)."""

    enable: bool = False

    def enabled(self) -> bool:
        """Radarr's `Enable`."""
        return self.enable
