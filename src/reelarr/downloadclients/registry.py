"""The download client implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.downloadclients.base import DownloadClient
from reelarr.downloadclients.blackhole.client import TorrentBlackhole, UsenetBlackhole
from reelarr.downloadclients.deluge.client import Deluge
from reelarr.downloadclients.nzbget.client import Nzbget
from reelarr.downloadclients.qbittorrent.client import QBittorrent
from reelarr.downloadclients.rtorrent.client import RTorrent
from reelarr.downloadclients.sabnzbd.client import Sabnzbd
from reelarr.downloadclients.transmission.client import Transmission
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[DownloadClient], ...] = (
    QBittorrent,
    Transmission,
    Deluge,
    RTorrent,
    Sabnzbd,
    Nzbget,
    TorrentBlackhole,
    UsenetBlackhole,
)


def download_client_registry() -> ProviderRegistry[DownloadClient]:
    """A registry holding every built-in download client."""
    registry: ProviderRegistry[DownloadClient] = ProviderRegistry("downloadclient", DownloadClient)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
