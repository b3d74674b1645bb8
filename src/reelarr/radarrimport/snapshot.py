"""Everything the import reads from Radarr, fetched before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reelarr.radarrimport.client import RadarrClient, RadarrStatus

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class RadarrSnapshot:
    """Radarr's resources of every kind the import brings over, as Radarr answered them."""

    status: RadarrStatus
    tags: list[Json]
    root_folders: list[Json]
    quality_definitions: list[Json]
    custom_formats: list[Json]
    quality_profiles: list[Json]
    release_profiles: list[Json]
    delay_profiles: list[Json]
    exclusions: list[Json]
    naming: Json
    media_management: Json
    movies: list[Json]
    remote_path_mappings: list[Json]
    download_clients: list[Json]
    indexers: list[Json]
    notifications: list[Json]
    import_lists: list[Json]
    indexer_options: Json
    download_client_options: Json
    ui_settings: Json
    metadata: list[Json]
    custom_filters: list[Json]
    collections: list[Json]
    history: list[Json]
    blocklist: list[Json]
    unread: tuple[str, ...] = ()  # kinds the source holds nothing of (a database file), not imported
    auto_tags: list[Json] = field(default_factory=list)  # Radarr 5 and later


async def read_snapshot(client: RadarrClient) -> RadarrSnapshot:
    """Read every kind; the status first, so a wrong key or an old Radarr stops before the rest."""
    status = await client.status()
    return RadarrSnapshot(
        status=status,
        tags=await client.get_list("tags", "tag"),
        root_folders=await client.get_list("root folders", "rootfolder"),
        quality_definitions=await client.get_list("quality definitions", "qualitydefinition"),
        custom_formats=await client.get_list("custom formats", "customformat"),
        quality_profiles=await client.get_list("quality profiles", "qualityprofile"),
        release_profiles=await client.get_list("release profiles", "releaseprofile"),
        delay_profiles=await client.get_list("delay profiles", "delayprofile"),
        exclusions=await client.get_list("exclusions", "exclusions"),
        naming=await client.get_object("naming settings", "config/naming"),
        media_management=await client.get_object("media management settings", "config/mediamanagement"),
        movies=await client.get_list("movies", "movie"),
        remote_path_mappings=await client.get_list("remote path mappings", "remotepathmapping"),
        download_clients=await client.get_list("download clients", "downloadclient"),
        indexers=await client.get_list("indexers", "indexer"),
        notifications=await client.get_list("notifications", "notification"),
        import_lists=await client.get_list("import lists", "importlist"),
        indexer_options=await client.get_object("indexer options", "config/indexer"),
        download_client_options=await client.get_object("download client options", "config/downloadclient"),
        ui_settings=await client.get_object("UI settings", "config/ui"),
        metadata=await client.get_list("metadata settings", "metadata"),
        custom_filters=await client.get_list("custom filters", "customfilter"),
        collections=await client.get_list("collections", "collection"),
        history=await client.get_paged("history", "history"),
        blocklist=await client.get_paged("blocklist", "blocklist"),
        auto_tags=await client.get_list("auto tagging", "autotagging") if status.major >= 5 else [],
    )
