"""Auto tagging: Radarr's rules by name, their tags, quality profiles, tags and root folders as Reelarr's."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from reelarr.autotagging.service import AutoTag
from reelarr.autotagging.specs import Condition, read_condition
from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.dbrows import load_json, rows

Json = dict[str, Any]
KIND = "auto tagging"


def auto_tags_from_db(connection: sqlite3.Connection) -> list[Json]:
    """radarr.db's AutoTagging rows (migration 227) as Radarr's API answers them."""
    found = []
    for row in rows(connection, "AutoTagging"):
        specifications = []
        for stored in load_json(row.get("Specifications"), []):
            body = stored.get("body") if isinstance(stored, dict) else None
            if not isinstance(body, dict):
                continue
            specifications.append(
                {
                    "name": body.get("name"),
                    "implementation": stored.get("type"),
                    "negate": bool(body.get("negate")),
                    "required": bool(body.get("required")),
                    "fields": [{"name": k, "value": v} for k, v in body.items()],
                }
            )
        found.append(
            {
                "id": row["Id"],
                "name": row["Name"],
                "removeTagsAutomatically": bool(row.get("RemoveTagsAutomatically")),
                "tags": load_json(row.get("Tags"), []),
                "specifications": specifications,
            }
        )
    return found


def _fields(spec: Json) -> Json:
    raw = spec.get("fields")
    if isinstance(raw, dict):
        return raw
    return {
        f["name"]: f.get("value") for f in raw or [] if isinstance(f, dict) and isinstance(f.get("name"), str)
    }


def _condition_here(condition: Condition, ctx: ImportContext) -> Condition:
    """A condition with the quality profile, tag or root folder it names as Reelarr has it."""
    kind, values = condition.implementation, dict(condition.values)
    if kind == "QualityProfileSpecification":
        if values["value"] not in ctx.profile_ids:
            raise ValueError(f"'{condition.name}' names quality profile {values['value']}, not imported")
        values["value"] = ctx.profile_ids[values["value"]]
    elif kind == "TagSpecification":
        if values["value"] not in ctx.tag_ids:
            raise ValueError(f"'{condition.name}' names tag {values['value']}, which Radarr did not list")
        values["value"] = ctx.tag_ids[values["value"]]
    elif kind == "RootFolderSpecification":
        values["value"] = ctx.path(str(values["value"]))
    return replace(condition, values=values)


def auto_tag_here(resource: Json, ctx: ImportContext) -> AutoTag:
    """Radarr's rule as Reelarr's; ValueError naming what cannot be brought over."""
    conditions = []
    for spec in resource.get("specifications") or []:
        condition, problems = read_condition(
            str(spec.get("implementation") or ""),
            str(spec.get("name") or ""),
            _fields(spec),
            negate=bool(spec.get("negate")),
            required=bool(spec.get("required")),
        )
        if condition is None:
            raise ValueError(f"condition '{spec.get('name')}': " + "; ".join(p.message for p in problems))
        conditions.append(_condition_here(condition, ctx))
    return AutoTag(
        name=str(resource.get("name") or ""),
        conditions=tuple(conditions),
        tags=ctx.tags(resource.get("tags")),
        remove_tags_automatically=bool(resource.get("removeTagsAutomatically")),
    )


async def import_auto_tags(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each Radarr auto tagging rule by name: added, changed to Radarr's, or left when the same."""
    result = KindResult(KIND)
    service = ctx.services.auto_tagging
    existing = {rule.name: rule for rule in await service.all()}
    for resource in radarr:
        name = str(resource.get("name") or "")
        try:
            wanted = auto_tag_here(resource, ctx)
        except ValueError as error:
            result.failed.append(f"{name}: {error}")
            continue
        mine = existing.get(name)
        if mine is not None and replace(wanted, id=mine.id) == mine:
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                await (service.update(replace(wanted, id=mine.id)) if mine else service.create(wanted))
        except ReelarrError as error:
            result.failed.append(f"{name}: {error}")
            continue
        (result.updated if mine else result.added).append(name)
    return result
