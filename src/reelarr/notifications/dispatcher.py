"""Tells the notifications of what happened, off the path of whoever published it.

A handler on the bus only starts a background task and returns, so a grab or an import never waits
for a notification. The task reads what the payload needs, then sends to each notification that
wants the event; a failed send is tried again with back-off a few times, and each failure is kept in
the notification's status (NotificationStatusCheck shows it). Tasks are bounded: past `max_pending`
an event is dropped with a warning rather than piling up behind a dead receiver.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from reelarr.downloads.events import ManualInteractionRequired, MovieGrabbed
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.health.model import HealthResult
from reelarr.health.service import HealthChanged, HealthService
from reelarr.imports.events import MovieImported
from reelarr.jobs.queue import retry_delay
from reelarr.movies.events import MovieAdded, MovieFileGone, MovieGone
from reelarr.movies.model import MovieFile
from reelarr.notifications.app_update import VersionChange
from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.service import NotificationDefinition, NotificationService, wants
from reelarr.notifications.sources import EventSources
from reelarr.renaming.events import MovieFileRenamed

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]


class ReplacedFiles:
    """The files an upgrade replaced, kept from their MovieFileGone until the film's MovieImported (the
    importer publishes both, in that order, in one process) for the Download's `deletedFiles`."""

    def __init__(self, *, most: int = 100) -> None:
        self._by_movie: dict[int, list[MovieFile]] = {}
        self._most = most

    def add(self, file: MovieFile) -> None:
        """Keep a file an upgrade replaced."""
        if file.movie_id not in self._by_movie and len(self._by_movie) >= self._most:
            self._by_movie.pop(next(iter(self._by_movie)))  # an import that never finished
        self._by_movie.setdefault(file.movie_id, []).append(file)

    def take(self, movie_id: int, *, is_upgrade: bool) -> tuple[MovieFile, ...]:
        """The files the film's import replaced (none unless it was an upgrade), forgotten once taken."""
        found = tuple(self._by_movie.pop(movie_id, ()))
        return found if is_upgrade else ()


@dataclass(frozen=True, slots=True)
class Retries:
    """How often and how patiently a send is tried."""

    attempts: int = 3
    base_seconds: float = 2.0
    max_seconds: float = 60.0


