"""Keeps the blocklist and reads it back: paged, per film, and for the films a decision is about."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, delete, insert, select

from reelarr.blocklist.model import BlocklistEntry, NewBlocklistEntry
from reelarr.blocklist.tables import BlocklistRow
from reelarr.db.engine import Database
from reelarr.db.paging import Page, PageRequest, SortDirection, fetch_page
from reelarr.errors import NotFound
from reelarr.languages import language_by_id
from reelarr.movies.repository import quality_from_json, quality_to_json
from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import IndexerFlags

SORT_COLUMNS = {
    "date": BlocklistRow.date,
    "id": BlocklistRow.id,
    "sourceTitle": BlocklistRow.source_title,
    "movieId": BlocklistRow.movie_id,
    "protocol": BlocklistRow.protocol,
    "indexer": BlocklistRow.indexer,
    "message": BlocklistRow.message,
}
_PROTOCOLS = list(DownloadProtocol)  # Radarr's numbers are the positions


def protocol_number(protocol: DownloadProtocol) -> int:
    """Radarr's number of a protocol (unknown 0, usenet 1, torrent 2)."""
    return _PROTOCOLS.index(protocol)


def _entry(row: BlocklistRow) -> BlocklistEntry:
    return BlocklistEntry(
        id=row.id,
        movie_id=row.movie_id,
        source_title=row.source_title,
        quality=quality_from_json(row.quality),
        date=row.date,
        protocol=_PROTOCOLS[row.protocol]
        if 0 <= row.protocol < len(_PROTOCOLS)
        else DownloadProtocol.UNKNOWN,
        published_date=row.published_date,
        size=row.size,
        indexer=row.indexer,
        indexer_flags=IndexerFlags(row.indexer_flags),
        message=row.message,
        torrent_info_hash=row.torrent_info_hash,
        download_id=row.download_id,
        languages=tuple(lang for lang in (language_by_id(i) for i in row.languages) if lang is not None),
        custom_formats=tuple(row.custom_formats),
    )


def _values(new: NewBlocklistEntry) -> dict[str, Any]:
    return {
        "movie_id": new.movie_id,
        "source_title": new.source_title,
        "quality": quality_to_json(new.quality),
        "languages": [lang.id for lang in new.languages],
        "custom_formats": list(new.custom_formats),
        "date": new.date,
        "published_date": new.published_date,
        "size": new.size,
        "protocol": protocol_number(new.protocol),
        "indexer": new.indexer,
        "indexer_flags": int(new.indexer_flags),
        "message": new.message,
        "torrent_info_hash": new.torrent_info_hash,
        "download_id": new.download_id,
    }


def _filtered(
    query: Select[Any], *, movie_ids: Collection[int] = (), protocols: Collection[DownloadProtocol] = ()
) -> Select[Any]:
    if movie_ids:
        query = query.where(BlocklistRow.movie_id.in_(list(movie_ids)))
    if protocols:
        query = query.where(BlocklistRow.protocol.in_([protocol_number(p) for p in protocols]))
    return query


class BlocklistService:
    """The releases kept from being grabbed again, newest first."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, new: NewBlocklistEntry) -> BlocklistEntry:
        """Blocklist one release; the entry with its id."""
        async with self._db.write() as session:
            result = await session.execute(
                insert(BlocklistRow).values(_values(new)).returning(BlocklistRow.id)
            )
            new_id = int(result.scalar_one())
        return BlocklistEntry(
            **{f: getattr(new, f) for f in NewBlocklistEntry.__dataclass_fields__}, id=new_id
        )

    async def add_many(self, news: Sequence[NewBlocklistEntry]) -> int:
        """Blocklist several releases in one transaction; how many."""
        if news:
            async with self._db.write() as session:
                await session.execute(insert(BlocklistRow), [_values(new) for new in news])
        return len(news)

    async def paged(
        self,
        request: PageRequest,
        *,
        movie_ids: Collection[int] = (),
        protocols: Collection[DownloadProtocol] = (),
    ) -> Page[BlocklistEntry]:
        """One page of the blocklist, newest first unless asked otherwise."""
        query = _filtered(select(BlocklistRow), movie_ids=movie_ids, protocols=protocols)
        async with self._db.read() as session:
            page = await fetch_page(
                session,
                query,
                request,
                SORT_COLUMNS,
                default_key="date",
                default_direction=SortDirection.DESCENDING,
                tiebreaker=BlocklistRow.id,
            )
        return page.map(_entry)

    async def for_movie(self, movie_id: int) -> list[BlocklistEntry]:
        """A film's blocklisted releases, newest first."""
        return await self._list(
            select(BlocklistRow)
            .where(BlocklistRow.movie_id == movie_id)
            .order_by(BlocklistRow.date.desc(), BlocklistRow.id.desc())
        )

    async def for_movies(self, movie_ids: Collection[int]) -> dict[int, tuple[BlocklistEntry, ...]]:
        """The blocklisted releases of these films, by film (films with none are left out)."""
        if not movie_ids:
            return {}
        wanted = set(movie_ids)
        found: dict[int, list[BlocklistEntry]] = {}
        # The blocklist is small beside a library: read it whole rather than send thousands of ids.
        for entry in await self._list(select(BlocklistRow).order_by(BlocklistRow.id)):
            if entry.movie_id in wanted:
                found.setdefault(entry.movie_id, []).append(entry)
        return {movie_id: tuple(entries) for movie_id, entries in found.items()}

    async def delete(self, entry_id: int) -> None:
        """Take one release off the blocklist; NotFound when there is no such entry."""
        async with self._db.write() as session:
            result = await session.execute(
                delete(BlocklistRow).where(BlocklistRow.id == entry_id).returning(BlocklistRow.id)
            )
            if result.scalar_one_or_none() is None:
                raise NotFound(f"Blocklist item with ID {entry_id} does not exist")

    async def delete_many(self, entry_ids: Collection[int]) -> int:
        """Take these releases off the blocklist (unknown ids are passed over); how many went."""
        if not entry_ids:
            return 0
        async with self._db.write() as session:
            result = await session.execute(
                delete(BlocklistRow).where(BlocklistRow.id.in_(list(entry_ids))).returning(BlocklistRow.id)
            )
            return len(result.scalars().all())

    async def clear(self) -> int:
        """Empty the blocklist (Radarr's ClearBlocklist); how many entries went."""
        async with self._db.write() as session:
            result = await session.execute(delete(BlocklistRow).returning(BlocklistRow.id))
            return len(result.scalars().all())

    async def _list(self, query: Select[Any]) -> list[BlocklistEntry]:
        async with self._db.read() as session:
            rows: Sequence[BlocklistRow] = (await session.scalars(query)).all()
        return [_entry(row) for row in rows]
