"""The secondary reference: the same MovieResource JSON built the straightforward way, as pydantic models.

`movie_resource` builds plain dicts that orjson serializes; this builds typed pydantic models (validated
on construction, as FastAPI response models would be) and serializes them with `dump_json`. Both start
from the same domain values, so the difference is what the dict + orjson path saves.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import Field, TypeAdapter

from reelarr.api.resource import Resource
from reelarr.api.v3.movie_resources import ResourceContext
from reelarr.movies.availability import is_available, movie_status
from reelarr.movies.file_rules import media_info_view
from reelarr.movies.model import Movie, MovieFile
from reelarr.quality.profile_rules import quality_cutoff_met


class LanguageModel(Resource):
    id: int
    name: str


class AlternateTitleModel(Resource):
    source_type: str
    movie_metadata_id: int
    title: str
    clean_title: str


class ImageModel(Resource):
    cover_type: str
    url: str | None = None
    remote_url: str | None = None


class RatingModel(Resource):
    votes: int
    value: float
    type: str = "user"


class QualityModel(Resource):
    id: int
    name: str
    source: str
    resolution: int
    modifier: str


class RevisionModel(Resource):
    version: int
    real: int
    is_repack: bool


class MediaInfoModel(Resource):
    audio_bitrate: int
    audio_channels: float
    audio_codec: str | None = None
    audio_languages: str
    audio_stream_count: int
    video_bit_depth: int
    video_bitrate: int
    video_codec: str | None = None
    video_dynamic_range: str
    video_dynamic_range_type: str
    video_fps: float
    resolution: str
    run_time: str
    scan_type: str
    subtitles: str


class FileQualityModel(Resource):
    quality: QualityModel
    revision: RevisionModel


class MovieFileModel(Resource):
    id: int
    movie_id: int
    relative_path: str
    path: str
    size: int
    date_added: datetime
    scene_name: str | None = None
    release_group: str | None = None
    edition: str | None = None
    languages: list[LanguageModel]
    quality: FileQualityModel
    custom_formats: list[dict[str, Any]]
    custom_format_score: int
    indexer_flags: int
    media_info: MediaInfoModel | None = None
    original_file_path: str | None = None
    quality_cutoff_not_met: bool


class CollectionModel(Resource):
    title: str | None
    tmdb_id: int


class StatisticsModel(Resource):
    movie_file_count: int
    size_on_disk: int
    release_groups: list[str]


class MovieModel(Resource):
    id: int
    title: str
    original_title: str
    original_language: LanguageModel
    alternate_titles: list[AlternateTitleModel]
    secondary_year: int | None = None
    secondary_year_source_id: int
    sort_title: str
    size_on_disk: int
    status: str
    overview: str
    in_cinemas: datetime | None = None
    physical_release: datetime | None = None
    digital_release: datetime | None = None
    release_date: datetime | None = None
    images: list[ImageModel]
    website: str | None = None
    year: int
    youtube_trailer_id: str | None = Field(None, alias="youTubeTrailerId")
    studio: str | None = None
    path: str
    quality_profile_id: int
    has_file: bool
    movie_file_id: int
    monitored: bool
    minimum_availability: str
    is_available: bool
    folder_name: str
    folder: str
    runtime: int
    clean_title: str
    imdb_id: str | None = None
    tmdb_id: int
    title_slug: str
    root_folder_path: str
    certification: str | None = None
    genres: list[str]
    keywords: list[str]
    tags: list[int]
    added: datetime
    ratings: dict[str, RatingModel]
    movie_file: MovieFileModel | None = None
    collection: CollectionModel | None = None
    popularity: float
    last_search_time: datetime | None = None
    statistics: StatisticsModel


MOVIES = TypeAdapter(list[MovieModel])


def _midnight(value: date | None) -> datetime | None:
    return datetime.combine(value, time(), UTC) if value is not None else None


def _media_info(file: MovieFile) -> MediaInfoModel | None:
    shown = media_info_view(file.media_info, file.scene_name)
    return MediaInfoModel(**shown) if shown is not None else None


def _file_model(movie: Movie, file: MovieFile, ctx: ResourceContext) -> MovieFileModel:
    found = file.quality.quality
    return MovieFileModel(
        id=file.id,
        movie_id=file.movie_id,
        relative_path=file.relative_path,
        path=os.path.join(movie.path, file.relative_path),
        size=file.size,
        date_added=file.date_added,
        scene_name=file.scene_name,
        release_group=file.release_group,
        edition=file.edition,
        languages=[LanguageModel(id=lang.id, name=lang.name) for lang in file.languages],
        quality=FileQualityModel(
            quality=QualityModel(
                id=found.id,
                name=found.name,
                source=found.source.name.lower(),
                resolution=found.resolution,
                modifier=found.modifier.name.lower(),
            ),
            revision=RevisionModel(
                version=file.quality.revision.version,
                real=file.quality.revision.real,
                is_repack=file.quality.revision.is_repack,
            ),
        ),
        custom_formats=[],
        custom_format_score=0,
        indexer_flags=file.indexer_flags,
        media_info=_media_info(file),
        original_file_path=file.original_file_path,
        quality_cutoff_not_met=_cutoff_not_met(movie, file, ctx),
    )


def _cutoff_not_met(movie: Movie, file: MovieFile, ctx: ResourceContext) -> bool:
    # The same answer movie_resource gives, the same way (remembered per profile and quality where
    # ResourceContext does so), so the two references differ only in how they build and serialize.
    if hasattr(ctx, "quality_cutoff_not_met"):
        return bool(ctx.quality_cutoff_not_met(movie.quality_profile_id, file.quality))
    profile = ctx.profiles.get(movie.quality_profile_id)
    return not quality_cutoff_met(profile, file.quality) if profile is not None else False


def movie_model(movie: Movie, file: MovieFile | None, ctx: ResourceContext) -> MovieModel:
    """MovieResource as a pydantic model, the way a response_model-based endpoint would build it."""
    status = movie_status(
        in_cinemas=movie.in_cinemas,
        digital=movie.digital_release,
        physical=movie.physical_release,
        tmdb_status=movie.tmdb_status,
        today=ctx.today,
    )
    size = file.size if file is not None else 0
    ratings = {
        source: RatingModel(votes=rating.votes, value=rating.value)
        for source in ("imdb", "tmdb")
        if (rating := getattr(movie.ratings, source)) is not None
    }
    return MovieModel(
        id=movie.id,
        title=movie.title,
        original_title=movie.original_title,
        original_language=LanguageModel(id=movie.original_language.id, name=movie.original_language.name),
        alternate_titles=[
            AlternateTitleModel(
                source_type=a.source_type,
                movie_metadata_id=movie.id,
                title=a.title,
                clean_title=a.clean_title,
            )
            for a in movie.alternative_titles
        ],
        secondary_year=movie.secondary_year,
        secondary_year_source_id=0,
        sort_title=movie.sort_title,
        size_on_disk=size,
        status="deleted" if movie.tmdb_status == "Deleted" else status.value,
        overview=movie.overview,
        in_cinemas=_midnight(movie.in_cinemas),
        physical_release=_midnight(movie.physical_release),
        digital_release=_midnight(movie.digital_release),
        release_date=_midnight(movie.release_date),
        images=[ImageModel(**link) for link in ctx.image_links(movie.id, movie.images)],
        website=movie.website,
        year=movie.year,
        youtube_trailer_id=movie.youtube_trailer_id,
        studio=movie.studio,
        path=movie.path,
        quality_profile_id=movie.quality_profile_id,
        has_file=file is not None,
        movie_file_id=file.id if file is not None else 0,
        monitored=movie.monitored,
        minimum_availability=movie.minimum_availability.value,
        is_available=is_available(
            movie.minimum_availability,
            in_cinemas=movie.in_cinemas,
            digital=movie.digital_release,
            physical=movie.physical_release,
            today=ctx.today,
        ),
        folder_name=movie.path,
        folder=os.path.basename(movie.path),
        runtime=movie.runtime,
        clean_title=movie.clean_title,
        imdb_id=movie.imdb_id,
        tmdb_id=movie.tmdb_id,
        title_slug=movie.title_slug,
        root_folder_path=movie.root_folder_path,
        certification=movie.certification,
        genres=list(movie.genres),
        keywords=list(movie.keywords),
        tags=list(movie.tags),
        added=movie.added,
        ratings=ratings,
        movie_file=_file_model(movie, file, ctx) if file is not None else None,
        collection=(
            CollectionModel(title=movie.collection_title, tmdb_id=movie.collection_tmdb_id)
            if movie.collection_tmdb_id
            else None
        ),
        popularity=movie.popularity,
        last_search_time=movie.last_search_time,
        statistics=StatisticsModel(
            movie_file_count=1 if file is not None else 0,
            size_on_disk=size,
            release_groups=[file.release_group] if file is not None and file.release_group else [],
        ),
    )


def dump(models: list[MovieModel]) -> bytes:
    """The JSON array, camelCase, nulls left out (as Reelarr's resources are)."""
    return MOVIES.dump_json(models, by_alias=True, exclude_none=True)
