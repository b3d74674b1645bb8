"""What custom format conditions see of a film's file (pure)."""

from __future__ import annotations

from reelarr.customformats.input import FormatInput, file_input, release_languages
from reelarr.languages import Language
from reelarr.movies.model import Movie, MovieFile


def file_format_input(file: MovieFile, movie: Movie) -> FormatInput:
    """A file as its custom formats are matched: its release name, else its original or own name."""
    return file_format_input_of(file, year=movie.year, original_language=movie.original_language)


def file_format_input_of(file: MovieFile, *, year: int, original_language: Language) -> FormatInput:
    """A file as its custom formats are matched, knowing only its film's year and original language."""
    name = file.relative_path.rsplit("/", 1)[-1]
    return file_input(
        release_title=file.scene_name or file.original_file_path or name,
        file_name=name,
        quality=file.quality.quality,
        languages=release_languages(file.languages, original_language),
        size=file.size,
        release_group=file.release_group,
        edition=file.edition,
        indexer_flags=file.indexer_flags,
        movie_year=year,
        original_language=original_language,
    )
