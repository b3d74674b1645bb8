"""Wanted films, as Radarr's Wanted pages list them: missing (no file) and cutoff unmet (a file the
profile would still upgrade), a sorted page at a time.

Missing is one query. Cutoff unmet by quality is a query too (each profile's qualities below its
cutoff), as Radarr's is. Reelarr also lists a file below its profile's custom-format cutoff score when
the profile allows upgrades (Radarr's searches would upgrade it, its Wanted page does not show it):
those files are matched in Python, only for profiles whose formats score anything and only files that
reach the quality cutoff, reading no more of them than the formats need.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, false, literal, or_, select

from reelarr.customformats.service import CustomFormatService
from reelarr.db.engine import Database
from reelarr.db.paging import Page, PageRequest, SortColumn, SortDirection, fetch_page
from reelarr.languages import lang, language_by_id
from reelarr.memory import collector_paused
from reelarr.movies.file_formats import file_format_input_of
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.repository import MovieFileValues, json_as_text, to_movie_file
from reelarr.movies.service import MovieService
from reelarr.movies.tables import MovieFileRow, MovieRow
from reelarr.quality.catalogue import ALL_QUALITIES
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import cutoff_met
from reelarr.quality.service import QualityService

WantedPage = Page[tuple[Movie, MovieFile | None]]

# Radarr's UI sorts by the `movieMetadata.` names; the plain ones are accepted as well.
SORT_COLUMNS: dict[str, SortColumn] = {
    "movieMetadata.sortTitle": MovieRow.sort_title,
    "title": MovieRow.sort_title,
    "sortTitle": MovieRow.sort_title,
    "movieMetadata.year": MovieRow.year,
    "year": MovieRow.year,
    "movieMetadata.inCinemas": MovieRow.in_cinemas,
    "inCinemas": MovieRow.in_cinemas,
    "movieMetadata.digitalRelease": MovieRow.digital_release,
    "digitalRelease": MovieRow.digital_release,
    "movieMetadata.physicalRelease": MovieRow.physical_release,
    "physicalRelease": MovieRow.physical_release,
    "movieMetadata.runtime": MovieRow.runtime,
    "runtime": MovieRow.runtime,
    "added": MovieRow.added,
    "movies.added": MovieRow.added,
    "lastSearchTime": MovieRow.last_search_time,
    "movies.lastSearchTime": MovieRow.last_search_time,
    "id": MovieRow.id,
}
DEFAULT_SORT_KEY = "movieMetadata.sortTitle"
# A file's columns as to_movie_file reads them, but its media info, which no format reads (and which is
# most of a row).
_FILE_COLUMNS = [
    literal(None).label(c.name) if c.name == "media_info" else c for c in json_as_text(MovieFileRow.__table__)
]
_QUALITY_ID = MovieFileRow.quality["quality"].as_integer()


def _cutoff_index(profile: QualityProfile) -> int:
    cutoff = profile.cutoff if profile.upgrade_allowed else profile.first_allowed_quality().id
    return profile.index_of(cutoff)


def qualities_meeting_cutoff(profile: QualityProfile) -> list[int]:
    """The ids of the qualities that reach the profile's cutoff (every other one is below it)."""
    index = _cutoff_index(profile)
    return [q.id for q in ALL_QUALITIES if profile.index_of(q.id) >= index]


def scores_formats(profile: QualityProfile) -> bool:
    """Whether a file's custom formats can change its score under this profile (else it is 0)."""
    return any(item.score for item in profile.format_items)


def _below_quality_cutoff(profile: QualityProfile) -> ColumnElement[bool]:
    meeting = qualities_meeting_cutoff(profile)
    below = _QUALITY_ID.not_in(meeting) if meeting else MovieFileRow.id.is_not(None)
    return and_(MovieRow.quality_profile_id == profile.id, below)


def _meeting_quality_cutoff(profile: QualityProfile) -> ColumnElement[bool]:
    """The files of this profile's films that reach its quality cutoff (their score is left to judge)."""
    return and_(MovieRow.quality_profile_id == profile.id, _QUALITY_ID.in_(qualities_meeting_cutoff(profile)))


