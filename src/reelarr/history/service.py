"""Records history and reads it back: paged, per film, since a date, and by download."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, cast, func, insert, or_, select

from reelarr.db.engine import Database
from reelarr.db.paging import Page, PageRequest, SortDirection, fetch_page
from reelarr.errors import NotFound
from reelarr.history.model import HistoryEntry, HistoryEventType, NewHistory
from reelarr.history.tables import HistoryRow
from reelarr.languages import language_by_id
from reelarr.movies.repository import quality_from_json, quality_to_json
from reelarr.movies.tables import MovieRow

SORT_COLUMNS = {
    "date": HistoryRow.date,
    "id": HistoryRow.id,
    "sourceTitle": HistoryRow.source_title,
    "eventType": HistoryRow.event_type,
    "movieId": HistoryRow.movie_id,
    "movieMetadata.sortTitle": MovieRow.sort_title,  # the Movie column, as Radarr's UI sorts it
}


def _entry(row: HistoryRow) -> HistoryEntry:
    languages = tuple(lang for lang in (language_by_id(i) for i in row.languages) if lang is not None)
    return HistoryEntry(
        id=row.id,
        movie_id=row.movie_id,
        event_type=HistoryEventType(row.event_type)
        if row.event_type in HistoryEventType._value2member_map_
        else HistoryEventType.UNKNOWN,
        source_title=row.source_title,
        quality=quality_from_json(row.quality),
        date=row.date,
        languages=languages,
        download_id=row.download_id,
        custom_formats=tuple(row.custom_formats),
        data=dict(row.data),
    )


def _values(new: NewHistory) -> dict[str, Any]:
    return {
        "movie_id": new.movie_id,
        "event_type": int(new.event_type),
        "date": new.date,
        "source_title": new.source_title,
        "quality": quality_to_json(new.quality),
        "languages": [lang.id for lang in new.languages],
        "download_id": new.download_id,
        "custom_formats": list(new.custom_formats),
        "data": {k: v for k, v in new.data.items() if v is not None},
    }


def _filtered(
    query: Select[Any],
    *,
    event_types: Collection[HistoryEventType] = (),
    movie_ids: Collection[int] = (),
    download_id: str | None = None,
    languages: Collection[int] = (),
    qualities: Collection[int] = (),
) -> Select[Any]:
    if languages:
        query = query.where(or_(*(_has_language(language) for language in languages)))
    if qualities:
        query = query.where(HistoryRow.quality["quality"].as_integer().in_(list(qualities)))
    if event_types:
        query = query.where(HistoryRow.event_type.in_([int(t) for t in event_types]))
    if movie_ids:
        query = query.where(HistoryRow.movie_id.in_(list(movie_ids)))
    if download_id is not None:
        query = query.where(HistoryRow.download_id == download_id)
    return query


def _has_language(language: int) -> ColumnElement[bool]:
    """Whether an entry's languages (a JSON list of ids) hold one: matched on the list's text without
    spaces, which SQLite keeps as it was written and PostgreSQL spells "[1, 2]"."""
    text = func.replace(cast(HistoryRow.languages, Text), " ", "")
    return or_(
        text == f"[{language}]",
        text.like(f"[{language},%"),
        text.like(f"%,{language},%"),
        text.like(f"%,{language}]"),
    )


class HistoryService:
    """The history of every film, newest first."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, new: NewHistory) -> HistoryEntry:
        """Keep one event; the entry with its id."""
        async with self._db.write() as session:
            result = await session.execute(insert(HistoryRow).values(_values(new)).returning(HistoryRow.id))
            new_id = int(result.scalar_one())
        return HistoryEntry(**{f: getattr(new, f) for f in NewHistory.__dataclass_fields__}, id=new_id)

    async def record_many(self, news: Sequence[NewHistory]) -> int:
        """Keep several events in one transaction; how many."""
        if news:
            async with self._db.write() as session:
                await session.execute(insert(HistoryRow), [_values(new) for new in news])
        return len(news)

    async def get(self, entry_id: int) -> HistoryEntry:
        """One event by id; NotFound when there is none."""
        async with self._db.read() as session:
            row = await session.get(HistoryRow, entry_id)
            if row is None:
                raise NotFound(f"History item with ID {entry_id} does not exist")
            return _entry(row)

    async def paged(
        self,
        request: PageRequest,
        *,
        event_types: Collection[HistoryEventType] = (),
        movie_ids: Collection[int] = (),
        download_id: str | None = None,
        languages: Collection[int] = (),
        qualities: Collection[int] = (),
    ) -> Page[HistoryEntry]:
        """One page of events, newest first unless asked otherwise; `languages` keeps the events in any
        of them, `qualities` those of these quality ids (Radarr's filters of its History page)."""
        query = select(HistoryRow)
        if (request.sort_key or "").lower() == "moviemetadata.sorttitle":
            query = query.join(MovieRow, MovieRow.id == HistoryRow.movie_id)
        query = _filtered(
            query,
            event_types=event_types,
            movie_ids=movie_ids,
            download_id=download_id,
            languages=languages,
            qualities=qualities,
        )
        async with self._db.read() as session:
            page = await fetch_page(
                session,
                query,
                request,
                SORT_COLUMNS,
                default_key="date",
                default_direction=SortDirection.DESCENDING,
                tiebreaker=HistoryRow.id,
            )
        return page.map(_entry)

    async def for_movie(
        self, movie_id: int, event_types: Collection[HistoryEventType] = ()
    ) -> list[HistoryEntry]:
        """A film's events, newest first."""
        query = _filtered(select(HistoryRow), event_types=event_types, movie_ids=[movie_id])
        return await self._list(query.order_by(HistoryRow.date.desc(), HistoryRow.id.desc()))

    async def since(
        self, date: datetime, event_types: Collection[HistoryEventType] = ()
    ) -> list[HistoryEntry]:
        """Every event from `date` on, oldest first (Radarr's order for /history/since)."""
        query = _filtered(select(HistoryRow), event_types=event_types).where(HistoryRow.date >= date)
        return await self._list(query.order_by(HistoryRow.date.asc(), HistoryRow.id.asc()))

    async def for_downloads(self, download_ids: Collection[str]) -> list[HistoryEntry]:
        """The events of these downloads, oldest first."""
        if not download_ids:
            return []
        query = select(HistoryRow).where(HistoryRow.download_id.in_(list(download_ids)))
        return await self._list(query.order_by(HistoryRow.date.asc(), HistoryRow.id.asc()))

    async def recent_grabs(self, since: datetime) -> list[HistoryEntry]:
        """Grabs from `since` on, oldest first."""
        query = _filtered(select(HistoryRow), event_types=[HistoryEventType.GRABBED])
        return await self._list(
            query.where(HistoryRow.date >= since).order_by(HistoryRow.date.asc(), HistoryRow.id.asc())
        )

    async def latest_since(self, since: datetime) -> dict[int, HistoryEntry]:
        """Each film's most recent event, for films with an event from `since` on."""
        query = select(HistoryRow).where(HistoryRow.date >= since)
        latest: dict[int, HistoryEntry] = {}
        for entry in await self._list(query.order_by(HistoryRow.date.asc(), HistoryRow.id.asc())):
            latest[entry.movie_id] = entry
        return latest

    async def _list(self, query: Select[Any]) -> list[HistoryEntry]:
        async with self._db.read() as session:
            rows: Sequence[HistoryRow] = (await session.scalars(query)).all()
        return [_entry(row) for row in rows]
