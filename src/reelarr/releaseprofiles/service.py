"""Release profiles: add, change and remove them, and hand the decision engine those that apply."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable, Collection, Sequence

from sqlalchemy import select

from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.events import EventBus
from reelarr.releaseprofiles.events import ReleaseProfilesChanged
from reelarr.releaseprofiles.model import ReleaseProfile
from reelarr.releaseprofiles.tables import ReleaseProfileRow
from reelarr.releaseprofiles.terms import BadTerm, compile_term

ExistingTags = Callable[[Collection[int]], Awaitable[set[int]]]
IndexerExists = Callable[[int], Awaitable[bool]]
MAX_ID = 2**31 - 1
MAX_TERMS = 1000
MAX_TERM_LENGTH = 1000
MAX_NAME_LENGTH = 200


def _to_profile(row: ReleaseProfileRow) -> ReleaseProfile:
    return ReleaseProfile(
        id=row.id,
        name=row.name,
        enabled=row.enabled,
        required=tuple(row.required),
        ignored=tuple(row.ignored),
        indexer_id=row.indexer_id,
        tags=frozenset(row.tags),
    )


def _write(row: ReleaseProfileRow, profile: ReleaseProfile) -> None:
    row.name = profile.name
    row.enabled = profile.enabled
    row.required = list(profile.required)
    row.ignored = list(profile.ignored)
    row.indexer_id = profile.indexer_id
    row.tags = sorted(profile.tags)


def _unstorable(text: str) -> bool:
    # PostgreSQL cannot store NUL or lone surrogates, and no release title holds control characters.
    return any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _term_failures(terms: Sequence[str], field: str, label: str) -> list[ValidationFailure]:
    if len(terms) > MAX_TERMS:
        return [ValidationFailure(field, f"'{label}' may hold at most {MAX_TERMS} terms", len(terms))]
    failures = []
    if any(not t.strip() for t in terms):
        failures.append(
            ValidationFailure(field, f"'{label}' should not contain whitespaces or an empty string")
        )
    for index, term in enumerate(terms):
        where = f"{field}[{index}]"
        if len(term) > MAX_TERM_LENGTH:
            message = f"A term may be at most {MAX_TERM_LENGTH} characters long"
            failures.append(ValidationFailure(where, message, term[:50]))
        elif _unstorable(term):
            failures.append(ValidationFailure(where, "A term must not contain control characters", term))
        else:
            try:
                compile_term(term)
            except BadTerm as error:
                failures.append(ValidationFailure(where, str(error), term))
    return failures


def profile_failures(profile: ReleaseProfile) -> list[ValidationFailure]:
    """Radarr's rules for a release profile, plus what the database and the matcher need."""
    failures = []
    if not profile.required and not profile.ignored:
        failures.append(ValidationFailure("required", "'Must contain' or 'Must not contain' is required"))
    failures += _term_failures(profile.required, "required", "Must contain")
    failures += _term_failures(profile.ignored, "ignored", "Must not contain")
    name = profile.name or ""
    if len(name) > MAX_NAME_LENGTH or _unstorable(name):
        message = f"'Name' must be at most {MAX_NAME_LENGTH} characters without control characters"
        failures.append(ValidationFailure("name", message, name[:50]))
    if not 0 <= profile.indexer_id <= MAX_ID:
        failures.append(ValidationFailure("indexerId", "Indexer does not exist", profile.indexer_id))
    return failures


class ReleaseProfileService:
    """Keeps the release profiles."""

    def __init__(
        self, db: Database, bus: EventBus, existing_tags: ExistingTags, indexer_exists: IndexerExists
    ) -> None:
        self._db = db
        self._bus = bus
        self._existing_tags = existing_tags
        self._indexer_exists = indexer_exists

    async def all(self) -> list[ReleaseProfile]:
        """Every profile, oldest first."""
        async with self._db.read() as session:
            rows = await session.scalars(select(ReleaseProfileRow).order_by(ReleaseProfileRow.id))
            return [_to_profile(r) for r in rows]

    async def get(self, profile_id: int) -> ReleaseProfile:
        """One profile; NotFound when there is none with this id."""
        row = None
        if 0 < profile_id <= MAX_ID:
            async with self._db.read() as session:
                row = await session.get(ReleaseProfileRow, profile_id)
        if row is None:
            raise NotFound(f"ReleaseProfile with ID {profile_id} does not exist")
        return _to_profile(row)

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """Ids of the profiles carrying a tag (for the tag details)."""
        return [p.id for p in await self.all() if tag_id in p.tags]

    async def add(self, profile: ReleaseProfile) -> ReleaseProfile:
        """Add a profile."""
        await self._validate(profile)
        async with self._db.write() as session:
            row = ReleaseProfileRow()
            _write(row, profile)
            session.add(row)
            await session.flush()
            added = _to_profile(row)
        await self._bus.publish(ReleaseProfilesChanged())
        return added

    async def update(self, profile: ReleaseProfile) -> ReleaseProfile:
        """Change a profile."""
        await self.get(profile.id)
        await self._validate(profile)
        async with self._db.write() as session:
            row = await session.get(ReleaseProfileRow, profile.id)
            if row is None:
                raise NotFound(f"ReleaseProfile with ID {profile.id} does not exist")
            _write(row, profile)
            updated = _to_profile(row)
        await self._bus.publish(ReleaseProfilesChanged())
        return updated

    async def delete(self, profile_id: int) -> None:
        """Remove a profile."""
        await self.get(profile_id)
        async with self._db.write() as session:
            row = await session.get(ReleaseProfileRow, profile_id)
            if row is not None:
                await session.delete(row)
        await self._bus.publish(ReleaseProfilesChanged())

    async def _validate(self, profile: ReleaseProfile) -> None:
        failures = profile_failures(profile)
        unknown = sorted(set(profile.tags) - await self._existing_tags(profile.tags))
        if unknown:
            message = f"Tags do not exist: {', '.join(map(str, unknown))}"
            failures.append(ValidationFailure("tags", message, unknown))
        indexer_ok = 0 <= profile.indexer_id <= MAX_ID
        if (
            profile.enabled
            and profile.indexer_id
            and indexer_ok
            and not await self._indexer_exists(profile.indexer_id)
        ):
            failures.append(ValidationFailure("indexerId", "Indexer does not exist", profile.indexer_id))
        if failures:
            raise ValidationFailed(failures)