class WantedMovies:
    """Pages of the films still wanted: without a file, or with one below their profile's cutoff."""

    def __init__(
        self, db: Database, movies: MovieService, quality: QualityService, formats: CustomFormatService
    ) -> None:
        self._db = db
        self._movies = movies
        self._quality = quality
        self._formats = formats

    async def missing(self, request: PageRequest, *, monitored: bool = True) -> WantedPage:
        """A page of the films without a file, monitored or not as asked."""
        query = (
            select(MovieRow.id)
            .outerjoin(MovieFileRow, MovieFileRow.movie_id == MovieRow.id)
            .where(MovieFileRow.id.is_(None), MovieRow.monitored == monitored)
        )
        return await self._page(query, request)

    async def cutoff_unmet(self, request: PageRequest, *, monitored: bool = True) -> WantedPage:
        """A page of the films whose file does not meet their profile's cutoff, by quality or by
        custom-format score (when the profile allows upgrades)."""
        return await self._page(await self._cutoff_unmet_query(monitored), request)

    async def cutoff_unmet_ids(self, *, monitored: bool = True) -> list[int]:
        """Every film the cutoff unmet list holds (what its backlog search searches), by id."""
        query = (await self._cutoff_unmet_query(monitored)).order_by(MovieRow.id)
        async with self._db.read() as session:
            return list(await session.scalars(query))

    async def _cutoff_unmet_query(self, monitored: bool) -> Select[Any]:
        """The ids of the films below their profile's cutoff, by quality or by custom-format score."""
        profiles = await self._quality.profiles()
        conditions = [_below_quality_cutoff(p) for p in profiles]
        scored = []
        for profile in profiles:
            if not profile.upgrade_allowed:
                continue
            if scores_formats(profile):
                scored.append(profile)
            elif profile.cutoff_format_score > 0:  # every file scores 0, below the cutoff score
                conditions.append(MovieRow.quality_profile_id == profile.id)
        by_score = await self._below_score_cutoff(scored, monitored)
        if by_score:
            ids: Any = bindparam("score_ids", by_score, expanding=True, literal_execute=True)
            conditions.append(MovieRow.id.in_(ids))
        return (
            select(MovieRow.id)
            .join(MovieFileRow, MovieFileRow.movie_id == MovieRow.id)
            .where(MovieRow.monitored == monitored, or_(false(), *conditions))
        )

    async def _below_score_cutoff(self, profiles: Sequence[QualityProfile], monitored: bool) -> list[int]:
        """The films of these profiles whose file's custom-format score is below the cutoff score.

        Only what the formats read is selected (the file, the film's year and original language): a
        library's films are not built whole to score their files.
        """
        if not profiles:
            return []
        by_id = {p.id: p for p in profiles}
        query = (
            select(MovieRow.id, MovieRow.quality_profile_id, MovieRow.year, MovieRow.original_language_id)
            .add_columns(*_FILE_COLUMNS)
            .join(MovieFileRow, MovieFileRow.movie_id == MovieRow.id)
            .where(MovieRow.monitored == monitored, or_(false(), *map(_meeting_quality_cutoff, profiles)))
        )
        matcher = await self._formats.matcher()
        found = []
        async with self._db.read() as session:
            # read first, scored once the connection is given back
            rows = (await session.execute(query)).all()
        with collector_paused():
            for row in rows:
                movie_id, profile_id, year, language_id = row[:4]
                profile = by_id[profile_id]
                file = to_movie_file(MovieFileValues._make(row[4:]))
                language = language_by_id(language_id) or lang("Unknown")
                subject = file_format_input_of(file, year=year, original_language=language)
                score = profile.format_score([f.id for f in matcher.matches(subject)])
                if not cutoff_met(profile, file.quality, score):
                    found.append(movie_id)
        return found

    async def _page(self, query: Select[Any], request: PageRequest) -> WantedPage:
        """The requested page of the films `query` selects (by id), each with its file."""
        async with self._db.read() as session:
            ids = await fetch_page(
                session,
                query,
                request,
                SORT_COLUMNS,
                default_key=DEFAULT_SORT_KEY,
                default_direction=SortDirection.ASCENDING,
                tiebreaker=MovieRow.id,
            )
        found = await self._movies.with_files(ids.records) if ids.records else {}
        records = [found[movie_id] for movie_id in ids.records if movie_id in found]
        return Page(ids.page, ids.page_size, ids.sort_key, ids.sort_direction, ids.total_records, records)
