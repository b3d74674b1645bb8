"""Auto tagging rules: stored, validated as Radarr validates them, and applied to films."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from reelarr.autotagging.events import AutoTagsChanged
from reelarr.autotagging.specs import (
    STATUS_NUMBERS,
    Condition,
    MovieFacts,
    condition_from_json,
    condition_to_json,
    conditions_met,
)
from reelarr.autotagging.tables import AutoTagRow
from reelarr.db.engine import Database
from reelarr.db.named_rows import insert_named, update_named
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, EventsMissed
from reelarr.movies.availability import movie_status
from reelarr.movies.model import Movie, MovieStatus

MAX_NAME_LENGTH = 255
MAX_SPECIFICATIONS = 1000
_MAX_ID = 2**31 - 1
TagsExist = Callable[[Iterable[int]], Awaitable[set[int]]]


@dataclass(frozen=True, slots=True)
class AutoTag:
    """A rule: films meeting every type of its conditions get its tags (and, with
    `remove_tags_automatically`, lose them when they no longer do)."""

    name: str
    conditions: tuple[Condition, ...]
    tags: tuple[int, ...]
    remove_tags_automatically: bool = False
    id: int = 0


@dataclass(frozen=True, slots=True)
class TagChanges:
    """The tags rules would add to a film and those they would take off."""

    add: frozenset[int]
    remove: frozenset[int]

    def applied_to(self, tags: Iterable[int]) -> tuple[int, ...]:
        """The film's tags after the change (sorted); a tag both added and removed stays."""
        kept = set(tags) - self.remove
        return tuple(sorted(kept | self.add))


def movie_facts(movie: Movie, today: date) -> MovieFacts:
    """What the conditions look at, for a film on `today`."""
    status = (
        MovieStatus.DELETED
        if movie.tmdb_status.lower() == "deleted"
        else movie_status(
            in_cinemas=movie.in_cinemas,
            digital=movie.digital_release,
            physical=movie.physical_release,
            tmdb_status=movie.tmdb_status,
            today=today,
        )
    )
    return MovieFacts(
        monitored=movie.monitored,
        quality_profile_id=movie.quality_profile_id,
        root_folder_path=movie.root_folder_path,
        tags=frozenset(movie.tags),
        year=movie.year,
        runtime=movie.runtime,
        status=STATUS_NUMBERS[status],
        original_language_id=movie.original_language.id,
        genres=movie.genres,
        keywords=movie.keywords,
        studio=movie.studio,
    )


def tag_changes(rules: Sequence[AutoTag], movie: Movie, today: date) -> TagChanges:
    """What the rules change on a film: a matching rule adds its tags, a rule that does not match
    and removes automatically takes them off (as Radarr's GetTagChanges)."""
    facts = movie_facts(movie, today)
    add: set[int] = set()
    remove: set[int] = set()
    for rule in rules:
        if conditions_met(rule.conditions, facts):
            add.update(t for t in rule.tags if t not in facts.tags)
        elif rule.remove_tags_automatically:
            remove.update(rule.tags)
    return TagChanges(frozenset(add), frozenset(remove))


def _not_found(auto_tag_id: int) -> NotFound:
    return NotFound(f"Auto tag with ID {auto_tag_id} does not exist")


def _to_auto_tag(row: AutoTagRow) -> AutoTag:
    conditions = (condition_from_json(stored) for stored in row.specifications)
    return AutoTag(
        id=row.id,
        name=row.name,
        conditions=tuple(c for c in conditions if c is not None),
        tags=tuple(sorted(set(row.tags))),
        remove_tags_automatically=row.remove_tags_automatically,
    )


def _fill(row: AutoTagRow, auto_tag: AutoTag) -> None:
    row.name = auto_tag.name
    row.remove_tags_automatically = auto_tag.remove_tags_automatically
    row.tags = sorted(set(auto_tag.tags))
    row.specifications = [condition_to_json(c) for c in auto_tag.conditions]


def _unstorable(text: str) -> bool:
    # PostgreSQL cannot store NUL or lone surrogates, and no name, genre or folder holds control characters.
    return any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _texts(condition: Condition) -> list[str]:
    texts = [condition.name]
    for value in condition.values.values():
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            texts.extend(v for v in value if isinstance(v, str))
    return texts


