"""Custom formats, quality profiles, release profiles and delay profiles."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult

if TYPE_CHECKING:
    from reelarr.delayprofiles.model import DelayProfile
    from reelarr.quality.profile import QualityProfile

Json = dict[str, Any]


async def import_custom_formats(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each custom format by name: added, changed to Radarr's conditions, or left as it is."""
    from reelarr.api.v3.customformat import CustomFormatResource, format_from

    result = KindResult("custom formats")
    service = ctx.services.custom_formats
    existing = {f.name: f for f in await service.all()}
    for resource in radarr:
        name = str(resource.get("name") or "")
        mine = existing.get(name)
        try:
            wanted = format_from(CustomFormatResource.model_validate(resource), mine.id if mine else 0)
            if mine is not None and wanted == mine:
                result.unchanged += 1
                format_id = mine.id
            elif ctx.dry_run:
                format_id = mine.id if mine else ctx.planned_id()
                (result.updated if mine else result.added).append(name)
            elif mine is not None:
                format_id = (await service.update(wanted)).id
                result.updated.append(name)
            else:
                format_id = (await service.create(wanted)).id
                result.added.append(name)
        except ReelarrError as error:
            result.failed.append(f"{name}: {error}")
            continue
        ctx.format_ids[int(resource["id"])] = format_id
    return result


def profile_resource_here(resource: Json, format_ids: dict[int, int]) -> Json:
    """Radarr's QualityProfileResource with its custom format ids turned into Reelarr's (by the
    formats imported before); scores of formats that were not imported are left out."""
    items = [
        {**item, "format": format_ids[item["format"]]}
        for item in resource.get("formatItems") or []
        if isinstance(item, dict) and item.get("format") in format_ids
    ]
    return {**resource, "formatItems": items}


def _same_profile(a: QualityProfile, b: QualityProfile) -> bool:
    """Equal but for the order of format scores and the formats scored 0 (every profile lists all)."""

    def scores(profile: QualityProfile) -> dict[int, int]:
        return {item.format_id: item.score for item in profile.format_items if item.score}

    return replace(a, format_items=()) == replace(b, format_items=()) and scores(a) == scores(b)


async def import_quality_profiles(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each quality profile by name; qualities match by id, custom formats by name."""
    from reelarr.api.v3.quality import QualityProfileResource, profile_from

    result = KindResult("quality profiles")
    service = ctx.services.quality
    existing = {p.name: p for p in await service.profiles()}
    for resource in radarr:
        name = str(resource.get("name") or "")
        mine = existing.get(name)
        try:
            here = QualityProfileResource.model_validate(profile_resource_here(resource, ctx.format_ids))
            wanted = profile_from(here, mine.id if mine else 0)
            if mine is not None and _same_profile(wanted, mine):
                result.unchanged += 1
                profile_id = mine.id
            elif ctx.dry_run:
                profile_id = mine.id if mine else ctx.planned_id()
                (result.updated if mine else result.added).append(name)
            elif mine is not None:
                profile_id = (await service.update(wanted)).id
                result.updated.append(name)
            else:
                profile_id = (await service.create(wanted)).id
                result.added.append(name)
        except ReelarrError as error:
            result.failed.append(f"{name}: {error}")
            continue
        ctx.profile_ids[int(resource["id"])] = profile_id
    return result


async def import_release_profiles(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each release profile by name (by its terms when it has none); indexer limits are dropped."""
    from reelarr.api.v3.releaseprofile import ReleaseProfileResource

    result = KindResult("release profiles")
    service = ctx.services.release_profiles
    existing = {(p.name or "", p.required, p.ignored): p for p in await service.all()}
    by_name = {p.name: p for p in existing.values() if p.name}
    for resource in radarr:
        try:
            wanted = ReleaseProfileResource.model_validate(
                {**resource, "tags": list(ctx.tags(resource.get("tags"))), "indexerId": 0}
            ).to_domain(0)
            label = wanted.name or ", ".join(wanted.required + wanted.ignored)
            mine = by_name.get(wanted.name) if wanted.name else None
            mine = mine or existing.get((wanted.name or "", wanted.required, wanted.ignored))
            if resource.get("indexerId"):
                result.notes.append(f"{label}: was limited to one indexer; now applies to all")
            if mine is not None and replace(wanted, id=mine.id) == mine:
                result.unchanged += 1
                continue
            if not ctx.dry_run:
                if mine is not None:
                    await service.update(replace(wanted, id=mine.id))
                else:
                    await service.add(wanted)
            (result.updated if mine else result.added).append(label)
        except ReelarrError as error:
            result.failed.append(f"{resource.get('name') or resource.get('id')}: {error}")
    return result


def _same_delay(a: DelayProfile, b: DelayProfile) -> bool:
    return replace(a, id=0, order=0) == replace(b, id=0, order=0)


async def import_delay_profiles(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each delay profile by its tags (the global one has none), in Radarr's order."""
    from reelarr.api.v3.delayprofile import DelayProfileResource

    result = KindResult("delay profiles")
    service = ctx.services.delay_profiles
    existing = {p.tags: p for p in await service.all()}
    for resource in sorted(radarr, key=lambda r: int(r.get("order") or 0)):
        tags = ctx.tags(resource.get("tags"))
        names = sorted(ctx.tag_labels[t] for t in resource.get("tags") or [] if t in ctx.tag_labels)
        label = "for tags " + ", ".join(names) if names else "global"
        try:
            wanted = DelayProfileResource.model_validate({**resource, "tags": list(tags)}).to_domain(0)
            mine = existing.get(wanted.tags)
            if mine is not None and _same_delay(wanted, mine):
                result.unchanged += 1
                continue
            if not ctx.dry_run:
                if mine is not None:
                    await service.update(replace(wanted, id=mine.id, order=mine.order))
                else:
                    await service.add(wanted)
            (result.updated if mine else result.added).append(label)
        except ReelarrError as error:
            result.failed.append(f"{label}: {error}")
    return result
