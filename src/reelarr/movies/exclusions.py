"""Import exclusions: films that import lists and library imports must not add again."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.db.paging import Page, PageRequest, SortColumn, SortDirection, fetch_page
from reelarr.errors import Conflict, NotFound, ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, shared
from reelarr.movies.tables import ImportExclusionRow

ALREADY_ADDED = "This exclusion has already been added."
MAX_TITLE_LENGTH = 500
_MAX_INT = 2**31 - 1
_CHUNK = 1000
# A bulk add collides only with adds of the same films at the same moment; a few rounds settle it.
_ADD_ATTEMPTS = 5
# Radarr's sort keys for /exclusions/paged; titles sort ignoring case on both databases.
SORT_COLUMNS: dict[str, SortColumn] = {
    "id": ImportExclusionRow.id,
    "tmdbId": ImportExclusionRow.tmdb_id,
    "movieTitle": func.lower(ImportExclusionRow.movie_title),
    "movieYear": ImportExclusionRow.movie_year,
}


@shared("exclusion.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ExclusionsChanged(Event):
    """Exclusions were added, changed or removed."""


@dataclass(frozen=True, slots=True)
class Exclusion:
    """An excluded film: its TMDB id, with the title and year shown to the user."""

    id: int
    tmdb_id: int
    movie_title: str
    movie_year: int


@dataclass(frozen=True, slots=True)
class NewExclusion:
    """A film to exclude, as a client describes it."""

    tmdb_id: int
    movie_title: str = ""
    movie_year: int = 0


def _to_exclusion(row: ImportExclusionRow) -> Exclusion:
    return Exclusion(row.id, row.tmdb_id, row.movie_title, row.movie_year)


def _not_found(exclusion_id: int) -> NotFound:
    return NotFound(f"ImportListExclusion with ID {exclusion_id} does not exist")


async def _tmdb_taken(session: AsyncSession, tmdb_id: int, other_than: int | None) -> bool:
    query = select(ImportExclusionRow.id).where(ImportExclusionRow.tmdb_id == tmdb_id)
    if other_than is not None:
        query = query.where(ImportExclusionRow.id != other_than)
    return await session.scalar(query.limit(1)) is not None


def _tmdb_failures(tmdb_id: int, prefix: str) -> list[ValidationFailure]:
    if tmdb_id <= 0:
        return [ValidationFailure(f"{prefix}tmdbId", "'Tmdb Id' must be greater than '0'.", tmdb_id)]
    if tmdb_id > _MAX_INT:
        message = f"'Tmdb Id' must be less than or equal to '{_MAX_INT}'."
        return [ValidationFailure(f"{prefix}tmdbId", message, tmdb_id)]
    return []


def exclusion_failures(
    new: NewExclusion, *, strict: bool = True, prefix: str = ""
) -> list[ValidationFailure]:
    """What is wrong with an exclusion; `strict` adds Radarr's single-add rules (a title, a year)."""
    failures = _tmdb_failures(new.tmdb_id, prefix)
    if strict and not new.movie_title.strip():
        failures.append(ValidationFailure(f"{prefix}movieTitle", "'Movie Title' must not be empty."))
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in new.movie_title):
        # PostgreSQL cannot store NUL or lone surrogates, and no film title holds control characters.
        message = "'Movie Title' must not contain control characters or lone surrogates."
        failures.append(ValidationFailure(f"{prefix}movieTitle", message))
    if len(new.movie_title) > MAX_TITLE_LENGTH:
        message = (
            f"The length of 'Movie Title' must be {MAX_TITLE_LENGTH} characters or fewer. "
            f"You entered {len(new.movie_title)} characters."
        )
        failures.append(ValidationFailure(f"{prefix}movieTitle", message))
    if strict and new.movie_year <= 0:
        failures.append(
            ValidationFailure(f"{prefix}movieYear", "'Movie Year' must be greater than '0'.", new.movie_year)
        )
    elif new.movie_year < 0:
        message = "'Movie Year' must be greater than or equal to '0'."
        failures.append(ValidationFailure(f"{prefix}movieYear", message, new.movie_year))
    elif new.movie_year > _MAX_INT:
        message = f"'Movie Year' must be less than or equal to '{_MAX_INT}'."
        failures.append(ValidationFailure(f"{prefix}movieYear", message, new.movie_year))
    return failures


