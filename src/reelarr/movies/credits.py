"""The cast and crew of library movies, kept from TMDB's credits on every add and refresh."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.errors import NotFound
from reelarr.metadata.models import MovieMetadata
from reelarr.movies.tables import CreditRow


class CreditType(StrEnum):
    """In front of the camera or behind it."""

    CAST = "cast"
    CREW = "crew"


@dataclass(frozen=True, slots=True)
class Credit:
    """One person's part in one movie."""

    id: int
    movie_id: int
    credit_tmdb_id: str
    person_tmdb_id: int
    person_name: str
    type: CreditType
    order: int
    character: str | None = None
    department: str | None = None
    job: str | None = None
    image: str | None = None  # the headshot's TMDB URL


def credit_values(movie_id: int, metadata: MovieMetadata) -> list[dict[str, Any]]:
    """The credit rows of a film's metadata: the cast in billing order, then the crew as listed."""
    cast = [
        {
            "movie_id": movie_id,
            "credit_tmdb_id": member.credit_id,
            "person_tmdb_id": member.tmdb_person_id,
            "person_name": member.name,
            "type": CreditType.CAST.value,
            "order": member.order,
            "character": member.character,
            "department": None,
            "job": None,
            "image": member.image,
        }
        for member in metadata.cast
    ]
    crew = [
        {
            "movie_id": movie_id,
            "credit_tmdb_id": member.credit_id,
            "person_tmdb_id": member.tmdb_person_id,
            "person_name": member.name,
            "type": CreditType.CREW.value,
            # TMDB gives crew no billing order; their place in its list keeps them stable.
            "order": position,
            "character": None,
            "department": member.department,
            "job": member.job,
            "image": member.image,
        }
        for position, member in enumerate(metadata.crew)
    ]
    return cast + crew


async def replace_credits(session: AsyncSession, movie_id: int, metadata: MovieMetadata) -> None:
    """Make a movie's stored credits those of its metadata, inside the caller's write.

    A credit TMDB still lists keeps its id (clients link to it), changed ones are updated, new
    ones inserted and the ones TMDB dropped deleted.
    """
    stored = await session.execute(select(CreditRow.__table__).where(CreditRow.movie_id == movie_id))
    existing = {_key(old): old for old in (row._asdict() for row in stored)}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for values in credit_values(movie_id, metadata):
        old = existing.pop(_key(values), None)
        if old is None:
            inserts.append(values)
        elif any(old[name] != value for name, value in values.items()):
            updates.append({**values, "id": old["id"]})
    if existing:
        gone = [old["id"] for old in existing.values()]
        await session.execute(delete(CreditRow).where(CreditRow.id.in_(gone)))
    # Executemany statements: hundreds of crew rows a film, thousands in a library import.
    if updates:
        await session.execute(update(CreditRow), updates)
    if inserts:
        await session.execute(insert(CreditRow), inserts)


async def insert_credits(session: AsyncSession, films: Iterable[tuple[int, MovieMetadata]]) -> None:
    """Store the credits of films just added (none stored yet), in one statement for them all."""
    rows = [values for movie_id, metadata in films for values in credit_values(movie_id, metadata)]
    if rows:
        await session.execute(insert(CreditRow), rows)


def _key(values: dict[str, Any]) -> tuple[Any, ...]:
    """What names a credit across refreshes: TMDB's credit id, or the part when it has none."""
    if values["credit_tmdb_id"]:
        return (values["credit_tmdb_id"],)
    return (values["type"], values["person_tmdb_id"], values["character"], values["job"], values["order"])


_LISTING_ORDER = (
    CreditRow.movie_id,
    case((CreditRow.type == CreditType.CAST.value, 0), else_=1),
    CreditRow.order,
    CreditRow.id,
)


class CreditService:
    """Reads the stored credits."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def for_movie(self, movie_id: int) -> list[Credit]:
        """A movie's cast in billing order, then its crew."""
        stmt = select(CreditRow).where(CreditRow.movie_id == movie_id).order_by(*_LISTING_ORDER)
        async with self._db.read() as session:
            return [_credit(row) for row in await session.scalars(stmt)]

    async def get(self, credit_id: int) -> Credit:
        """One credit by its id."""
        async with self._db.read() as session:
            row = await session.get(CreditRow, credit_id)
            if row is None:
                raise NotFound(f"Credit with ID {credit_id} does not exist")
            return _credit(row)


def _credit(row: CreditRow) -> Credit:
    return Credit(
        id=row.id,
        movie_id=row.movie_id,
        credit_tmdb_id=row.credit_tmdb_id,
        person_tmdb_id=row.person_tmdb_id,
        person_name=row.person_name,
        type=CreditType(row.type),
        order=row.order,
        character=row.character,
        department=row.department,
        job=row.job,
        image=row.image,
    )