class NotificationDispatcher:
    """Subscribes to the events notifications tell of and sends them in the background."""

    def __init__(
        self,
        notifications: NotificationService,
        sources: EventSources,
        health: HealthService,
        *,
        retries: Retries | None = None,
        max_pending: int = 200,
        health_grace_seconds: float = 0.0,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._notifications = notifications
        self._sources = sources
        self._health = health
        self._retries = retries or Retries()
        self._max_pending = max_pending
        self._sleep = sleep
        self._tasks: set[asyncio.Task[object]] = set()
        self._rng = random.Random()  # noqa: S311 - jitter, not security
        self._known_problems: dict[str, HealthResult] = {}
        self._replaced = ReplacedFiles()
        self._health_grace = health_grace_seconds
        self._health_told = False  # health is told once the start-up grace has passed

    def _handlers(self) -> list[tuple[type[Any], Callable[[Any], Awaitable[None]]]]:
        return [
            (MovieGrabbed, self._grabbed),
            (MovieImported, self._imported),
            (MovieFileRenamed, self._renamed),
            (MovieAdded, self._added),
            (MovieGone, self._movie_gone),
            (MovieFileGone, self._file_gone),
            (HealthChanged, self._health_changed),
            (ManualInteractionRequired, self._blocked),
        ]

    def subscribe(self, bus: EventBus) -> None:
        """Listen to this process's events (another process tells of its own)."""
        for event, handler in self._handlers():
            bus.subscribe(event, handler)

    def unsubscribe(self, bus: EventBus) -> None:
        """Stop listening: the process tells no one of its events (an import of a whole library)."""
        for event, handler in self._handlers():
            bus.unsubscribe(event, handler)

    @property
    def pending(self) -> int:
        """Events and sends under way."""
        return len(self._tasks)

    async def _grabbed(self, event: MovieGrabbed) -> None:
        self._spawn(self._tell(EventKind.GRAB, lambda: self._sources.grab(event)))

    async def _imported(self, event: MovieImported) -> None:
        replaced = self._replaced.take(event.movie_id, is_upgrade=event.is_upgrade)
        self._spawn(self._tell(EventKind.DOWNLOAD, lambda: self._sources.download(event, replaced)))

    async def _blocked(self, event: ManualInteractionRequired) -> None:
        kind = EventKind.MANUAL_INTERACTION_REQUIRED
        self._spawn(self._tell(kind, lambda: self._sources.manual_interaction(event)))

    async def _renamed(self, event: MovieFileRenamed) -> None:
        self._spawn(self._tell(EventKind.RENAME, lambda: self._sources.rename(event)))

    async def _added(self, event: MovieAdded) -> None:
        self._spawn(self._tell(EventKind.MOVIE_ADDED, lambda: self._sources.movie_added(event)))

    async def _movie_gone(self, event: MovieGone) -> None:
        self._spawn(self._tell(EventKind.MOVIE_DELETE, lambda: self._sources.movie_delete(event)))

    async def _file_gone(self, event: MovieFileGone) -> None:
        if event.reason == "upgrade":
            self._replaced.add(event.file)
        self._spawn(self._tell(EventKind.MOVIE_FILE_DELETE, lambda: self._sources.movie_file_delete(event)))

    def start(self) -> None:
        """Begin the start-up grace: health issues found in it are told once it ends, if they remain
        (as Radarr does, so that a client still starting does not raise an alarm on every restart)."""
        task = asyncio.get_running_loop().create_task(self._end_grace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _end_grace(self) -> None:
        await self._sleep(self._health_grace)
        self._health_told = True
        await self._health_changed(HealthChanged())

    def application_updated(self, change: VersionChange) -> None:
        """Tell the notifications that want it that a new version runs (Radarr's OnApplicationUpdate)."""
        event = self._sources.application_update(change)
        self._spawn(self._tell(EventKind.APPLICATION_UPDATE, _ready(event)))

    async def _health_changed(self, _event: HealthChanged) -> None:
        if not self._health_told:
            return
        now = {problem.source: problem for problem in self._health.last}
        found = [p for source, p in now.items() if source not in self._known_problems]
        gone = [p for source, p in self._known_problems.items() if source not in now]
        self._known_problems = now
        for problem in found:
            self._spawn(self._tell(EventKind.HEALTH, _ready(self._sources.health(problem, restored=False))))
        for problem in gone:
            self._spawn(
                self._tell(EventKind.HEALTH_RESTORED, _ready(self._sources.health(problem, restored=True)))
            )

    def _spawn(self, work: Coroutine[Any, Any, object]) -> None:
        if len(self._tasks) >= self._max_pending:
            work.close()
            log.warning("Dropped a notification: %d are still being sent", len(self._tasks))
            return
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _tell(self, kind: EventKind, build: Callable[[], Awaitable[NotificationEvent]]) -> None:
        try:
            targets = await self._notifications.targets(kind)
            if not targets:
                return
            event = await build()
        except NotFound as error:  # the film or file went away before it could be told of
            log.info("Did not send the %s notification: %s", kind.value, error)
            return
        except Exception:
            log.exception("Could not prepare the %s notification", kind.value)
            return
        for definition in targets:
            if wants(definition, self._notifications.supported(definition), event):
                self._spawn(self.deliver(definition, event))

    async def deliver(self, definition: NotificationDefinition, event: NotificationEvent) -> bool:
        """Send one event to one notification, trying again with back-off; whether it arrived."""
        retries = self._retries
        for attempt in range(1, retries.attempts + 1):
            try:
                await self._notifications.providers.instance(definition).send(event)
            except NotificationFailed as error:
                message = str(error)
            except Exception as error:
                log.exception("Notification %s crashed sending %s", definition.name, event.kind.value)
                message = f"Unexpected error: {type(error).__name__}"
            else:
                await self._notifications.statuses.record_success(definition.id)
                return True
            await self._notifications.statuses.record_failure(definition.id, message)
            log.warning(
                "Unable to send %s to %s (attempt %d of %d): %s",
                event.summary or event.kind.value,
                definition.name,
                attempt,
                retries.attempts,
                message,
            )
            if attempt < retries.attempts:
                await self._sleep(retry_delay(attempt, retries.base_seconds, retries.max_seconds, self._rng))
        return False

    async def stop(self) -> None:
        """Cancel what is still being sent (at shutdown)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _ready(event: NotificationEvent) -> Callable[[], Awaitable[NotificationEvent]]:
    async def build() -> NotificationEvent:
        return event

    return build
