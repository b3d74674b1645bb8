"""The kinds `reelarr import-radarr` brings over, in the order it brings them, each with its importer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from reelarr.radarrimport.autotag_kinds import import_auto_tags
from reelarr.radarrimport.config_kinds import (
    import_download_client_options,
    import_indexer_options,
    import_ui_settings,
)
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.file_kinds import import_movie_files
from reelarr.radarrimport.history_kinds import import_blocklist, import_history
from reelarr.radarrimport.library_kinds import import_collections, import_exclusions, import_movies
from reelarr.radarrimport.profile_kinds import (
    import_custom_formats,
    import_delay_profiles,
    import_quality_profiles,
    import_release_profiles,
)
from reelarr.radarrimport.provider_kinds import (
    DOWNLOAD_CLIENTS,
    IMPORT_LISTS,
    INDEXERS,
    METADATA,
    NOTIFICATIONS,
    import_providers,
)
from reelarr.radarrimport.settings_kinds import (
    import_custom_filters,
    import_media_management,
    import_naming,
    import_quality_definitions,
    import_remote_path_mappings,
    import_root_folders,
    import_tags,
)
from reelarr.radarrimport.snapshot import RadarrSnapshot

Importer = Callable[[RadarrSnapshot, ImportContext], Awaitable[KindResult]]

# In dependency order: tags and formats before the profiles naming them, profiles before films.
KINDS: tuple[tuple[str, Importer], ...] = (
    ("tags", lambda s, c: import_tags(s.tags, c)),
    ("root folders", lambda s, c: import_root_folders(s.root_folders, c)),
    ("quality definitions", lambda s, c: import_quality_definitions(s.quality_definitions, c)),
    ("custom formats", lambda s, c: import_custom_formats(s.custom_formats, c)),
    ("quality profiles", lambda s, c: import_quality_profiles(s.quality_profiles, c)),
    ("release profiles", lambda s, c: import_release_profiles(s.release_profiles, c)),
    ("delay profiles", lambda s, c: import_delay_profiles(s.delay_profiles, c)),
    ("list exclusions", lambda s, c: import_exclusions(s.exclusions, c)),
    ("naming settings", lambda s, c: import_naming(s.naming, c)),
    ("media management settings", lambda s, c: import_media_management(s.media_management, c)),
    ("movies", lambda s, c: import_movies(s.movies, c)),
    ("movie files", lambda s, c: import_movie_files(s.movies, c)),
    ("collections", lambda s, c: import_collections(s.collections, c)),
    ("history", lambda s, c: import_history(s.history, s.movies, c)),
    ("blocklist", lambda s, c: import_blocklist(s.blocklist, s.movies, c)),
    ("indexer options", lambda s, c: import_indexer_options(s.indexer_options, c)),
    ("download client options", lambda s, c: import_download_client_options(s.download_client_options, c)),
    ("UI settings", lambda s, c: import_ui_settings(s.ui_settings, c)),
    ("remote path mappings", lambda s, c: import_remote_path_mappings(s.remote_path_mappings, c)),
    ("download clients", lambda s, c: import_providers(DOWNLOAD_CLIENTS, s.download_clients, c)),
    ("indexers", lambda s, c: import_providers(INDEXERS, s.indexers, c)),
    ("notifications", lambda s, c: import_providers(NOTIFICATIONS, s.notifications, c)),
    ("import lists", lambda s, c: import_providers(IMPORT_LISTS, s.import_lists, c)),
    ("metadata settings", lambda s, c: import_providers(METADATA, s.metadata, c)),
    ("custom filters", lambda s, c: import_custom_filters(s.custom_filters, c)),
    ("auto tagging", lambda s, c: import_auto_tags(s.auto_tags, c)),
)
