"""Custom formats for the decision pipeline: what a release and a film's file match, and their scores."""

from __future__ import annotations

from reelarr.customformats.input import file_input, release_input, release_languages
from reelarr.customformats.matching import FormatMatcher
from reelarr.movies.model import Movie, MovieFile
from reelarr.parsing import ParsedMovieInfo
from reelarr.quality.profile import QualityProfile
from reelarr.releases.model import Release


class FormatScorer:
    """Matches releases and files against every custom format, scored under the film's profile."""

    def __init__(self, matcher: FormatMatcher) -> None:
        self._matcher = matcher

    def __call__(
        self, parsed: ParsedMovieInfo, release: Release, movie: Movie, profile: QualityProfile
    ) -> tuple[tuple[str, ...], int]:
        """The names of the formats a release matches for a film, and their score in its profile."""
        subject = release_input(
            parsed,
            size=release.size,
            indexer_flags=int(release.indexer_flags),
            movie_year=movie.year,
            original_language=movie.original_language,
        )
        matched = self._matcher.matches(subject)
        return tuple(f.name for f in matched), profile.format_score([f.id for f in matched])

    def of_file(self, file: MovieFile, movie: Movie, profile: QualityProfile) -> tuple[tuple[str, ...], int]:
        """The formats and score of the file a film has on disk (to judge upgrades against)."""
        name = file.relative_path.rsplit("/", 1)[-1]
        subject = file_input(
            release_title=file.scene_name or file.original_file_path or name,
            file_name=name,
            quality=file.quality.quality,
            languages=release_languages(file.languages, movie.original_language),
            size=file.size,
            release_group=file.release_group,
            edition=file.edition,
            indexer_flags=file.indexer_flags,
            movie_year=movie.year,
            original_language=movie.original_language,
        )
        matched = self._matcher.matches(subject)
        return tuple(f.name for f in matched), profile.format_score([f.id for f in matched])
