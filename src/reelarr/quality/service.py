"""Quality definitions (size limits) and profiles: stored, validated, seeded with Radarr's defaults."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, EventsMissed, shared
from reelarr.languages import lang, language_by_id
from reelarr.quality.catalogue import DEFAULT_DEFINITIONS, Quality, quality_by_id
from reelarr.quality.profile import QualityProfile, default_items, default_profiles, with_formats
from reelarr.quality.profile_codec import (
    format_items_from_json,
    format_items_to_json,
    items_from_json,
    items_to_json,
    profile_failures,
)
from reelarr.quality.tables import QualityDefinitionRow, QualityProfileRow

# Radarr's limits for definition sizes, in MB per minute (QualityDefinitionLimits).
SIZE_LIMIT_MIN = 0.0
SIZE_LIMIT_MAX = 2000.0

InUse = Callable[[int], Awaitable[bool]]
FormatNames = Callable[[], Awaitable[dict[int, str]]]


@dataclass(frozen=True, slots=True)
class SizeDefinition:
    """A quality's display title, weight and size limits as the user set them."""

    id: int
    quality: Quality
    title: str
    weight: int
    min_size: float | None
    max_size: float | None
    preferred_size: float | None


@dataclass(frozen=True, slots=True)
class SizeChange:
    """New title and sizes for one definition."""

    id: int
    title: str
    min_size: float | None
    max_size: float | None
    preferred_size: float | None


