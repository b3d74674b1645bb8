"""Option pages that are one set of values: indexer, download client and UI settings."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult

if TYPE_CHECKING:
    from reelarr.api.resource import Resource

Json = dict[str, Any]
C = TypeVar("C")


class Section(Protocol[C]):
    """A stored set of options: read whole, saved whole."""

    async def get(self) -> C:
        """The options in force."""
        ...

    async def save(self, config: C, /) -> C:
        """Store the options."""
        ...


async def import_options(
    kind: str, radarr: Json, resource: type[Resource], section: Section[Any], ctx: ImportContext
) -> KindResult:
    """Radarr's values over the stored ones, for the options Reelarr has (matched by name)."""
    result = KindResult(kind)
    current = await section.get()
    stored = asdict(current)
    sent = resource.model_validate(radarr).model_dump(include=set(stored))
    wanted = type(current)(**{**stored, **{k: v for k, v in sent.items() if v is not None}})
    if wanted == current:
        result.unchanged += 1
        return result
    try:
        if not ctx.dry_run:
            await section.save(wanted)
    except ReelarrError as error:
        result.failed.append(f"{kind}: {error}")
        return result
    result.updated.append(kind)
    return result


async def import_indexer_options(radarr: Json, ctx: ImportContext) -> KindResult:
    """Settings → Indexers → Options."""
    from reelarr.api.v3.config_indexer import IndexerConfigResource

    return await import_options(
        "indexer options", radarr, IndexerConfigResource, ctx.services.indexer_config, ctx
    )


async def import_download_client_options(radarr: Json, ctx: ImportContext) -> KindResult:
    """Settings → Download Clients → Completed and failed download handling."""
    from reelarr.api.v3.config_downloadclient import DownloadClientConfigResource

    section = ctx.services.download_client_config
    return await import_options("download client options", radarr, DownloadClientConfigResource, section, ctx)


async def import_ui_settings(radarr: Json, ctx: ImportContext) -> KindResult:
    """Settings → UI; the options Reelarr works by one value only are named when Radarr's differ."""
    from reelarr.api.v3.config_ui import FIXED, UiConfigResource
    from reelarr.uiconfig.config import ui_section

    section = ui_section(ctx.services.config, ctx.services.bus)
    result = await import_options("UI settings", radarr, UiConfigResource, section, ctx)
    given = UiConfigResource.model_validate(radarr)
    for name, (value, reason) in FIXED.items():
        if getattr(given, name) is not None and getattr(given, name) != value:
            alias = UiConfigResource.model_fields[name].alias or name
            result.notes.append(f"{alias} {getattr(given, name)!r} not brought over: {reason}")
    return result
