"""Grabbing: a decided release goes to a download client, and history remembers it.

Radarr's DownloadService and ProcessDownloadDecisions: for each film, the best approved release is
tried first; a release its indexer no longer has, or that the client refuses, gives way to the
next; a client that cannot be reached (or no client for the protocol) stops every release of its
protocol until the next run, and each film's best release of that protocol waits as a pending release
(Radarr's DownloadClientUnavailable) that the next RSS sync decides and grabs again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from reelarr.decisionlog.model import LoggedDecision, Source
from reelarr.decisionlog.service import ClientWait, DecisionLog
from reelarr.decisions.engine import Decision
from reelarr.downloadclients.base import DownloadClientUnavailable, DownloadRejected
from reelarr.downloadclients.service import DownloadClientDefinition, DownloadClientService
from reelarr.downloads.choosing import RoundRobin, choose_client
from reelarr.downloads.errors import ClientUnavailable, GrabFailed, NoDownloadClient
from reelarr.downloads.events import MovieGrabbed, QueueChanged
from reelarr.downloads.fetching import fetch_grab
from reelarr.events import EventBus
from reelarr.history.model import HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.indexers.service import IndexerService
from reelarr.movies.model import Movie
from reelarr.parsing.movie import parse_title
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile_rules import compare_models
from reelarr.releases.model import flag_names

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
RECENT = timedelta(days=21)
_PROTOCOL_NUMBERS = {DownloadProtocol.UNKNOWN: 0, DownloadProtocol.USENET: 1, DownloadProtocol.TORRENT: 2}


def _client_wait(decision: Decision, movie_id: int, why: str) -> ClientWait:
    release = decision.release
    log.debug("%s waits for a download client: %s", release.title, why)
    return ClientWait(movie_id, release.indexer_id, release.guid, why)


def is_recent(movie: Movie, now: datetime) -> bool:
    """Radarr's IsRecentMovie: its digital, else physical, else cinema release in the last 21 days."""
    released = movie.digital_release or movie.physical_release or movie.in_cinemas
    return released is None or released >= (now - RECENT).date()


@dataclass(frozen=True, slots=True)
class Grabbed:
    """A release handed to a client."""

    movie_id: int
    download_id: str | None
    client: DownloadClientDefinition
    title: str


@dataclass
class GrabReport:
    """What processing a search's decisions grabbed, and what failed."""

    grabbed: list[Grabbed] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A few words for a command's message."""
        text = f"grabbed {len(self.grabbed)}"
        if self.failures:
            text += f" (not grabbed: {'; '.join(self.failures[:3])})"
        return text


