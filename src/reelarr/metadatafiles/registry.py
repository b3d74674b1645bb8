"""The metadata writers Reelarr ships."""

from __future__ import annotations

from reelarr.metadatafiles.base import MetadataWriter
from reelarr.metadatafiles.kometa import KometaMetadata
from reelarr.metadatafiles.media_browser import MediaBrowserMetadata
from reelarr.metadatafiles.roksbox import RoksboxMetadata
from reelarr.metadatafiles.wdtv import WdtvMetadata
from reelarr.metadatafiles.xbmc import XbmcMetadata
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[MetadataWriter], ...] = (
    XbmcMetadata,
    MediaBrowserMetadata,
    KometaMetadata,
    RoksboxMetadata,
    WdtvMetadata,
)


def metadata_registry() -> ProviderRegistry[MetadataWriter]:
    """A registry holding every built-in metadata writer."""
    registry: ProviderRegistry[MetadataWriter] = ProviderRegistry("metadata", MetadataWriter)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
