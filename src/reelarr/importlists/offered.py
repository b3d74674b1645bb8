"""The films the lists offer (Radarr's ImportListMovieService), each list's set replaced at a good fetch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select

from reelarr.db.engine import Database
from reelarr.importlists.model import OfferedMovie
from reelarr.importlists.tables import ImportListMovieRow


def _offered(row: ImportListMovieRow) -> OfferedMovie:
    return OfferedMovie(row.list_id, row.tmdb_id, row.title, row.year, row.imdb_id)


class OfferedMovies:
    """Reads and replaces what each list offers."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def replace(self, list_id: int, movies: Sequence[OfferedMovie]) -> None:
        """Make these the list's films (one per TMDB id), in one transaction."""
        unique = {m.tmdb_id: m for m in movies if m.tmdb_id > 0}
        async with self._db.write() as session:
            await self._db.serialize(session, f"import-list-movies:{list_id}")
            await session.execute(delete(ImportListMovieRow).where(ImportListMovieRow.list_id == list_id))
            session.add_all(
                ImportListMovieRow(
                    list_id=list_id,
                    tmdb_id=m.tmdb_id,
                    imdb_id=(m.imdb_id or None) and m.imdb_id[:20],
                    title=m.title[:500],
                    year=m.year,
                )
                for m in unique.values()
            )

    async def of_lists(self, list_ids: Iterable[int]) -> list[OfferedMovie]:
        """The films these lists offer, by list then TMDB id."""
        wanted = sorted(set(list_ids))
        if not wanted:
            return []
        async with self._db.read() as session:
            rows = await session.scalars(
                select(ImportListMovieRow)
                .where(ImportListMovieRow.list_id.in_(wanted))
                .order_by(ImportListMovieRow.list_id, ImportListMovieRow.tmdb_id)
            )
            return [_offered(row) for row in rows]