@shared("quality.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class QualitySettingsChanged(Event):
    """Profiles or definitions changed; caches of them must be dropped."""

    what: str


@dataclass(frozen=True, slots=True)
class ProfileSet:
    """Every profile by id as read at one moment, with answers that depend only on them kept alongside.

    Shared by every request until a profile changes: treat it as read-only.
    """

    by_id: Mapping[int, QualityProfile]
    # Whether a quality is below a profile's cutoff, by (profile id, quality id): each answer walks the
    # profile's items, so it is worked out once per pair while the profiles stay as they are.
    cutoff_not_met: dict[tuple[int, int], bool] = field(default_factory=dict, compare=False, repr=False)


async def _no_formats() -> dict[int, str]:
    return {}


async def _never_in_use(_profile_id: int) -> bool:
    return False


def _to_definition(row: QualityDefinitionRow) -> SizeDefinition | None:
    found = quality_by_id(row.quality_id)
    if found is None:
        return None
    return SizeDefinition(
        row.id, found, row.title, row.weight, row.min_size, row.max_size, row.preferred_size
    )


def _to_profile(row: QualityProfileRow) -> QualityProfile:
    language = language_by_id(row.language_id) or lang("English")
    return QualityProfile(
        id=row.id,
        name=row.name,
        items=items_from_json(list(row.items)),
        cutoff=row.cutoff,
        upgrade_allowed=row.upgrade_allowed,
        min_format_score=row.min_format_score,
        cutoff_format_score=row.cutoff_format_score,
        min_upgrade_format_score=row.min_upgrade_format_score,
        format_items=format_items_from_json(list(row.format_items)),
        language=language,
    )


def _fill(row: QualityProfileRow, profile: QualityProfile) -> None:
    row.name = profile.name.strip()
    row.upgrade_allowed = profile.upgrade_allowed
    row.cutoff = profile.cutoff
    row.items = items_to_json(profile.items)
    row.min_format_score = profile.min_format_score
    row.cutoff_format_score = profile.cutoff_format_score
    row.min_upgrade_format_score = profile.min_upgrade_format_score
    row.format_items = format_items_to_json(profile.format_items)
    row.language_id = profile.language.id


def size_failures(definition: SizeChange) -> list[ValidationFailure]:
    """What is wrong with a definition's title and sizes."""
    failures = []
    if not definition.title.strip():
        failures.append(ValidationFailure("title", "'Title' must not be empty."))
    sizes = {
        "minSize": definition.min_size,
        "preferredSize": definition.preferred_size,
        "maxSize": definition.max_size,
    }
    for name, value in sizes.items():
        if value is not None and not SIZE_LIMIT_MIN <= value <= SIZE_LIMIT_MAX:
            failures.append(
                ValidationFailure(name, f"Must be between {SIZE_LIMIT_MIN:g} and {SIZE_LIMIT_MAX:g}", value)
            )
    low = definition.min_size or 0.0
    if definition.preferred_size is not None and definition.preferred_size < low:
        failures.append(
            ValidationFailure("preferredSize", "Must be at least the minimum size", definition.preferred_size)
        )
    if definition.max_size is not None:
        if definition.max_size < low:
            failures.append(
                ValidationFailure("maxSize", "Must be at least the minimum size", definition.max_size)
            )
        if definition.preferred_size is not None and definition.preferred_size > definition.max_size:
            failures.append(
                ValidationFailure(
                    "preferredSize", "Must not exceed the maximum size", definition.preferred_size
                )
            )
    return failures


class QualityService:
    """Reads and changes quality definitions and profiles; every change is published.

    The profiles are kept in memory (every movie resource reads them); any change, here or in another
    process, drops them.
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        *,
        in_use: InUse = _never_in_use,
        format_names: FormatNames = _no_formats,
    ) -> None:
        self._db = db
        self._bus = bus
        self.in_use = in_use
        self.format_names = format_names
        self._profiles: ProfileSet | None = None
        self._generation = 0
        bus.subscribe(QualitySettingsChanged, self._forget, remote=True)
        bus.subscribe(EventsMissed, self._forget, remote=True)

    async def _forget(self, _event: Event) -> None:
        """Profiles changed here or in another process (or events were missed): the kept ones are stale."""
        self._generation += 1
        self._profiles = None

    async def seed_defaults(self) -> None:
        """Add definitions for qualities that have none, and Radarr's profiles to an empty table."""
        async with self._db.write() as session:
            await self._db.serialize(session, "quality.seed")
            present = set(await session.scalars(select(QualityDefinitionRow.quality_id)))
            for default in DEFAULT_DEFINITIONS:
                if default.quality.id not in present:
                    session.add(
                        QualityDefinitionRow(
                            quality_id=default.quality.id,
                            title=default.quality.name,
                            weight=default.weight,
                            min_size=default.min_size,
                            max_size=default.max_size,
                            preferred_size=default.preferred_size,
                        )
                    )
            if not await session.scalar(select(func.count()).select_from(QualityProfileRow)):
                for profile in default_profiles():
                    row = QualityProfileRow()
                    _fill(row, profile)
                    session.add(row)

    async def definitions(self) -> list[SizeDefinition]:
        """Every quality's definition, by weight."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(QualityDefinitionRow).order_by(QualityDefinitionRow.weight, QualityDefinitionRow.id)
            )
            return [d for d in map(_to_definition, rows) if d is not None]

    async def title(self, quality: Quality) -> str:
        """The title the user gave a quality's definition (its catalogue name without one)."""
        async with self._db.read() as session:
            title = await session.scalar(
                select(QualityDefinitionRow.title).where(QualityDefinitionRow.quality_id == quality.id)
            )
        return title or quality.name

    async def definition(self, definition_id: int) -> SizeDefinition:
        """One definition by id."""
        async with self._db.read() as session:
            row = await session.get(QualityDefinitionRow, definition_id)
        found = _to_definition(row) if row is not None else None
        if found is None:
            raise NotFound(f"Quality definition with ID {definition_id} does not exist")
        return found

    async def update_definitions(
        self, changes: Sequence[SizeChange], *, by_position: bool = False
    ) -> list[SizeDefinition]:
        """Change titles and sizes of several definitions at once: all or none. With `by_position`
        a failure names the change's place in the list ("[3].maxSize"), as for a list a form shows."""
        failures = [
            dataclasses.replace(f, property_name=f"[{i}].{f.property_name}") if by_position else f
            for i, change in enumerate(changes)
            for f in size_failures(change)
        ]
        if failures:
            raise ValidationFailed(failures)
        async with self._db.write() as session:
            for change in changes:
                row = await session.get(QualityDefinitionRow, change.id)
                if row is None:
                    raise NotFound(f"Quality definition with ID {change.id} does not exist")
                row.title = change.title.strip()
                row.min_size = change.min_size
                row.max_size = change.max_size
                row.preferred_size = change.preferred_size
        await self._bus.publish(QualitySettingsChanged(what="definitions"))
        return [await self.definition(change.id) for change in changes]

    async def reset_definitions(self, *, titles: bool) -> None:
        """Put every definition's sizes (and titles when asked) back to Radarr's defaults."""
        defaults = {d.quality.id: d for d in DEFAULT_DEFINITIONS}
        async with self._db.write() as session:
            for row in await session.scalars(select(QualityDefinitionRow)):
                default = defaults.get(row.quality_id)
                if default is None:
                    continue
                row.min_size, row.max_size = default.min_size, default.max_size
                row.preferred_size = default.preferred_size
                if titles:
                    row.title = default.quality.name
        await self._bus.publish(QualitySettingsChanged(what="definitions"))

    async def profiles(self) -> list[QualityProfile]:
        """Every profile, by id."""
        return list((await self.profile_set()).by_id.values())

    async def profile_set(self) -> ProfileSet:
        """Every profile by id, read once until a profile changes."""
        kept = self._profiles
        if kept is None:
            generation = self._generation
            async with self._db.read() as session:
                rows = await session.scalars(select(QualityProfileRow).order_by(QualityProfileRow.id))
                kept = ProfileSet({row.id: _to_profile(row) for row in rows})
            # Not kept when a change came in meanwhile, nor empty: the table is seeded on first start,
            # perhaps by another process, without an event.
            if generation == self._generation and kept.by_id:
                self._profiles = kept
        return kept

    async def profile(self, profile_id: int) -> QualityProfile:
        """One profile by id."""
        async with self._db.read() as session:
            row = await session.get(QualityProfileRow, profile_id)
        if row is None:
            raise NotFound(f"Quality profile with ID {profile_id} does not exist")
        return _to_profile(row)

    async def exists(self, profile_id: int) -> bool:
        """Whether a profile with this id exists."""
        async with self._db.read() as session:
            return await session.get(QualityProfileRow, profile_id) is not None

    async def schema(self) -> QualityProfile:
        """A blank profile listing every quality, none allowed, and every custom format scored 0."""
        blank = QualityProfile(name="", items=default_items(), cutoff=0, language=lang("English"))
        return with_formats(blank, await self.format_names())

    async def create(self, profile: QualityProfile) -> QualityProfile:
        """Save a new profile after checking it; custom formats it does not list are scored 0."""
        profile = await self._validate(profile, exclude_id=None)
        row = QualityProfileRow()
        _fill(row, profile)
        async with self._db.write() as session:
            session.add(row)
            await session.flush()
            created = _to_profile(row)
        await self._bus.publish(QualitySettingsChanged(what="profiles"))
        return created

    async def update(self, profile: QualityProfile) -> QualityProfile:
        """Replace a profile after checking it; custom formats it does not list are scored 0."""
        profile = await self._validate(profile, exclude_id=profile.id)
        async with self._db.write() as session:
            row = await session.get(QualityProfileRow, profile.id)
            if row is None:
                raise NotFound(f"Quality profile with ID {profile.id} does not exist")
            _fill(row, profile)
            updated = _to_profile(row)
        await self._bus.publish(QualitySettingsChanged(what="profiles"))
        return updated

    async def delete(self, profile_id: int) -> None:
        """Delete a profile that no movie or list uses."""
        profile = await self.profile(profile_id)
        if await self.in_use(profile_id):
            raise Conflict(f"Quality profile '{profile.name}' is in use")
        async with self._db.write() as session:
            row = await session.get(QualityProfileRow, profile_id)
            if row is not None:
                await session.delete(row)
        await self._bus.publish(QualitySettingsChanged(what="profiles"))

    async def sync_formats(self) -> None:
        """Make every profile score exactly the custom formats that exist (after one is added,
        renamed or deleted)."""
        names = await self.format_names()
        changed = False
        async with self._db.write() as session:
            await self._db.serialize(session, "quality.profiles.formats")
            for row in await session.scalars(select(QualityProfileRow).order_by(QualityProfileRow.id)):
                profile = _to_profile(row)
                synced = with_formats(profile, names)
                if synced != profile:
                    _fill(row, synced)
                    changed = True
        if changed:
            await self._bus.publish(QualitySettingsChanged(what="profiles"))

    async def _validate(self, profile: QualityProfile, *, exclude_id: int | None) -> QualityProfile:
        taken = [p.name for p in await self.profiles() if p.id != exclude_id]
        names = await self.format_names()
        failures = profile_failures(profile, taken_names=taken, known_format_ids=names.keys())
        if failures:
            raise ValidationFailed(failures)
        return with_formats(profile, names)


def with_id(profile: QualityProfile, profile_id: int) -> QualityProfile:
    """The same profile with another id."""
    return dataclasses.replace(profile, id=profile_id)
