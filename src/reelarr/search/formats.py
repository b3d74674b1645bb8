"""Custom formats for the decision pipeline: what a release and a film's file match, and their scores."""

from __future__ import annotations

from reelarr.customformats.input import release_input
from reelarr.customformats.matching import FormatMatcher
from reelarr.movies.file_formats import file_format_input
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
        subject = file_format_input(file, movie)
        matched = self._matcher.matches(subject)
        return tuple(f.name for f in matched), profile.format_score([f.id for f in matched])
