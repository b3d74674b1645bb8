"""Movie rows to and from domain values."""

from __future__ import annotations

import json
from collections import namedtuple
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

import orjson
from sqlalchemy import JSON, ColumnElement, FromClause, Text, cast

from reelarr.languages import UNKNOWN as UNKNOWN_LANGUAGE
from reelarr.languages import find_iso_language, lang, language_by_id
from reelarr.metadata.models import CoverType, Image, MovieMetadata, Rating, Ratings
from reelarr.movies.model import AlternativeTitle, MinimumAvailability, Movie, MovieFile
from reelarr.movies.naming import sort_title
from reelarr.movies.tables import AlternativeTitleRow, MovieFileRow, MovieRow
from reelarr.parsing import clean_title
from reelarr.quality.catalogue import DetectionSource, quality_by_id
from reelarr.quality.revision import QualityModel, Revision


def ratings_to_json(ratings: Ratings) -> dict[str, Any]:
    """Ratings as stored."""
    stored: dict[str, Any] = {}
    for source in ("tmdb", "imdb"):
        rating: Rating | None = getattr(ratings, source)
        if rating is not None:
            stored[source] = {"value": rating.value, "votes": rating.votes}
    return stored


def ratings_from_json(stored: dict[str, Any]) -> Ratings:
    """Stored ratings back as values."""
    parts = {
        k: Rating(float(v["value"]), int(v["votes"])) for k, v in stored.items() if k in ("tmdb", "imdb")
    }
    return Ratings(**parts)


def images_to_json(images: tuple[Image, ...]) -> list[dict[str, str]]:
    """Images as stored."""
    return [{"coverType": i.cover_type.value, "remoteUrl": i.remote_url} for i in images]


E = TypeVar("E", bound=Enum)
# Enum members by value: a dict lookup, where calling the enum costs a microsecond (a list reads 50,000).
_COVER_TYPES = {member.value: member for member in CoverType}
_AVAILABILITIES = {member.value: member for member in MinimumAvailability}
_DETECTION_SOURCES = {member.value: member for member in DetectionSource}


def _member(members: dict[Any, E], kind: type[E], value: Any) -> E:
    """The member with this value; calling the enum (so its error) for anything else."""
    found = members.get(value)
    return found if found is not None else kind(value)


def images_from_json(stored: list[dict[str, Any]]) -> tuple[Image, ...]:
    """Stored images back as values (unknown cover types are skipped)."""
    images = []
    for item in stored:
        try:
            images.append(Image(_member(_COVER_TYPES, CoverType, item["coverType"]), str(item["remoteUrl"])))
        except (KeyError, ValueError):
            continue
    return tuple(images)


def original_language(code: str) -> int:
    """Radarr's language id for an ISO 639-1 code (Unknown when Radarr has none)."""
    found = find_iso_language(code) if code else None
    return found.language.id if found is not None else UNKNOWN_LANGUAGE.id


def apply_metadata(row: MovieRow, metadata: MovieMetadata, now: datetime) -> None:
    """Copy what TMDB says about a film onto its row."""
    row.tmdb_id = metadata.tmdb_id
    row.imdb_id = metadata.imdb_id
    row.title = metadata.title
    row.original_title = metadata.original_title
    row.sort_title = sort_title(metadata.title)
    row.clean_title = clean_title(metadata.title)
    row.year = metadata.year or 0
    row.overview = metadata.overview
    row.runtime = metadata.runtime
    row.tmdb_status = metadata.status
    row.studio = metadata.studio
    row.certification = metadata.certification
    row.website = metadata.website
    row.youtube_trailer_id = metadata.youtube_trailer_id
    row.original_language_id = original_language(metadata.original_language)
    row.genres = list(metadata.genres)
    row.keywords = list(metadata.keywords)
    row.ratings = ratings_to_json(metadata.ratings)
    row.images = images_to_json(metadata.images)
    row.recommendations = list(metadata.recommendations)
    row.popularity = metadata.popularity
    row.collection_tmdb_id = metadata.collection.tmdb_id if metadata.collection else None
    row.collection_title = metadata.collection.name if metadata.collection else None
    row.in_cinemas = metadata.in_cinemas
    row.digital_release = metadata.digital_release
    row.physical_release = metadata.physical_release
    row.release_date = metadata.release_date
    row.last_info_sync = now


def alternative_title_rows(movie_id: int, metadata: MovieMetadata) -> list[AlternativeTitleRow]:
    """TMDB's alternative titles of a film, without duplicates of its main title."""
    seen = {clean_title(metadata.title)}
    rows = []
    for alt in metadata.alternative_titles:
        cleaned = clean_title(alt.title)
        if not cleaned or cleaned in seen:
            continue
        seen.add(cleaned)
        rows.append(
            AlternativeTitleRow(
                movie_id=movie_id,
                title=alt.title,
                clean_title=cleaned,
                country=alt.country,
                source_type="tmdb",
            )
        )
    return rows


