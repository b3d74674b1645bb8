"""From indexers' releases to ranked decisions about the library's films (pure; the snapshot comes loaded)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reelarr.blocklist.model import BlocklistEntry
from reelarr.decisions.engine import Decision, decide, unknown_movie, unmatched
from reelarr.decisions.ranking import prioritize
from reelarr.decisions.subject import (
    NO_DELAY,
    DecisionSettings,
    GrabbedBefore,
    IndexerRules,
    OnDisk,
    Queued,
    SearchContext,
    SizeLimits,
    Subject,
)
from reelarr.delayprofiles.model import DelayProfile, best_for_tags
from reelarr.movies.model import Movie
from reelarr.parsing import ParsedMovieInfo, parse_names, parse_title
from reelarr.quality.profile import QualityProfile
from reelarr.releaseprofiles.model import ReleaseProfile
from reelarr.releases.model import Release
from reelarr.search.library_index import FilmT, LibraryIndex

# The custom formats a release matches for a film, and their score under the film's profile.
FormatScorer = Callable[[ParsedMovieInfo, Release, Movie, QualityProfile], tuple[tuple[str, ...], int]]


def no_formats(
    _parsed: ParsedMovieInfo, _release: Release, _movie: Movie, _profile: QualityProfile
) -> tuple[tuple[str, ...], int]:
    """The scorer of a library without custom formats."""
    return (), 0


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the checks read besides the release, loaded once per sync or search."""

    now: datetime
    profiles: Mapping[int, QualityProfile]
    size_limits: Mapping[int, SizeLimits] = field(default_factory=dict)
    delay_profiles: Sequence[DelayProfile] = ()
    release_profiles: Sequence[ReleaseProfile] = ()
    settings: DecisionSettings = field(default_factory=DecisionSettings)
    indexer_rules: Mapping[int, IndexerRules] = field(default_factory=dict)
    on_disk: Mapping[int, OnDisk] = field(default_factory=dict)
    oldest_pending_minutes: Mapping[int, float] = field(default_factory=dict)
    free_space: Mapping[int, int] = field(default_factory=dict)  # bytes free on each film's disk
    score_formats: FormatScorer = no_formats
    last_grabs: Mapping[int, GrabbedBefore] = field(default_factory=dict)  # grabs of the last 12 hours
    blocklist: Mapping[int, tuple[BlocklistEntry, ...]] = field(default_factory=dict)  # by film
    queued: Mapping[int, tuple[Queued, ...]] = field(default_factory=dict)  # downloads under way, by film


def subject_for(
    release: Release, parsed: ParsedMovieInfo, movie: Movie, snapshot: Snapshot, search: SearchContext | None
) -> Subject | None:
    """The subject of one release for one film; None when the film's profile is gone."""
    profile = snapshot.profiles.get(movie.quality_profile_id)
    if profile is None:
        return None
    formats, score = snapshot.score_formats(parsed, release, movie, profile)
    delay = best_for_tags(snapshot.delay_profiles, movie.tags) if snapshot.delay_profiles else NO_DELAY
    return Subject(
        release=release,
        parsed=parsed,
        movie=movie,
        profile=profile,
        now=snapshot.now,
        size_limits=snapshot.size_limits.get(parsed.quality.quality.id, SizeLimits()),
        formats=formats,
        format_score=score,
        on_disk=snapshot.on_disk.get(movie.id),
        delay_profile=delay,
        release_profiles=tuple(snapshot.release_profiles),
        indexer=snapshot.indexer_rules.get(release.indexer_id, IndexerRules()),
        settings=snapshot.settings,
        search=search,
        oldest_pending_minutes=snapshot.oldest_pending_minutes.get(movie.id),
        free_space=snapshot.free_space.get(movie.id),
        last_grab=snapshot.last_grabs.get(movie.id),
        blocklist=snapshot.blocklist.get(movie.id, ()),
        queued=snapshot.queued.get(movie.id, ()),
    )


@dataclass(frozen=True, slots=True)
class Matched:
    """A release read and matched: its parsed title (None when unreadable) and its film (None: unknown)."""

    release: Release
    parsed: ParsedMovieInfo | None
    movie: Movie | None
    # Read by its names only (parse_names), as an RSS release that names no film is: readable, not parsed.
    named: bool = False


def read(release: Release) -> ParsedMovieInfo | None:
    """A release title parsed as a film; None when it does not read as one."""
    parsed = parse_title(release.title)
    return parsed if parsed is not None and parsed.title.strip() else None


def match_names(
    releases: Sequence[Release], index: LibraryIndex[FilmT]
) -> list[tuple[Release, bool, FilmT | None]]:
    """Each release matched by its names alone: whether it reads as a film, and the film it names."""
    found: list[tuple[Release, bool, FilmT | None]] = []
    for release in releases:
        names = parse_names(release.title)
        if names is None or not names.title.strip():
            found.append((release, False, None))
            continue
        found.append((release, True, index.match(names, tmdb_id=release.tmdb_id, imdb_id=release.imdb_id)))
    return found


def read_all(
    releases: Sequence[Release], index: LibraryIndex[FilmT]
) -> list[tuple[Release, ParsedMovieInfo | None, FilmT | None]]:
    """Each release parsed and matched against the index's films."""
    found = []
    for release in releases:
        parsed = read(release)
        film = index.match(parsed, tmdb_id=release.tmdb_id, imdb_id=release.imdb_id) if parsed else None
        found.append((release, parsed, film))
    return found


def match_all(releases: Sequence[Release], index: LibraryIndex[Movie]) -> list[Matched]:
    """Each release parsed and matched against the whole library."""
    return [Matched(release, parsed, movie) for release, parsed, movie in read_all(releases, index)]


def decide_one(
    item: Matched, snapshot: Snapshot, search: SearchContext | None = None, *, pushed: bool = False
) -> Decision:
    """The decision about one matched release."""
    if item.movie is None and item.named:
        return unknown_movie(item.release, pushed=pushed)
    if item.parsed is None or item.movie is None:
        return unmatched(item.release, item.parsed, pushed=pushed)
    subject = subject_for(item.release, item.parsed, item.movie, snapshot, search)
    return decide(subject) if subject is not None else unmatched(item.release, item.parsed, pushed=pushed)


def decide_matched(
    matched: Sequence[Matched],
    snapshot: Snapshot,
    search: SearchContext | None = None,
    *,
    pushed: bool = False,
) -> list[Decision]:
    """Every matched release decided and ranked: best first within each film, unmatched ones last."""
    return prioritize([decide_one(item, snapshot, search, pushed=pushed) for item in matched])


def decide_all(
    releases: Sequence[Release],
    index: LibraryIndex[Movie],
    snapshot: Snapshot,
    search: SearchContext | None = None,
    *,
    pushed: bool = False,
) -> list[Decision]:
    """Every release parsed, matched against the library, decided and ranked."""
    return decide_matched(match_all(releases, index), snapshot, search, pushed=pushed)


def best_per_movie(ranked: Sequence[Decision]) -> dict[int, Decision]:
    """The first approved decision of each film in a ranked list: what to grab."""
    chosen: dict[int, Decision] = {}
    for decision in ranked:
        movie_id = decision.movie_id
        if decision.approved and movie_id is not None:
            chosen.setdefault(movie_id, decision)
    return chosen
