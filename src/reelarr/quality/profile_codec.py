"""Quality profiles to and from stored JSON, and the rules a profile must follow to be saved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from reelarr.errors import ValidationFailure
from reelarr.quality.catalogue import ALL_QUALITIES, quality_by_id
from reelarr.quality.profile import FIRST_GROUP_ID, FormatItem, ProfileItem, QualityProfile


def items_to_json(items: tuple[ProfileItem, ...]) -> list[dict[str, Any]]:
    """Profile rows as stored: `{"quality": id, "allowed"}` or `{"id", "name", "allowed", "items"}`."""
    stored: list[dict[str, Any]] = []
    for item in items:
        if item.quality is not None:
            stored.append({"quality": item.quality.id, "allowed": item.allowed})
        else:
            stored.append(
                {
                    "id": item.id,
                    "name": item.name,
                    "allowed": item.allowed,
                    "items": items_to_json(item.items),
                }
            )
    return stored


def items_from_json(stored: list[dict[str, Any]]) -> tuple[ProfileItem, ...]:
    """Stored profile rows back as items; qualities unknown to this version are dropped."""
    items: list[ProfileItem] = []
    for row in stored:
        if "quality" in row:
            found = quality_by_id(int(row["quality"]))
            if found is not None:
                items.append(ProfileItem(quality=found, allowed=bool(row.get("allowed"))))
            continue
        children = items_from_json(list(row.get("items", [])))
        items.append(
            ProfileItem(
                id=int(row["id"]),
                name=str(row.get("name", "")),
                allowed=bool(row.get("allowed")),
                items=children,
            )
        )
    return tuple(items)


def format_items_to_json(items: tuple[FormatItem, ...]) -> list[dict[str, Any]]:
    """Format scores as stored."""
    return [{"format": i.format_id, "name": i.name, "score": i.score} for i in items]


def format_items_from_json(stored: list[dict[str, Any]]) -> tuple[FormatItem, ...]:
    """Stored format scores back as items."""
    return tuple(FormatItem(int(i["format"]), str(i.get("name", "")), int(i.get("score", 0))) for i in stored)


def _item_failures(items: tuple[ProfileItem, ...]) -> list[ValidationFailure]:
    failures: list[ValidationFailure] = []
    listed = Counter(q.id for item in items for q in item.qualities())
    if any(count > 1 for count in listed.values()):
        failures.append(ValidationFailure("items", "Must not contain the same quality more than once"))
    missing = [q.name for q in ALL_QUALITIES if q.id not in listed]
    if missing:
        failures.append(
            ValidationFailure("items", f"Must contain all qualities; missing: {', '.join(missing)}")
        )
    groups = [item for item in items if item.is_group]
    if any(not g.name.strip() for g in groups):
        failures.append(ValidationFailure("items", "Groups must have a name"))
    if any(not g.items for g in groups):
        failures.append(ValidationFailure("items", "Groups must contain at least one quality"))
    if any(child.is_group for g in groups for child in g.items):
        failures.append(ValidationFailure("items", "Groups cannot contain other groups"))
    group_ids = [g.id for g in groups]
    if any(i < FIRST_GROUP_ID for i in group_ids) or len(set(group_ids)) != len(group_ids):
        failures.append(ValidationFailure("items", f"Group ids must be unique and at least {FIRST_GROUP_ID}"))
    names = [g.name.lower() for g in groups]
    if len(set(names)) != len(names):
        failures.append(ValidationFailure("items", "Group names must be unique"))
    return failures


def profile_failures(
    profile: QualityProfile, *, taken_names: Collection[str], known_format_ids: Collection[int]
) -> list[ValidationFailure]:
    """Everything wrong with a profile before it may be saved (an empty list when it is fine)."""
    failures: list[ValidationFailure] = []
    if not profile.name.strip():
        failures.append(ValidationFailure("name", "'Name' must not be empty.", profile.name))
    elif profile.name.strip().lower() in {n.lower() for n in taken_names}:
        failures.append(ValidationFailure("name", "Must be unique", profile.name))
    failures.extend(_item_failures(profile.items))
    if not profile.allowed_qualities():
        failures.append(ValidationFailure("items", "Must contain at least one allowed quality"))
    cutoff_item = next((item for item in profile.items if item.item_id == profile.cutoff), None)
    if cutoff_item is None or not cutoff_item.allowed:
        failures.append(
            ValidationFailure("cutoff", "Cutoff must be an allowed quality or group", profile.cutoff)
        )
    failures.extend(_format_failures(profile, known_format_ids))
    return failures


def _format_failures(profile: QualityProfile, known_format_ids: Collection[int]) -> list[ValidationFailure]:
    failures: list[ValidationFailure] = []
    listed = [i.format_id for i in profile.format_items]
    unknown = sorted(set(listed) - set(known_format_ids))
    if unknown:
        failures.append(
            ValidationFailure("formatItems", f"Custom formats do not exist: {', '.join(map(str, unknown))}")
        )
    if len(set(listed)) != len(listed):
        failures.append(
            ValidationFailure("formatItems", "Must not list the same custom format more than once")
        )
    if profile.min_upgrade_format_score < 1:
        failures.append(
            ValidationFailure(
                "minUpgradeFormatScore",
                "'Min Upgrade Format Score' must be greater than or equal to '1'.",
                profile.min_upgrade_format_score,
            )
        )
    scores = [i.score for i in profile.format_items]
    best_total = sum(score for score in scores if score > 0)
    if best_total < profile.min_format_score and max(scores, default=0) < profile.min_format_score:
        failures.append(
            ValidationFailure(
                "minFormatScore",
                "Minimum Custom Format Score can never be satisfied",
                profile.min_format_score,
            )
        )
    return failures