def auto_tag_failures(auto_tag: AutoTag, *, taken_names: Iterable[str]) -> list[ValidationFailure]:
    """Everything wrong with a rule's name, tags and conditions list (Radarr's controller rules)."""
    failures: list[ValidationFailure] = []
    name = auto_tag.name
    if not name.strip():
        failures.append(ValidationFailure("name", "'Name' must not be empty.", name))
    elif len(name) > MAX_NAME_LENGTH:
        failures.append(ValidationFailure("name", f"Must be at most {MAX_NAME_LENGTH} characters long", name))
    elif _unstorable(name):
        failures.append(ValidationFailure("name", "'Name' must not contain control characters.", name))
    elif name in set(taken_names):
        failures.append(ValidationFailure("name", "Must be unique.", name))
    if not auto_tag.tags:
        failures.append(ValidationFailure("tags", "'Tags' must not be empty.", list(auto_tag.tags)))
    conditions = auto_tag.conditions
    if not conditions:
        failures.append(ValidationFailure("specifications", "'Specifications' must not be empty."))
        failures.append(ValidationFailure("", "Must contain at least one Condition"))
    if len(conditions) > MAX_SPECIFICATIONS:
        failures.append(
            ValidationFailure("specifications", f"Must contain at most {MAX_SPECIFICATIONS} Conditions")
        )
    if any(not c.name.strip() for c in conditions):
        failures.append(ValidationFailure("", "Condition name(s) cannot be empty or consist of only spaces"))
    for index, condition in enumerate(conditions):
        if any(_unstorable(text) for text in _texts(condition)):
            message = f"Condition '{condition.name}': must not contain control characters"
            failures.append(ValidationFailure(f"specifications[{index}]", message))
    return failures


class AutoTaggingService:
    """Creates, changes and deletes auto tagging rules; keeps them in memory until one changes."""

    def __init__(self, db: Database, bus: EventBus, *, existing_tags: TagsExist | None = None) -> None:
        self._db = db
        self._bus = bus
        self._existing_tags = existing_tags
        self._rules: tuple[AutoTag, ...] | None = None
        self._generation = 0
        for event_type in (AutoTagsChanged, EventsMissed):
            bus.subscribe(event_type, self._forget, remote=True)

    async def _forget(self, _event: Event) -> None:
        """A rule changed here or in another process: what is kept in memory is stale."""
        self._generation += 1
        self._rules = None

    async def all(self) -> list[AutoTag]:
        """Every rule, by id."""
        rules = self._rules
        if rules is None:
            generation = self._generation
            async with self._db.read() as session:
                rows = await session.scalars(select(AutoTagRow).order_by(AutoTagRow.id))
                rules = tuple(_to_auto_tag(row) for row in rows)
            if generation == self._generation:
                self._rules = rules
        return list(rules)

    async def get(self, auto_tag_id: int) -> AutoTag:
        """One rule; NotFound when there is none with this id."""
        found = next((r for r in await self.all() if r.id == auto_tag_id), None)
        if found is None:
            raise _not_found(auto_tag_id)
        return found

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """The rules that give this tag or test for it (a tag they use must not be deleted)."""
        return [
            rule.id
            for rule in await self.all()
            if tag_id in rule.tags
            or any(
                c.implementation == "TagSpecification" and c.values.get("value") == tag_id
                for c in rule.conditions
            )
        ]

    async def create(self, auto_tag: AutoTag) -> AutoTag:
        """Save a new rule after checking it."""
        await self._validate(auto_tag, exclude_id=None)
        row = AutoTagRow()
        _fill(row, auto_tag)
        created = await insert_named(self._db, row, _to_auto_tag, auto_tag.name)
        await self._changed(created.id)
        return created

    async def update(self, auto_tag: AutoTag) -> AutoTag:
        """Replace a rule after checking it."""
        await self.get(auto_tag.id)
        await self._validate(auto_tag, exclude_id=auto_tag.id)
        updated = await update_named(
            self._db,
            AutoTagRow,
            auto_tag.id,
            lambda row: _fill(row, auto_tag),
            _to_auto_tag,
            name=auto_tag.name,
            not_found=_not_found,
        )
        await self._changed(updated.id)
        return updated

    async def delete(self, auto_tag_id: int) -> None:
        """Delete a rule (the tags it gave stay on the films)."""
        if not 0 < auto_tag_id <= _MAX_ID:
            raise _not_found(auto_tag_id)
        async with self._db.write() as session:
            row = await session.get(AutoTagRow, auto_tag_id)
            if row is None:
                raise _not_found(auto_tag_id)
            await session.delete(row)
        await self._changed(auto_tag_id)

    async def _changed(self, auto_tag_id: int) -> None:
        self._generation += 1
        self._rules = None
        await self._bus.publish(AutoTagsChanged(auto_tag_id=auto_tag_id))

    async def _validate(self, auto_tag: AutoTag, *, exclude_id: int | None) -> None:
        taken = [rule.name for rule in await self.all() if rule.id != exclude_id]
        failures = auto_tag_failures(auto_tag, taken_names=taken)
        if self._existing_tags is not None and auto_tag.tags:
            missing = sorted(set(auto_tag.tags) - await self._existing_tags(auto_tag.tags))
            if missing:
                failures.append(
                    ValidationFailure("tags", f"Tags do not exist: {', '.join(map(str, missing))}", missing)
                )
        if failures:
            raise ValidationFailed(failures)
