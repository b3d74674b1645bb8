"""How well a film found on TMDB fits a library folder's name (pure rules)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from reelarr.metadata.models import MovieMetadata, MovieSearchResult
from reelarr.movies.folder_names import FolderName, SearchTerm
from reelarr.parsing import clean_title

# A film's year differs by one between countries and databases often enough (festival premiere,
# release around new year) that Radarr accepts it.
YEAR_TOLERANCE = 1


class MatchConfidence(IntEnum):
    """How sure a match is, least first; `label` is what the API shows."""

    NONE = 0
    LOW = 1  # a search hit whose title differs from the folder's
    MEDIUM = 2  # same title, year off by one or not in the folder name
    HIGH = 3  # an id in the folder name, or same title and same year

    @property
    def label(self) -> str:
        """The lower-case name the API shows."""
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A film to weigh against a folder: its titles and year."""

    tmdb_id: int
    title: str
    original_title: str
    year: int | None
    alternative_titles: tuple[str, ...] = ()

    @property
    def clean_titles(self) -> set[str]:
        """Every title of the film, cleaned for comparison."""
        titles = (self.title, self.original_title, *self.alternative_titles)
        return {cleaned for t in titles if (cleaned := clean_title(t))}


def candidate_of(found: MovieMetadata | MovieSearchResult) -> Candidate:
    """A search hit or a film's details as a candidate (details carry alternative titles)."""
    alternatives = (
        tuple(a.title for a in found.alternative_titles) if isinstance(found, MovieMetadata) else ()
    )
    return Candidate(found.tmdb_id, found.title, found.original_title, found.year, alternatives)


def year_fits(wanted: int | None, year: int | None) -> bool:
    """Whether a film's year fits the year a folder gives (any year fits a folder without one)."""
    return wanted is None or (year is not None and abs(year - wanted) <= YEAR_TOLERANCE)


def rate(term: SearchTerm, candidate: Candidate) -> MatchConfidence:
    """How well a film fits one reading of a folder name."""
    same_title = bool(clean_title(term.title)) and clean_title(term.title) in candidate.clean_titles
    if same_title and term.year is not None and candidate.year == term.year:
        return MatchConfidence.HIGH
    if same_title and year_fits(term.year, candidate.year):
        return MatchConfidence.MEDIUM
    if year_fits(term.year, candidate.year):
        return MatchConfidence.LOW
    return MatchConfidence.NONE


def rate_for_folder(folder: FolderName, candidate: Candidate) -> MatchConfidence:
    """How well a film fits a folder: the best over every reading of its name."""
    return max((rate(term, candidate) for term in folder.searches), default=MatchConfidence.NONE)


def best_candidate(
    folder: FolderName, candidates: Sequence[Candidate]
) -> tuple[Candidate | None, MatchConfidence]:
    """The film that fits a folder best (TMDB's order breaks ties), and how well; None when none fits."""
    best: Candidate | None = None
    best_confidence = MatchConfidence.NONE
    for candidate in candidates:
        confidence = rate_for_folder(folder, candidate)
        if confidence > best_confidence:
            best, best_confidence = candidate, confidence
    return best, best_confidence


def worth_details(folder: FolderName, candidates: Iterable[Candidate], limit: int = 3) -> list[int]:
    """TMDB ids of the hits whose alternative titles are worth fetching when no title matched."""
    fitting = [c.tmdb_id for c in candidates if rate_for_folder(folder, c) >= MatchConfidence.LOW]
    return fitting[:limit]
