"""Tags, root folders, quality definitions, naming and media management settings."""

from __future__ import annotations

import asyncio
import os
from dataclasses import asdict, replace
from typing import Any

from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult

Json = dict[str, Any]


async def import_tags(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each Radarr tag by label: the existing one, or a new one."""
    from reelarr.tags.labels import clean_label

    result = KindResult("tags")
    existing = {tag.label: tag.id for tag in await ctx.services.tags.all()}
    for tag in radarr:
        label = clean_label(str(tag.get("label") or ""))
        if label in existing:
            result.unchanged += 1
        elif ctx.dry_run:
            existing[label] = ctx.planned_id()
            result.added.append(label)
        else:
            existing[label] = (await ctx.services.tags.create(label)).id
            result.added.append(label)
        ctx.tag_ids[int(tag["id"])] = existing[label]
        ctx.tag_labels[int(tag["id"])] = label
    return result


async def import_root_folders(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each Radarr root folder by path (mapped); one that cannot be used here is reported."""
    result = KindResult("root folders")
    existing = set(await ctx.services.root_folders.paths())
    for folder in radarr:
        path = ctx.path(str(folder.get("path") or ""))
        if path in existing or path.rstrip("/\\") in existing:
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                await ctx.services.root_folders.add(path)
        except ReelarrError as error:
            result.failed.append(f"{path}: {error}")
            continue
        existing.add(path)
        result.added.append(path)
    return result


async def import_quality_definitions(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each quality's title and sizes, matched by quality id (Radarr's and Reelarr's are the same)."""
    from reelarr.quality.catalogue import quality_by_id
    from reelarr.quality.service import SizeChange

    result = KindResult("quality definitions")
    current = {d.quality.id: d for d in await ctx.services.quality.definitions()}
    changes: list[SizeChange] = []
    for definition in radarr:
        quality_id = (definition.get("quality") or {}).get("id")
        mine = current.get(quality_id) if isinstance(quality_id, int) else None
        if mine is None and ctx.dry_run and isinstance(quality_id, int) and quality_by_id(quality_id):
            # Not seeded yet: the real run seeds the defaults first, then sets Radarr's values.
            result.updated.append(str(definition.get("title")))
            continue
        if mine is None:
            result.failed.append(f"{definition.get('title')}: Reelarr has no quality with id {quality_id}")
            continue
        change = SizeChange(
            id=mine.id,
            title=str(definition.get("title") or mine.title),
            min_size=definition.get("minSize"),
            max_size=definition.get("maxSize"),
            preferred_size=definition.get("preferredSize"),
        )
        if (mine.title, mine.min_size, mine.max_size, mine.preferred_size) == (
            change.title,
            change.min_size,
            change.max_size,
            change.preferred_size,
        ):
            result.unchanged += 1
            continue
        changes.append(change)
        result.updated.append(change.title)
    if changes and not ctx.dry_run:
        await ctx.services.quality.update_definitions(changes)
    return result


async def import_naming(radarr: Json, ctx: ImportContext) -> KindResult:
    """Radarr's naming settings over Reelarr's."""
    from reelarr.api.v3.config_naming import NamingConfigResource
    from reelarr.naming.config import colon_replacement

    result = KindResult("naming settings")
    current = await ctx.services.naming.config()
    sent = NamingConfigResource.model_validate(radarr).model_dump(exclude={"id"})
    values = {name: value for name, value in sent.items() if value is not None}
    if "colon_replacement_format" in values:
        found = colon_replacement(values["colon_replacement_format"])
        if found is None:
            values.pop("colon_replacement_format")
            result.notes.append(f"colon replacement '{sent['colon_replacement_format']}' is unknown; kept")
        else:
            values["colon_replacement_format"] = found
    wanted = replace(current, **values)
    if wanted == current:
        result.unchanged += 1
        return result
    try:
        if not ctx.dry_run:
            await ctx.services.naming.save(wanted)
    except ReelarrError as error:
        result.failed.append(f"naming: {error}")
        return result
    result.updated.append("naming")
    return result


async def import_media_management(radarr: Json, ctx: ImportContext) -> KindResult:
    """Radarr's media management options over Reelarr's (the ones Reelarr has)."""
    from reelarr.api.v3.config_mediamanagement import MediaManagementConfigResource
    from reelarr.mediamanagement.config import MediaManagementConfig

    result = KindResult("media management settings")
    current = await ctx.services.media_management.get()
    sent = MediaManagementConfigResource.model_validate(radarr).model_dump(exclude={"id"})
    if sent.get("recycle_bin"):
        sent["recycle_bin"] = ctx.path(sent["recycle_bin"])
        if not await asyncio.to_thread(os.path.isdir, sent["recycle_bin"]):
            result.notes.append(f"recycle bin {sent['recycle_bin']} does not exist here; kept as it was")
            sent["recycle_bin"] = None
    given = {name: value for name, value in sent.items() if value is not None}
    wanted = MediaManagementConfig(**{**asdict(current), **given})
    if wanted == current:
        result.unchanged += 1
        return result
    try:
        if not ctx.dry_run:
            await ctx.services.media_management.save(wanted)
    except ReelarrError as error:
        result.failed.append(f"media management: {error}")
        return result
    result.updated.append("media management")
    return result


def _folder_key(path: str) -> str:
    return path.rstrip("/\\")


async def import_remote_path_mappings(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each mapping by download client host and remote folder; the local folder is mapped too."""
    from reelarr.remotepathmappings.model import RemotePathMapping

    result = KindResult("remote path mappings")
    service = ctx.services.remote_path_mappings
    existing = {(m.host.lower(), _folder_key(m.remote_path)): m for m in await service.all()}
    for mapping in radarr:
        host, remote = str(mapping.get("host") or ""), str(mapping.get("remotePath") or "")
        local = ctx.path(str(mapping.get("localPath") or ""))
        label = f"{host}: {remote} → {local}"
        mine = existing.get((host.lower(), _folder_key(remote)))
        if mine is not None and _folder_key(mine.local_path) == _folder_key(local):
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                wanted = RemotePathMapping(mine.id if mine else 0, host, remote, local)
                await (service.update(wanted) if mine else service.add(wanted))
        except ReelarrError as error:
            result.failed.append(f"{label}: {error}")
            continue
        (result.updated if mine else result.added).append(label)
    return result


def filter_here(condition: Json, ctx: ImportContext) -> Json:
    """A filter condition with the tag and quality profile ids it names turned into Reelarr's."""
    key, value = condition.get("key"), condition.get("value")
    values = value if isinstance(value, list) else [value]
    if key == "tags":
        return {**condition, "value": list(ctx.tags(values))}
    if key == "qualityProfileId":
        mapped = [ctx.profile_ids.get(v, v) if isinstance(v, int) else v for v in values]
        return {**condition, "value": mapped if isinstance(value, list) else mapped[0]}
    return condition


async def import_custom_filters(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each saved filter of the UI's lists by list and label; its conditions as Radarr keeps them."""
    from reelarr.customfilters.service import CustomFilter

    result = KindResult("custom filters")
    service = ctx.services.custom_filters
    existing = {(f.type, f.label): f for f in await service.all()}
    for custom in radarr:
        kind, label = str(custom.get("type") or ""), str(custom.get("label") or "")
        filters = [filter_here(f, ctx) for f in custom.get("filters") or [] if isinstance(f, dict)]
        mine = existing.get((kind, label))
        if mine is not None and mine.filters == filters:
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                wanted = CustomFilter(mine.id if mine else 0, kind, label, filters)
                await (service.update(wanted) if mine else service.add(wanted))
        except ReelarrError as error:
            result.failed.append(f"{label}: {error}")
            continue
        (result.updated if mine else result.added).append(f"{label} ({kind})")
    return result
