"""Custom formats: stored, validated as Radarr validates them, kept compiled for matching."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterable, Sequence

from sqlalchemy import select

from reelarr.customformats.codec import specification_from_json, specification_to_json
from reelarr.customformats.events import CustomFormatAdded, CustomFormatDeleted, CustomFormatUpdated
from reelarr.customformats.fields import condition_problems
from reelarr.customformats.matching import DEFAULT_TIMEOUT_SECONDS, FormatMatcher, name_order
from reelarr.customformats.model import CustomFormat, Specification
from reelarr.customformats.tables import CustomFormatRow
from reelarr.db.engine import Database
from reelarr.db.named_rows import insert_named, update_named
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, EventsMissed

AfterChange = Callable[[], Awaitable[None]]
MAX_NAME_LENGTH = 255
MAX_SPECIFICATIONS = 1000
_MAX_ID = 2**31 - 1
_CHUNK = 1000


async def _nothing() -> None:
    return None


def _not_found(format_id: int) -> NotFound:
    return NotFound(f"Custom format with ID {format_id} does not exist")


def _to_format(row: CustomFormatRow) -> CustomFormat:
    specs: list[Specification] = []
    for stored in row.specifications:
        try:
            specs.append(specification_from_json(stored))
        except ValueError:
            # A condition this version cannot read (written by a newer one) is left out, not fatal.
            continue
    return CustomFormat(
        id=row.id,
        name=row.name,
        include_when_renaming=row.include_custom_format_when_renaming,
        specifications=tuple(specs),
    )


def _fill(row: CustomFormatRow, custom_format: CustomFormat) -> None:
    row.name = custom_format.name
    row.include_custom_format_when_renaming = custom_format.include_when_renaming
    row.specifications = [specification_to_json(s) for s in custom_format.specifications]


def format_failures(custom_format: CustomFormat, *, taken_names: Iterable[str]) -> list[ValidationFailure]:
    """Everything wrong with a format before it may be saved (Radarr's rules, plus sane sizes)."""
    failures: list[ValidationFailure] = []
    name = custom_format.name
    if not name.strip():
        failures.append(ValidationFailure("name", "'Name' must not be empty.", name))
    elif len(name) > MAX_NAME_LENGTH:
        failures.append(ValidationFailure("name", f"Must be at most {MAX_NAME_LENGTH} characters long", name))
    elif name in set(taken_names):
        failures.append(ValidationFailure("name", "Must be unique.", name))
    specs = custom_format.specifications
    if not specs:
        failures.append(ValidationFailure("specifications", "Must contain at least one Condition"))
    if len(specs) > MAX_SPECIFICATIONS:
        failures.append(
            ValidationFailure("specifications", f"Must contain at most {MAX_SPECIFICATIONS} Conditions")
        )
    if any(not s.name.strip() for s in specs):
        failures.append(
            ValidationFailure("specifications", "Condition name(s) cannot be empty or consist of only spaces")
        )
    for index, spec in enumerate(specs):
        for problem in condition_problems(spec.condition):
            failures.append(
                ValidationFailure(
                    f"specifications[{index}].{problem.field}",
                    f"Condition '{spec.name}': {problem.message}",
                    problem.attempted,
                )
            )
    return failures


class CustomFormatService:
    """Creates, changes and deletes custom formats, and matches releases against all of them.

    The formats and their compiled patterns are kept in memory; any change, here or in another
    process, drops them.
    """

    def __init__(self, db: Database, bus: EventBus, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self._db = db
        self._bus = bus
        # Called once after each change, before its events (quality profiles list every format).
        self.after_change: AfterChange = _nothing
        self._timeout = timeout
        self._formats: tuple[CustomFormat, ...] | None = None
        self._matcher: FormatMatcher | None = None
        # The last matcher built, kept after a change so its compiled patterns are reused.
        self._last_matcher: FormatMatcher | None = None
        self._generation = 0
        for event_type in (CustomFormatAdded, CustomFormatUpdated, CustomFormatDeleted, EventsMissed):
            bus.subscribe(event_type, self._forget, remote=True)

    async def _forget(self, _event: Event) -> None:
        """A format changed here or in another process: what is kept in memory is stale."""
        self._drop()

    def _drop(self) -> None:
        self._generation += 1
        self._formats = None
        self._matcher = None

    async def all(self) -> list[CustomFormat]:
        """Every custom format, by id."""
        formats = self._formats
        if formats is None:
            generation = self._generation
            async with self._db.read() as session:
                rows = await session.scalars(select(CustomFormatRow).order_by(CustomFormatRow.id))
                formats = tuple(_to_format(row) for row in rows)
            if generation == self._generation:
                self._formats = formats
        return list(formats)

    async def matcher(self) -> FormatMatcher:
        """Every format compiled for matching (built once until a format changes)."""
        matcher = self._matcher
        if matcher is None:
            generation = self._generation
            matcher = FormatMatcher(await self.all(), timeout=self._timeout, previous=self._last_matcher)
            self._last_matcher = matcher
            if generation == self._generation:
                self._matcher = matcher
        return matcher

    async def get(self, format_id: int) -> CustomFormat:
        """One custom format; NotFound when there is none with this id."""
        if self._formats is not None:
            found = next((f for f in self._formats if f.id == format_id), None)
        elif 0 < format_id <= _MAX_ID:
            async with self._db.read() as session:
                row = await session.get(CustomFormatRow, format_id)
                found = _to_format(row) if row is not None else None
        else:
            found = None
        if found is None:
            raise _not_found(format_id)
        return found

    async def names(self) -> dict[int, str]:
        """Every format's name by id (without reading every format's conditions)."""
        if self._formats is not None:
            return {f.id: f.name for f in self._formats}
        async with self._db.read() as session:
            rows = await session.execute(select(CustomFormatRow.id, CustomFormatRow.name))
            return {int(row.id): str(row.name) for row in rows}

    async def presets(self) -> list[Specification]:
        """Every existing condition, named "<format>: <condition>", to start new conditions from."""
        return [
            dataclasses.replace(spec, name=f"{f.name}: {spec.name}")
            for f in sorted(await self.all(), key=lambda f: f.id)
            for spec in f.specifications
        ]

    async def create(self, custom_format: CustomFormat) -> CustomFormat:
        """Save a new custom format after checking it; every quality profile scores it 0."""
        await self._validate(custom_format, exclude_id=None)
        row = CustomFormatRow()
        _fill(row, custom_format)
        created = await insert_named(self._db, row, _to_format, custom_format.name)
        self._drop()
        await self.after_change()
        await self._bus.publish(CustomFormatAdded(format_id=created.id))
        return created

    async def update(self, custom_format: CustomFormat) -> CustomFormat:
        """Replace a custom format after checking it."""
        await self.get(custom_format.id)
        await self._validate(custom_format, exclude_id=custom_format.id)
        updated = await update_named(
            self._db,
            CustomFormatRow,
            custom_format.id,
            lambda row: _fill(row, custom_format),
            _to_format,
            name=custom_format.name,
            not_found=_not_found,
        )
        self._drop()
        await self.after_change()
        await self._bus.publish(CustomFormatUpdated(format_id=updated.id))
        return updated

    async def set_include_when_renaming(
        self, format_ids: Sequence[int], include: bool | None
    ) -> list[CustomFormat]:
        """Radarr's bulk edit: set the renaming flag of several formats (None leaves it as it is)."""
        if not format_ids:
            raise ValidationFailed.single("ids", "ids must be provided")
        wanted = list(dict.fromkeys(format_ids))
        for format_id in wanted:
            await self.get(format_id)
        async with self._db.write() as session:
            rows = [await session.get(CustomFormatRow, format_id) for format_id in wanted]
            for row in rows:
                if row is None:
                    raise NotFound("A custom format was deleted while it was being edited")
                if include is not None:
                    row.include_custom_format_when_renaming = include
            changed = [_to_format(row) for row in rows if row is not None]
        self._drop()
        await self.after_change()
        for custom_format in changed:
            await self._bus.publish(CustomFormatUpdated(format_id=custom_format.id))
        return changed

    async def delete(self, format_id: int) -> None:
        """Delete a custom format; quality profiles drop its score."""
        await self.get(format_id)
        await self.delete_many([format_id])

    async def delete_many(self, format_ids: Iterable[int]) -> None:
        """Delete several custom formats; ids that are not formats are ignored."""
        wanted = sorted({i for i in format_ids if 0 < i <= _MAX_ID})
        deleted: list[int] = []
        async with self._db.write() as session:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                rows = await session.scalars(select(CustomFormatRow).where(CustomFormatRow.id.in_(chunk)))
                for row in rows:
                    deleted.append(row.id)
                    await session.delete(row)
        if not deleted:
            return
        self._drop()
        await self.after_change()
        for format_id in deleted:
            await self._bus.publish(CustomFormatDeleted(format_id=format_id))

    async def _validate(self, custom_format: CustomFormat, *, exclude_id: int | None) -> None:
        taken = [name for format_id, name in (await self.names()).items() if format_id != exclude_id]
        failures = format_failures(custom_format, taken_names=taken)
        if failures:
            raise ValidationFailed(failures)


def by_name(formats: Iterable[CustomFormat]) -> list[CustomFormat]:
    """Formats in the order Radarr lists matched formats: by name."""
    return sorted(formats, key=lambda f: name_order(f.name))
