"""What the decision log keeps of one decision, built from the engine's Decision (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from reelarr.decisions.engine import Decision
from reelarr.decisions.rejection import Rejection
from reelarr.releases.model import Release

# Release titles and guids beyond these lengths are cut when kept (indexers send absurd ones).
MAX_TITLE = 1000
MAX_GUID = 2000


class Source(StrEnum):
    """Where a release came from (Radarr's ReleaseSourceType)."""

    RSS = "rss"
    SEARCH = "search"
    USER_INVOKED_SEARCH = "userInvokedSearch"
    INTERACTIVE_SEARCH = "interactiveSearch"
    RELEASE_PUSH = "releasePush"


class Outcome(StrEnum):
    """What became of a decision after ranking."""

    # Chosen as the film's best release; the downloads issue sends chosen releases to a client.
    CHOSEN = "chosen"
    # Refused only for now (a delay, a minimum age); decided again on a later sync.
    PENDING = "pending"
    # Was chosen, then a later sync or search chose a better release for the film.
    SUPERSEDED = "superseded"
    # Sent to a download client.
    GRABBED = "grabbed"
    # Chosen, but no download client could take it (none enabled for its protocol, or the client could
    # not be reached): kept as a pending release and tried again at the next RSS sync (Radarr's
    # PendingReleaseReason.DownloadClientUnavailable).
    DOWNLOAD_CLIENT_UNAVAILABLE = "downloadClientUnavailable"


# The outcomes of releases that wait (the queue lists them; the next RSS sync decides them again).
WAITING = frozenset({Outcome.PENDING, Outcome.DOWNLOAD_CLIENT_UNAVAILABLE})


@dataclass(frozen=True, slots=True)
class LoggedDecision:
    """One decision as the log keeps it and the API shows it."""

    movie_id: int
    decided_at: datetime
    source: Source
    title: str
    guid: str
    indexer_id: int
    indexer: str
    protocol: str
    quality: str
    size: int
    age_minutes: int
    format_score: int
    formats: tuple[str, ...]
    approved: bool
    temporarily_rejected: bool
    rejections: tuple[Rejection, ...]
    release: Release
    outcome: Outcome | None = None
    first_seen: datetime | None = None
    id: int = 0
    outcome_message: str | None = None  # why, for an outcome that needs saying (no client could take it)


def logged(
    decision: Decision, movie_id: int, source: Source, now: datetime, outcome: Outcome | None = None
) -> LoggedDecision:
    """The log's record of a decision made `now` about a release for film `movie_id`."""
    release = decision.release
    subject = decision.subject
    parsed = decision.parsed
    return LoggedDecision(
        movie_id=movie_id,
        decided_at=now,
        source=source,
        title=release.title[:MAX_TITLE],
        guid=release.guid[:MAX_GUID],
        indexer_id=release.indexer_id,
        indexer=release.indexer[:200],
        protocol=release.protocol.value,
        quality=parsed.quality.name if parsed is not None else "Unknown",
        size=release.size,
        age_minutes=int(release.age_minutes(now)),
        format_score=subject.format_score if subject is not None else 0,
        formats=subject.formats if subject is not None else (),
        approved=decision.approved,
        temporarily_rejected=decision.temporarily_rejected,
        rejections=decision.rejections,
        release=release,
        outcome=outcome,
    )