class GrabService:
    """Sends decided releases to download clients and records each grab in history."""

    def __init__(
        self,
        clients: DownloadClientService,
        indexers: IndexerService,
        history: HistoryService,
        decision_log: DecisionLog,
        bus: EventBus,
        clock: Clock,
    ) -> None:
        self._clients = clients
        self._indexers = indexers
        self._history = history
        self._decision_log = decision_log
        self._bus = bus
        self._clock = clock
        self._turns = RoundRobin()

    async def grab(self, decision: Decision, *, source: Source) -> Grabbed:
        """Send one release to the client that should take it.

        ReleaseUnavailable or GrabFailed when this release cannot be had (the next may be tried),
        ClientUnavailable or NoDownloadClient when no release of its protocol can go now.
        """
        subject, release = decision.subject, decision.release
        if subject is None or decision.parsed is None:
            raise GrabFailed(f"{release.title} is not matched to a film")
        movie, now = subject.movie, self._clock()
        definitions = await self._clients.providers.all()
        statuses = await self._clients.statuses.of(d.id for d in definitions)
        indexer_definition = next((d for d in await self._indexers.all() if d.id == release.indexer_id), None)
        info = self._indexers.info(indexer_definition) if indexer_definition is not None else None
        definition = choose_client(
            definitions,
            release.protocol,
            protocol_of=lambda d: self._clients.providers.implementation(d).protocol,
            statuses=statuses,
            now=now,
            tags=movie.tags,
            indexer_client_id=info.download_client_id if info is not None else 0,
            turns=self._turns,
        )
        indexer = self._indexers.instance(indexer_definition) if indexer_definition else None
        request = await fetch_grab(release, indexer, recent=is_recent(movie, now))
        if release.protocol is DownloadProtocol.TORRENT and info is not None:
            request = replace(request, seed_ratio=info.seed_ratio, seed_time_minutes=info.seed_time)
        client = self._clients.providers.instance(definition)
        try:
            download_id = await client.download(request)
        except DownloadClientUnavailable as error:
            await self._clients.statuses.record_failure(definition.id, str(error))
            raise ClientUnavailable(f"{definition.name}: {error}") from error
        except DownloadRejected as error:
            raise GrabFailed(f"{definition.name} refused {release.title}: {error}") from error
        await self._clients.statuses.record_success(definition.id)
        await self._record(decision, definition, download_id, source, request.info_hash)
        waiting = await self._decision_log.pending(movie.id)
        await self._decision_log.mark_grabbed(movie.id, release.indexer_id, release.guid)
        if await self._drop_superseded(decision, waiting):
            await self._bus.publish(QueueChanged())
        log.info("Grabbed %s for %s (%s) with %s", release.title, movie.title, movie.year, definition.name)
        return Grabbed(movie.id, download_id, definition, release.title)

    async def _drop_superseded(self, grabbed: Decision, waiting: Sequence[LoggedDecision]) -> bool:
        """Radarr's RemoveGrabbed: the film's releases that waited and are no better than the one grabbed
        stop waiting (better ones wait on, the next RSS sync decides them); whether the queue changed."""
        subject, parsed = grabbed.subject, grabbed.parsed
        assert subject is not None
        assert parsed is not None
        key = (grabbed.release.indexer_id, grabbed.release.guid)
        superseded = []
        was_waiting = False
        for entry in waiting:
            if (entry.release.indexer_id, entry.release.guid) == key:
                was_waiting = True
                continue
            other = parse_title(entry.release.title)
            if other is None or compare_models(subject.profile, parsed.quality, other.quality) >= 0:
                superseded.append(entry.id)
        await self._decision_log.supersede_waiting(superseded)
        return was_waiting or bool(superseded)

    async def _record(
        self,
        decision: Decision,
        definition: DownloadClientDefinition,
        download_id: str | None,
        source: Source,
        info_hash: str | None,
    ) -> None:
        subject, release, parsed = decision.subject, decision.release, decision.parsed
        assert subject is not None
        assert parsed is not None
        now = self._clock()
        implementation = self._clients.providers.implementation(definition)
        data = {
            "Indexer": release.indexer,
            "NzbInfoUrl": release.info_url or "",
            "ReleaseGroup": parsed.release_group or "",
            "Age": str(release.age_days(now)),
            "AgeHours": str(release.age_hours(now)),
            "AgeMinutes": str(release.age_minutes(now)),
            "PublishedDate": release.publish_date.isoformat(),
            "DownloadClient": implementation.implementation,
            "DownloadClientName": definition.name,
            "Size": str(release.size),
            "DownloadUrl": release.download_url,
            "Guid": release.guid,
            "TmdbId": str(release.tmdb_id),
            "ImdbId": release.imdb_id or "",
            "Protocol": str(_PROTOCOL_NUMBERS[release.protocol]),
            "CustomFormatScore": str(subject.format_score),
            "MovieMatchType": "Unknown",
            "ReleaseSource": source.value[:1].upper() + source.value[1:],
            "IndexerFlags": ", ".join(flag_names(release.indexer_flags)),
            "IndexerId": str(release.indexer_id),
            "ReleaseHash": parsed.release_hash or "",
            "TorrentInfoHash": info_hash or "",
        }
        await self._history.record(
            NewHistory(
                movie_id=subject.movie.id,
                event_type=HistoryEventType.GRABBED,
                source_title=release.title,
                quality=parsed.quality,
                date=now,
                languages=subject.languages,
                download_id=download_id,
                custom_formats=subject.formats,
                data=data,
            )
        )
        await self._bus.publish(
            MovieGrabbed(
                movie_id=subject.movie.id,
                download_id=download_id or "",
                download_client_id=definition.id,
                download_client=definition.name,
                release_title=release.title,
                indexer=release.indexer,
                quality=parsed.quality.quality.name,
            )
        )

    async def process(self, ranked: Sequence[Decision], *, source: Source) -> GrabReport:
        """Grab the best approved release of each film, trying the next when one cannot be had; the best
        release of a film whose protocol no client can take now waits for one (Radarr's
        ProcessDownloadDecisions)."""
        report = GrabReport()
        done: set[int] = set()
        waits: dict[int, ClientWait] = {}
        stopped: dict[DownloadProtocol, str] = {}
        try:
            for decision in ranked:
                movie_id = decision.movie_id
                if not decision.approved or movie_id is None or movie_id in done:
                    continue
                protocol = decision.release.protocol
                if protocol in stopped:
                    if movie_id not in waits:
                        waits[movie_id] = _client_wait(decision, movie_id, stopped[protocol])
                    continue
                try:
                    report.grabbed.append(await self.grab(decision, source=source))
                    done.add(movie_id)
                except (ClientUnavailable, NoDownloadClient) as error:
                    stopped[protocol] = str(error)
                    report.failures.append(str(error))
                    if movie_id not in waits:
                        waits[movie_id] = _client_wait(decision, movie_id, str(error))
                except GrabFailed as error:
                    report.failures.append(str(error))
        finally:
            # One transaction for them all: with no client for a protocol, every film's choice waits.
            await self._mark_waiting(waits, stopped)
        if waits or any(d.temporarily_rejected and d.movie_id is not None for d in ranked):
            # Releases began or went on waiting (Radarr's PendingReleasesUpdatedEvent): the queue lists them.
            await self._bus.publish(QueueChanged())
        return report

    async def _mark_waiting(self, waits: dict[int, ClientWait], stopped: dict[DownloadProtocol, str]) -> None:
        if not waits:
            return
        await self._decision_log.mark_waiting_for_client(list(waits.values()))
        for why in sorted(set(stopped.values())):
            count = sum(1 for w in waits.values() if w.message == why)
            log.info("%d release(s) wait for a download client: %s", count, why)