def json_as_text(table: FromClause, prefix: str = "") -> list[ColumnElement[Any]]:
    """A table's columns to select for many rows, JSON ones as their text (names after `prefix`).

    `to_movie` and `to_movie_file` decode that text with orjson, several times faster than the json
    module SQLAlchemy decodes JSON columns with (six JSON columns a movie: ~60,000 decodes a list).
    """
    return [
        (cast(column, Text) if isinstance(column.type, JSON) else column).label(prefix + column.name)
        for column in table.columns
    ]


# A selected row's columns by name, as an ORM row's attributes: reading one is as fast as a tuple
# index, where a SQLAlchemy Row's __getattr__ is Python code (0.4 µs; 45 columns x 10,000 movies).
def _values_type(name: str, table: FromClause) -> Any:
    return namedtuple(name, table.columns.keys())


MovieValues = _values_type("MovieValues", MovieRow.__table__)
MovieFileValues = _values_type("MovieFileValues", MovieFileRow.__table__)


def _json(value: Any) -> Any:
    """A JSON column's value: decoded already (ORM rows), or its text (rows of `json_as_text`)."""
    if not isinstance(value, str):
        return value
    try:
        return orjson.loads(value)
    # What orjson refuses and json accepts (NaN). orjson reads an integer past 64 bits as a float:
    # no movie or file column holds one (sizes, ids and counts are far below).
    except orjson.JSONDecodeError:
        return json.loads(value)


def to_movie(row: MovieRow, alternative_titles: list[AlternativeTitleRow] | None = None) -> Movie:
    """The domain value of a movie row (or of `MovieValues` selected with `json_as_text`)."""
    return Movie(
        id=row.id,
        tmdb_id=row.tmdb_id,
        imdb_id=row.imdb_id,
        title=row.title,
        original_title=row.original_title,
        sort_title=row.sort_title,
        clean_title=row.clean_title,
        year=row.year,
        overview=row.overview,
        runtime=row.runtime,
        tmdb_status=row.tmdb_status,
        original_language=language_by_id(row.original_language_id) or lang("Unknown"),
        monitored=row.monitored,
        minimum_availability=_member(_AVAILABILITIES, MinimumAvailability, row.minimum_availability),
        quality_profile_id=row.quality_profile_id,
        path=row.path,
        root_folder_path=row.root_folder_path,
        added=row.added,
        secondary_year=row.secondary_year,
        studio=row.studio,
        certification=row.certification,
        website=row.website,
        youtube_trailer_id=row.youtube_trailer_id,
        genres=tuple(_json(row.genres)),
        keywords=tuple(_json(row.keywords)),
        ratings=ratings_from_json(_json(row.ratings)),
        images=images_from_json(_json(row.images)),
        recommendations=tuple(_json(row.recommendations)),
        popularity=row.popularity,
        collection_tmdb_id=row.collection_tmdb_id,
        collection_title=row.collection_title,
        in_cinemas=row.in_cinemas,
        digital_release=row.digital_release,
        physical_release=row.physical_release,
        release_date=row.release_date,
        tags=tuple(_json(row.tags)),
        last_info_sync=row.last_info_sync,
        last_search_time=row.last_search_time,
        alternative_titles=tuple(
            AlternativeTitle(a.title, a.clean_title, a.country, a.source_type, a.id)
            for a in alternative_titles or ()
        ),
    )


def quality_to_json(model: QualityModel) -> dict[str, Any]:
    """A file's quality as stored."""
    revision = model.revision
    return {
        "quality": model.quality.id,
        "revision": {"version": revision.version, "real": revision.real, "isRepack": revision.is_repack},
        "sourceDetection": model.source_detection.value,
        "resolutionDetection": model.resolution_detection.value,
    }


def quality_from_json(stored: dict[str, Any]) -> QualityModel:
    """A stored quality back as a value."""
    revision = stored.get("revision", {})
    found = quality_by_id(int(stored.get("quality", 0)))
    return QualityModel(
        quality=found or QualityModel().quality,
        revision=Revision(
            int(revision.get("version", 1)), int(revision.get("real", 0)), bool(revision.get("isRepack"))
        ),
        source_detection=_member(
            _DETECTION_SOURCES, DetectionSource, stored.get("sourceDetection", "Unknown")
        ),
        resolution_detection=_member(
            _DETECTION_SOURCES, DetectionSource, stored.get("resolutionDetection", "Unknown")
        ),
    )


def to_movie_file(row: MovieFileRow) -> MovieFile:
    """The domain value of a movie file row (or of `MovieFileValues` selected with `json_as_text`)."""
    return MovieFile(
        id=row.id,
        movie_id=row.movie_id,
        relative_path=row.relative_path,
        size=row.size,
        date_added=row.date_added,
        quality=quality_from_json(_json(row.quality)),
        languages=tuple(
            language for i in _json(row.languages) if (language := language_by_id(i)) is not None
        ),
        scene_name=row.scene_name,
        release_group=row.release_group,
        edition=row.edition,
        media_info=_json(row.media_info),
        original_file_path=row.original_file_path,
        indexer_flags=row.indexer_flags,
    )
