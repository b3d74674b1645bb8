"""Download clients, indexers, notifications and import lists through the provider framework.

Radarr shows secrets as "********": those are not imported as values; the provider is added with
the field empty and the summary says which need entering again. Indexers Prowlarr manages (Prowlarr
names the ones it syncs "<name> (Prowlarr)") are skipped: Prowlarr syncs them again once Reelarr is
added to it as a Radarr application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reelarr.errors import ReelarrError
from reelarr.providers.fields import MASK
from reelarr.radarrimport.context import ImportContext, KindResult

if TYPE_CHECKING:
    from reelarr.api.v3.providers import ProviderResource
    from reelarr.providers.service import ProviderService
    from reelarr.services import Services

Json = dict[str, Any]
PROWLARR_SUFFIX = "(Prowlarr)"


@dataclass(frozen=True, slots=True)
class Family:
    """One provider family as the import reads and writes it."""

    kind: str  # "download clients"
    resource: Callable[[], type[ProviderResource]]
    service: Callable[[Services], ProviderService[Any, Any]]
    ids: str | None = None  # the ImportContext map its Radarr ids go into
    by_implementation: bool = False  # one of each kind (metadata), matched by kind, not name


def _download_client_resource() -> type[ProviderResource]:
    from reelarr.api.v3.downloadclients import DownloadClientResource

    return DownloadClientResource


def _indexer_resource() -> type[ProviderResource]:
    from reelarr.api.v3.indexers import IndexerResource

    return IndexerResource


def _notification_resource() -> type[ProviderResource]:
    from reelarr.api.v3.notifications import NotificationResource

    return NotificationResource


def _metadata_resource() -> type[ProviderResource]:
    from reelarr.api.v3.metadata import MetadataResource

    return MetadataResource


def _import_list_resource() -> type[ProviderResource]:
    from reelarr.api.v3.importlists import ImportListResource

    return ImportListResource


DOWNLOAD_CLIENTS = Family(
    "download clients",
    _download_client_resource,
    lambda s: s.download_clients.providers,
    "download_client_ids",
)
INDEXERS = Family("indexers", _indexer_resource, lambda s: s.indexers.providers)
NOTIFICATIONS = Family("notifications", _notification_resource, lambda s: s.notifications.providers)
IMPORT_LISTS = Family("import lists", _import_list_resource, lambda s: s.import_lists.lists.providers)
METADATA = Family(
    "metadata settings", _metadata_resource, lambda s: s.metadata_files.providers, by_implementation=True
)


def prowlarr_managed(resource: Json) -> bool:
    """Whether Prowlarr synced this indexer to Radarr (and will sync it to Reelarr)."""
    return str(resource.get("name") or "").rstrip().endswith(PROWLARR_SUFFIX)


def masked_fields(resource: Json) -> list[str]:
    """The labels of the fields Radarr masked (secrets it does not show)."""
    return [
        str(f.get("label") or f.get("name"))
        for f in resource.get("fields") or []
        if isinstance(f, dict) and f.get("value") == MASK
    ]


def resource_here(resource: Json, ctx: ImportContext, *, keep_masked: bool) -> Json:
    """Radarr's provider resource with ids, tags and folders as they are here; masked secrets
    left out (so the field stays empty) unless `keep_masked` (an update keeps the stored value)."""
    fields = [
        f
        for f in resource.get("fields") or []
        if isinstance(f, dict) and (keep_masked or f.get("value") != MASK)
    ]
    here: Json = {**resource, "id": 0, "fields": fields, "tags": list(ctx.tags(resource.get("tags")))}
    # A dry run's planned ids are negative: checked as 0 ("none"), which every family accepts.
    if "downloadClientId" in resource:
        here["downloadClientId"] = max(
            ctx.download_client_ids.get(int(resource["downloadClientId"] or 0), 0), 0
        )
    if "qualityProfileId" in resource:
        here["qualityProfileId"] = max(ctx.profile_ids.get(int(resource["qualityProfileId"] or 0), 0), 0)
    if resource.get("rootFolderPath"):
        here["rootFolderPath"] = ctx.path(str(resource["rootFolderPath"]))
    return here


async def import_providers(family: Family, radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each provider of a family by name: added (untested: Radarr had it working), changed or kept."""
    from reelarr.api.v3.providers import provider_input

    result = KindResult(family.kind)
    service = family.service(ctx.services)
    key = "implementation" if family.by_implementation else "name"
    existing = {getattr(d, key): d for d in await service.all()}
    for resource in radarr:
        name = str(resource.get("name") or "")
        if family is INDEXERS and prowlarr_managed(resource):
            result.notes.append(f"{name}: managed by Prowlarr, skipped (add Reelarr to Prowlarr to sync it)")
            continue
        mine = existing.get(str(resource.get(key) or ""))
        try:
            body = family.resource().model_validate(
                resource_here(resource, ctx, keep_masked=mine is not None)
            )
            given = provider_input(body, service.family.options_type)
            planned = service.planned(given, mine)
            if mine is not None and planned == mine:
                result.unchanged += 1
                provider_id = mine.id
            elif ctx.dry_run:
                provider_id = mine.id if mine else ctx.planned_id()
                (result.updated if mine else result.added).append(name)
            elif mine is not None:
                provider_id = (await service.update(mine.id, given, force_save=True)).id
                result.updated.append(name)
            else:
                provider_id = (await service.create(given, force_save=True)).id
                result.added.append(name)
        except ReelarrError as error:
            result.failed.append(f"{name}: {error}")
            continue
        secrets = masked_fields(resource)
        if secrets and mine is None:
            result.notes.append(
                f"{name}: needs its {', '.join(secrets)} entered again (Radarr hides secrets)"
            )
        if family.ids is not None:
            getattr(ctx, family.ids)[int(resource.get("id") or 0)] = provider_id
    return result
