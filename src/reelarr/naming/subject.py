"""What names are built from: a film and one of its files, as plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reelarr.customformats.model import CustomFormat
from reelarr.mediafiles.model import MediaInfo, media_info_from_json
from reelarr.metadata.models import MovieMetadata
from reelarr.movies.model import Movie, MovieFile
from reelarr.quality.revision import QualityModel


@dataclass(frozen=True, slots=True)
class NamedMovie:
    """A film as its names see it."""

    title: str
    year: int
    tmdb_id: int
    imdb_id: str | None = None
    original_title: str | None = None
    certification: str | None = None
    collection_title: str | None = None
    # Titles in other languages, by Radarr language id ({Movie Title:fr}).
    translations: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NamedFile:
    """A film's file as its name sees it; `quality_title` is the quality definition's title."""

    relative_path: str = ""
    quality: QualityModel | None = None
    quality_title: str = ""
    scene_name: str | None = None
    release_group: str | None = None
    edition: str | None = None
    media_info: MediaInfo | None = None
    custom_formats: tuple[CustomFormat, ...] = ()

    @property
    def scene_or_file_name(self) -> str:
        """The release name the file came from, else its own name without the extension."""
        if self.scene_name and self.scene_name.strip():
            return self.scene_name
        return file_stem(self.relative_path)


def file_stem(path: str) -> str:
    """A path's last part without its extension."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    return stem if dot and stem and "/" not in extension else name


def named_movie(movie: Movie) -> NamedMovie:
    """A library film as names see it."""
    return NamedMovie(
        title=movie.title,
        year=movie.year,
        tmdb_id=movie.tmdb_id,
        imdb_id=movie.imdb_id,
        original_title=movie.original_title,
        certification=movie.certification,
        collection_title=movie.collection_title,
    )


def named_metadata(info: MovieMetadata) -> NamedMovie:
    """A film from TMDB (not in the library yet) as names see it."""
    return NamedMovie(
        title=info.title,
        year=info.year or 0,
        tmdb_id=info.tmdb_id,
        imdb_id=info.imdb_id,
        original_title=info.original_title,
        certification=info.certification,
        collection_title=info.collection.name if info.collection is not None else None,
    )


def named_file(file: MovieFile, *, quality_title: str, custom_formats: tuple[CustomFormat, ...]) -> NamedFile:
    """A library film's file as names see it, with the custom formats it matches."""
    return NamedFile(
        relative_path=file.relative_path,
        quality=file.quality,
        quality_title=quality_title,
        scene_name=file.scene_name,
        release_group=file.release_group,
        edition=file.edition,
        media_info=media_info_from_json(file.media_info) if file.media_info else None,
        custom_formats=custom_formats,
    )
