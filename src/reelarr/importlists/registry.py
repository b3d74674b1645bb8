"""The import list implementations Reelarr ships (plugins register more on the same registry)."""

from __future__ import annotations

from reelarr.importlists.base import ImportList
from reelarr.importlists.couchpotato import CouchPotatoImport
from reelarr.importlists.imdb import IMDbListImport
from reelarr.importlists.plex import PlexImport
from reelarr.importlists.plex_rss import PlexRssImport
from reelarr.importlists.radarr import RadarrImport
from reelarr.importlists.rss import RSSImport
from reelarr.importlists.simkl import SimklUserImport
from reelarr.importlists.stevenlu import StevenLuImport
from reelarr.importlists.tmdb import TMDbCompanyImport, TMDbKeywordImport, TMDbListImport, TMDbPersonImport
from reelarr.importlists.tmdb_popular import TMDbPopularImport
from reelarr.importlists.tmdb_user import TMDbUserImport
from reelarr.importlists.trakt import TraktListImport, TraktPopularImport, TraktUserImport
from reelarr.providers.registry import ProviderRegistry

BUILT_IN: tuple[type[ImportList], ...] = (
    RadarrImport,
    RSSImport,
    StevenLuImport,
    TMDbListImport,
    TMDbPopularImport,
    TMDbPersonImport,
    TMDbCompanyImport,
    TMDbKeywordImport,
    TMDbUserImport,
    PlexRssImport,
    CouchPotatoImport,
    TraktListImport,
    TraktPopularImport,
    TraktUserImport,
    IMDbListImport,
    SimklUserImport,
    PlexImport,
)


def import_list_registry() -> ProviderRegistry[ImportList]:
    """A registry holding every built-in import list."""
    registry: ProviderRegistry[ImportList] = ProviderRegistry("importlist", ImportList)  # type: ignore[type-abstract]
    for implementation in BUILT_IN:
        registry.register(implementation)
    return registry
