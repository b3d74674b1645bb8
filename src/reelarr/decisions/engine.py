"""Run every check on a release for a film, in Radarr's priority groups, keeping every reason."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from reelarr.decisions.rejection import Priority, Reason, Rejection
from reelarr.decisions.specs import (
    age,
    blocklist,
    delay,
    disk,
    history,
    movie,
    quality,
    queue,
    release,
    revision,
    size,
)
from reelarr.decisions.subject import Subject
from reelarr.parsing.result import ParsedMovieInfo
from reelarr.releases.model import Release

Check = Callable[[Subject], Rejection | None]
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Spec:
    """A check, the group it runs in, and its name in logs and errors."""

    name: str
    check: Check
    priority: Priority = Priority.DEFAULT


# Radarr's download specifications that apply to what Reelarr knows.
SPECS: tuple[Spec, ...] = (
    Spec("QualityAllowedByProfile", quality.quality_allowed),
    Spec("CustomFormatAllowedByProfile", quality.format_score_minimum),
    Spec("UpgradeAllowed", quality.upgrade_allowed),
    Spec("UpgradeDisk", quality.upgrade_disk),
    Spec("AcceptableSize", size.acceptable_size),
    Spec("MaximumSize", size.maximum_size),
    Spec("NotSample", size.not_sample),
    Spec("MinimumAge", age.minimum_age),
    Spec("Retention", age.retention),
    Spec("RawDisk", release.raw_disk),
    Spec("HardcodeSubs", release.hardcoded_subs),
    Spec("Language", release.language),
    Spec("TorrentSeeding", release.seeders),
    Spec("RequiredIndexerFlags", release.required_flags),
    Spec("ReleaseRestrictions", release.release_restrictions),
    Spec("MonitoredMovie", movie.monitored),
    Spec("Availability", movie.availability),
    Spec("Movie", movie.wrong_movie),
    Spec("IndexerTag", movie.indexer_tags),
    Spec("Proper", revision.proper),
    Spec("Repack", revision.repack),
    Spec("Protocol", delay.protocol),
    Spec(
        "Delay", delay.delay, Priority.DATABASE
    ),  # with the blocklist, as Radarr: a blocklisted release never waits
    Spec("Queue", queue.already_queued),
    Spec("Blocklist", blocklist.blocklisted, Priority.DATABASE),
    Spec("History", history.recent_grab, Priority.DATABASE),
    Spec("FreeSpace", disk.free_space, Priority.DISK),
)


@dataclass(frozen=True, slots=True)
class Decision:
    """What was decided about one release: the film it is for (if any) and every reason against it."""

    release: Release
    rejections: tuple[Rejection, ...]
    parsed: ParsedMovieInfo | None = None
    subject: Subject | None = None

    @property
    def approved(self) -> bool:
        """Nothing stands against grabbing it."""
        return not self.rejections

    @property
    def temporarily_rejected(self) -> bool:
        """Refused only for now (a delay, a minimum age): it waits as a pending release."""
        return bool(self.rejections) and all(r.temporary for r in self.rejections)

    @property
    def movie_id(self) -> int | None:
        """The library film it was matched to."""
        return self.subject.movie.id if self.subject is not None else None


def _run(spec: Spec, subject: Subject) -> Rejection | None:
    try:
        return spec.check(subject)
    except Exception as error:
        # A check that breaks refuses this release only; the others are still decided.
        log.exception("Check %s failed on %s", spec.name, subject.release.title)
        return Rejection(Reason.DECISION_ERROR, f"{spec.name}: {error}")


def priority_groups(specs: Sequence[Spec]) -> tuple[tuple[Spec, ...], ...]:
    """The checks in the groups they run in, first group first."""
    ordered = sorted(specs, key=lambda s: s.priority)
    return tuple(tuple(group) for _priority, group in groupby(ordered, key=lambda s: s.priority))


_SPEC_GROUPS = priority_groups(SPECS)


def decide(subject: Subject, specs: Sequence[Spec] = SPECS) -> Decision:
    """Run the checks group by group; a group with rejections ends it, so costly checks run last."""
    rejections: list[Rejection] = []
    for group in _SPEC_GROUPS if specs is SPECS else priority_groups(specs):
        rejections = [r for spec in group if (r := _run(spec, subject)) is not None]
        if rejections:
            break
    return Decision(subject.release, tuple(rejections), subject.parsed, subject)


def unmatched(release: Release, parsed: ParsedMovieInfo | None, *, pushed: bool = False) -> Decision:
    """The decision for a release that names no film of the library (or cannot be read at all)."""
    if parsed is None or not parsed.title.strip():
        return Decision(release, (Rejection(Reason.UNABLE_TO_PARSE, "Unable to parse release"),), parsed)
    return unknown_movie(release, parsed, pushed=pushed)


def unknown_movie(
    release: Release, parsed: ParsedMovieInfo | None = None, *, pushed: bool = False
) -> Decision:
    """The decision for a readable release that names no film of the library."""
    where = "existing movie in Library" if pushed else "correct movie"
    message = f"Unknown Movie. Unable to match to {where} using release title."
    return Decision(release, (Rejection(Reason.UNKNOWN_MOVIE, message),), parsed)
