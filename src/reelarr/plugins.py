"""Third-party extensions: modules named in settings, or entry points in the `reelarr.plugins` group."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

from reelarr.downloadclients.base import DownloadClient
from reelarr.health.service import HealthService
from reelarr.indexers.base import Indexer
from reelarr.jobs.registry import CommandRegistry
from reelarr.notifications.base import Notification
from reelarr.providers.registry import ProviderRegistry

log = logging.getLogger(__name__)
ENTRY_POINT_GROUP = "reelarr.plugins"


@dataclass(frozen=True, slots=True)
class PluginHost:
    """What a plugin may extend: commands, health checks, and provider implementations
    (`host.indexers.register(MyIndexer)`, `host.download_clients.register(MyClient)`,
    `host.notifications.register(MyNotification)`)."""

    commands: CommandRegistry
    health: HealthService
    indexers: ProviderRegistry[Indexer]
    download_clients: ProviderRegistry[DownloadClient]
    notifications: ProviderRegistry[Notification]


PluginSetup = Callable[[PluginHost], None]


def load_plugins(module_names: Iterable[str], host: PluginHost) -> list[str]:
    """Call `setup(host)` of every named module and every installed entry point; return their names."""
    loaded: list[str] = []
    for name in module_names:
        setup: PluginSetup = importlib.import_module(name).setup
        setup(host)
        loaded.append(name)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        entry.load()(host)
        loaded.append(entry.name)
    if loaded:
        log.info("Loaded plugins: %s", ", ".join(loaded))
    return loaded