class ExclusionService:
    """Lists, adds, changes and removes import exclusions; answers whether a film is excluded."""

    def __init__(self, db: Database, bus: EventBus) -> None:
        self._db = db
        self._bus = bus

    async def all(self) -> list[Exclusion]:
        """Every exclusion, oldest first."""
        async with self._db.read() as session:
            rows = await session.scalars(select(ImportExclusionRow).order_by(ImportExclusionRow.id))
            return [_to_exclusion(r) for r in rows]

    async def paged(self, request: PageRequest) -> Page[Exclusion]:
        """One page of exclusions, newest first unless asked otherwise."""
        async with self._db.read() as session:
            page = await fetch_page(
                session,
                select(ImportExclusionRow),
                request,
                SORT_COLUMNS,
                default_key="id",
                default_direction=SortDirection.DESCENDING,
                tiebreaker=ImportExclusionRow.id,
            )
        return page.map(_to_exclusion)

    async def get(self, exclusion_id: int) -> Exclusion:
        """One exclusion; NotFound when there is none with this id."""
        if not 0 < exclusion_id <= _MAX_INT:
            raise _not_found(exclusion_id)
        async with self._db.read() as session:
            row = await session.get(ImportExclusionRow, exclusion_id)
        if row is None:
            raise _not_found(exclusion_id)
        return _to_exclusion(row)

    async def add(self, new: NewExclusion) -> Exclusion:
        """Exclude a film; one already excluded is a ValidationFailed on tmdbId."""
        failures = exclusion_failures(new)
        if failures:
            raise ValidationFailed(failures)
        duplicate = ValidationFailed.single("tmdbId", ALREADY_ADDED, new.tmdb_id)
        try:
            async with self._db.write() as session:
                if await _tmdb_taken(session, new.tmdb_id, None):
                    raise duplicate
                row = ImportExclusionRow(
                    tmdb_id=new.tmdb_id, movie_title=new.movie_title, movie_year=new.movie_year
                )
                session.add(row)
                await session.flush()
                added = _to_exclusion(row)
        except IntegrityError as error:
            raise duplicate from error
        await self._bus.publish(ExclusionsChanged())
        return added

    async def add_many(self, new: Sequence[NewExclusion]) -> list[Exclusion]:
        """Exclude several films at once, skipping those already excluded; returns each film's exclusion."""
        failures = [
            f for i, n in enumerate(new) for f in exclusion_failures(n, strict=False, prefix=f"[{i}].")
        ]
        if failures:
            raise ValidationFailed(failures)
        first: dict[int, NewExclusion] = {}
        for n in new:
            first.setdefault(n.tmdb_id, n)
        wanted = list(first.values())
        for _ in range(_ADD_ATTEMPTS):
            try:
                added = await self._insert_missing(wanted)
            except IntegrityError:
                # Someone added some of these films meanwhile: the next round skips them.
                continue
            if added:
                await self._bus.publish(ExclusionsChanged())
            by_tmdb = await self._by_tmdb_ids([n.tmdb_id for n in wanted])
            return [by_tmdb[n.tmdb_id] for n in wanted if n.tmdb_id in by_tmdb]
        raise Conflict("Exclusions were changed by someone else while they were being added; try again")

    async def update(self, exclusion: Exclusion) -> Exclusion:
        """Change an exclusion; moving it onto a film another exclusion has is refused."""
        if not 0 < exclusion.id <= _MAX_INT:
            raise _not_found(exclusion.id)
        new = NewExclusion(exclusion.tmdb_id, exclusion.movie_title, exclusion.movie_year)
        failures = exclusion_failures(new)
        if failures:
            raise ValidationFailed(failures)
        duplicate = ValidationFailed.single("tmdbId", ALREADY_ADDED, exclusion.tmdb_id)
        try:
            async with self._db.write() as session:
                row = await session.get(ImportExclusionRow, exclusion.id)
                if row is None:
                    raise _not_found(exclusion.id)
                if await _tmdb_taken(session, exclusion.tmdb_id, exclusion.id):
                    raise duplicate
                row.tmdb_id = exclusion.tmdb_id
                row.movie_title = exclusion.movie_title
                row.movie_year = exclusion.movie_year
                await session.flush()
        except IntegrityError as error:
            raise duplicate from error
        await self._bus.publish(ExclusionsChanged())
        return exclusion

    async def delete(self, exclusion_id: int) -> None:
        """Remove one exclusion; NotFound when there is none with this id."""
        if not 0 < exclusion_id <= _MAX_INT:
            raise _not_found(exclusion_id)
        async with self._db.write() as session:
            row = await session.get(ImportExclusionRow, exclusion_id)
            if row is None:
                raise _not_found(exclusion_id)
            await session.delete(row)
        await self._bus.publish(ExclusionsChanged())

    async def delete_many(self, exclusion_ids: Iterable[int]) -> None:
        """Remove the exclusions with these ids; ids that are not exclusions are ignored."""
        ids = sorted({i for i in exclusion_ids if 0 < i <= _MAX_INT})
        if not ids:
            return
        async with self._db.write() as session:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                await session.execute(delete(ImportExclusionRow).where(ImportExclusionRow.id.in_(chunk)))
        await self._bus.publish(ExclusionsChanged())

    async def is_excluded(self, tmdb_id: int) -> bool:
        """Whether a film is excluded."""
        if not 0 < tmdb_id <= _MAX_INT:
            return False
        async with self._db.read() as session:
            return await _tmdb_taken(session, tmdb_id, None)

    async def excluded_ids(self) -> set[int]:
        """The TMDB ids of every excluded film."""
        async with self._db.read() as session:
            return set(await session.scalars(select(ImportExclusionRow.tmdb_id)))

    async def _by_tmdb_ids(self, tmdb_ids: list[int]) -> dict[int, Exclusion]:
        found: dict[int, Exclusion] = {}
        async with self._db.read() as session:
            for start in range(0, len(tmdb_ids), _CHUNK):
                chunk = tmdb_ids[start : start + _CHUNK]
                rows = await session.scalars(
                    select(ImportExclusionRow).where(ImportExclusionRow.tmdb_id.in_(chunk))
                )
                found.update((r.tmdb_id, _to_exclusion(r)) for r in rows)
        return found

    async def _insert_missing(self, wanted: list[NewExclusion]) -> int:
        async with self._db.write() as session:
            existing: set[int] = set()
            ids = [n.tmdb_id for n in wanted]
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                existing.update(
                    await session.scalars(
                        select(ImportExclusionRow.tmdb_id).where(ImportExclusionRow.tmdb_id.in_(chunk))
                    )
                )
            missing = [n for n in wanted if n.tmdb_id not in existing]
            session.add_all(
                ImportExclusionRow(tmdb_id=n.tmdb_id, movie_title=n.movie_title, movie_year=n.movie_year)
                for n in missing
            )
            await session.flush()
            return len(missing)
