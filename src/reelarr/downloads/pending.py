"""Releases waiting to be grabbed, as Radarr's queue lists them: those a delay profile holds back, and
those chosen while no download client could take them. The user may grab one now or drop it."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from reelarr.blocklist.model import NewBlocklistEntry
from reelarr.blocklist.service import BlocklistService
from reelarr.decisionlog.model import LoggedDecision, Outcome
from reelarr.decisionlog.service import DecisionLog
from reelarr.decisions.engine import Decision
from reelarr.decisions.ranking import rank_key
from reelarr.delayprofiles.model import DelayProfile, best_for_tags
from reelarr.delayprofiles.service import DelayProfileService
from reelarr.downloads.events import QueueChanged
from reelarr.downloads.grab import Grabbed, GrabService
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.search.service import SearchService

Clock = Callable[[], datetime]
# When the next RSS sync is due and how often it runs (minutes), or None when it does not run.
RssSchedule = Callable[[], Awaitable[tuple[datetime, float] | None]]


class PendingReason(StrEnum):
    """Why a release waits (Radarr's PendingReleaseReason, as the queue's status)."""

    DELAY = "delay"
    DOWNLOAD_CLIENT_UNAVAILABLE = "downloadClientUnavailable"


def _reason(entry: LoggedDecision) -> PendingReason:
    if entry.outcome is Outcome.DOWNLOAD_CLIENT_UNAVAILABLE:
        return PendingReason.DOWNLOAD_CLIENT_UNAVAILABLE
    return PendingReason.DELAY


@dataclass(frozen=True, slots=True)
class PendingRelease:
    """One waiting release, the best of its film, as the queue shows it."""

    id: int  # the queue id: stable for the same logged decision, in every process
    logged: LoggedDecision
    decision: Decision
    reason: PendingReason
    estimated_completion: datetime | None

    @property
    def movie_id(self) -> int:
        """The film it waits for."""
        return self.logged.movie_id


def pending_queue_id(decision_id: int) -> int:
    """A positive 31-bit queue id for a logged decision (Radarr hashes "pending-<id>" the same way)."""
    digest = hashlib.sha1(f"pending-{decision_id}".encode(), usedforsecurity=False).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


class PendingReleases:
    """Lists, grabs and drops the releases waiting in the decision log."""

    def __init__(
        self,
        decision_log: DecisionLog,
        search: SearchService,
        delay_profiles: DelayProfileService,
        grabs: GrabService,
        blocklist: BlocklistService,
        bus: EventBus,
        rss_schedule: RssSchedule,
        clock: Clock,
    ) -> None:
        self._blocklist = blocklist
        self._bus = bus
        self._log = decision_log
        self._search = search
        self._delay_profiles = delay_profiles
        self._grabs = grabs
        self._rss_schedule = rss_schedule
        self._clock = clock

    async def all(self) -> list[PendingRelease]:
        """The best waiting release of each film (Radarr's GetPendingQueue), all decided again at once."""
        waiting = [(e, _reason(e)) for e in await self._log.pending()]
        if not waiting:
            return []
        schedule = await self._rss_schedule()
        delay_profiles = await self._delay_profiles.all()
        decisions = await self._search.decide_many([(e.release, e.movie_id) for e, _reason in waiting])
        best: dict[int, PendingRelease] = {}
        for (logged, reason), decision in zip(waiting, decisions, strict=True):
            if decision is None or decision.subject is None:
                continue  # the film was deleted since, or its profile
            estimate = _estimated_completion(logged, decision, reason, schedule, delay_profiles)
            found = PendingRelease(pending_queue_id(logged.id), logged, decision, reason, estimate)
            current = best.get(logged.movie_id)
            if current is None or _better(found, current):
                best[logged.movie_id] = found
        return list(best.values())

    async def find(self, queue_id: int) -> PendingRelease | None:
        """The waiting release with this queue id, if it still waits."""
        return next((p for p in await self.all() if p.id == queue_id), None)

    async def grab(self, queue_id: int) -> Grabbed:
        """Send a waiting release to a download client now (the queue's Grab button).

        NotFound when no release waits under this id; the grab's own errors otherwise."""
        pending = await self.find(queue_id)
        if pending is None:
            raise NotFound(f"Pending release {queue_id} was not found")
        # Grabbed, it leaves the waiting releases, and the grab says so (QueueChanged).
        return await self._grabs.grab(pending.decision, source=pending.logged.source)

    async def remove(self, queue_id: int, *, blocklist: bool = False) -> bool:
        """Stop a release from waiting (it is decided again if an indexer lists it again, unless
        blocklisted as Radarr's "Pending release manually blocklisted"); whether one waited."""
        return bool(await self.remove_many([queue_id], blocklist=blocklist))

    async def remove_many(self, queue_ids: Collection[int], *, blocklist: bool = False) -> list[int]:
        """`remove` for several queue ids, the waiting releases decided once; the ids that waited."""
        wanted = set(queue_ids)
        removed = [p for p in await self.all() if p.id in wanted]
        for pending in removed:
            if blocklist:
                await self._blocklist.add(_blocklist_entry(pending, self._clock()))
            await self._log.forget_waiting(pending.logged.id)
        if removed:
            await self._bus.publish(QueueChanged())
        return [p.id for p in removed]


def _estimated_completion(
    logged: LoggedDecision,
    decision: Decision,
    reason: PendingReason,
    schedule: tuple[datetime, float] | None,
    delay_profiles: Sequence[DelayProfile],
) -> datetime | None:
    """Radarr's estimate: the release's age reaching the delay, at the RSS sync that sees it."""
    if schedule is None:
        return None
    next_sync, interval_minutes = schedule
    if reason is not PendingReason.DELAY:
        return next_sync
    assert decision.subject is not None
    profile = best_for_tags(delay_profiles, decision.subject.movie.tags)
    due = logged.release.publish_date + timedelta(minutes=profile.delay_minutes(logged.release.protocol))
    return next_sync if due < next_sync else due + timedelta(minutes=interval_minutes)


def _blocklist_entry(pending: PendingRelease, now: datetime) -> NewBlocklistEntry:
    subject = pending.decision.subject
    assert subject is not None
    release = pending.logged.release
    return NewBlocklistEntry(
        movie_id=pending.movie_id,
        source_title=release.title,
        quality=subject.quality,
        date=now,
        protocol=release.protocol,
        published_date=release.publish_date,
        size=release.size,
        indexer=release.indexer,
        indexer_flags=release.indexer_flags,
        message="Pending release manually blocklisted",
        torrent_info_hash=release.info_hash,
        languages=subject.languages,
        custom_formats=subject.formats,
    )


def _better(candidate: PendingRelease, current: PendingRelease) -> bool:
    assert candidate.decision.subject is not None
    assert current.decision.subject is not None
    return rank_key(candidate.decision.subject) > rank_key(current.decision.subject)
