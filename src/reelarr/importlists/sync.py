"""ImportListSync (Radarr's ImportListSyncService): fetch the lists that are due, keep what each offers,
add the films of the lists that add on their own, and clean the library up when every list is whole."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from reelarr.errors import ReelarrError, RemoteError
from reelarr.importlists.base import ImportListFailed, SignInRefused
from reelarr.importlists.cleanup import (
    FETCH_EMPTY,
    FETCH_FAILED,
    FETCH_OK,
    FETCH_TRUNCATED,
    CleanupAction,
    hold_reason,
    plan,
)
from reelarr.importlists.config import ImportListConfigService
from reelarr.importlists.model import ListSyncLevel, MonitorType, OfferedMovie, SyncReport
from reelarr.importlists.offered import OfferedMovies
from reelarr.importlists.removal import recycle_folder
from reelarr.importlists.resolve import FindByImdb, SearchByTitle, resolve
from reelarr.importlists.service import ImportListDefinition, ImportListService
from reelarr.movies.changes import MovieChanges
from reelarr.movies.model import AddMethod
from reelarr.movies.service import AddMovie, MovieService

log = logging.getLogger(__name__)
LAST_FETCH = "lastFetch"
SIGN_IN_REFUSED = "signInRefused"  # whether the last failed fetch was the service refusing the sign-in
Progress = Callable[[str], Awaitable[None]]
ExcludedIds = Callable[[], Awaitable[set[int]]]
RecycleBin = Callable[[], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class CleanupPreview:
    """What a sync's clean-up would do now: the level, why it would not act (if so), and the films."""

    level: ListSyncLevel
    held: str | None
    actions: list[CleanupAction]


async def _quiet(_message: str) -> None:
    return None


def add_request(definition: ImportListDefinition, tmdb_id: int) -> AddMovie:
    """How a list adds a film: its profile, root folder, availability, tags, monitor and search choice
    (`movieAndCollection` also monitors the collection the film belongs to, as Radarr's post-add does)."""
    options = definition.options
    monitored = options.monitor != MonitorType.NONE
    return AddMovie(
        tmdb_id=tmdb_id,
        quality_profile_id=options.quality_profile_id,
        root_folder_path=options.root_folder_path,
        monitored=monitored,
        minimum_availability=options.minimum_availability,
        tags=definition.tags,
        search_for_movie=monitored and options.search_on_add,
        monitor_collection=options.monitor == MonitorType.MOVIE_AND_COLLECTION,
        add_method=AddMethod.LIST,
    )


class ImportListSync:
    """Runs a sync of every due list (or one list), and previews the clean-up."""

    def __init__(
        self,
        lists: ImportListService,
        offered: OfferedMovies,
        config: ImportListConfigService,
        movies: MovieService,
        excluded_ids: ExcludedIds,
        lookups: tuple[FindByImdb, SearchByTitle],
        recycle_bin: RecycleBin,
        clock: Callable[[], datetime],
    ) -> None:
        self._lists = lists
        self._offered = offered
        self._config = config
        self._movies = movies
        self._excluded_ids = excluded_ids
        self._find_by_imdb, self._search = lookups
        self._recycle_bin = recycle_bin
        self._clock = clock
        self._running = asyncio.Lock()  # one sync at a time in this process (Radarr's IsTypeExclusive)

    async def run(self, list_id: int | None = None, *, progress: Progress = _quiet) -> SyncReport:
        """Sync every enabled list that is due (or the one asked for, due or not); clean up after a
        sync of all lists only."""
        async with self._running:
            report = SyncReport()
            enabled = await self._lists.enabled()
            chosen = [d for d in enabled if d.id == list_id] if list_id is not None else enabled
            fetched: list[tuple[ImportListDefinition, list[OfferedMovie]]] = []
            for definition in chosen:
                found = await self._sync_one(definition, report, due_only=list_id is None, progress=progress)
                if found is not None:
                    fetched.append((definition, found))
            await self._add(fetched, report, progress)
            if list_id is None and report.synced_lists:
                await self._clean(enabled, report, progress)
            elif list_id is None:
                report.cleanup_held = "no list was synced"
            return report

    async def _sync_one(
        self, definition: ImportListDefinition, report: SyncReport, *, due_only: bool, progress: Progress
    ) -> list[OfferedMovie] | None:
        now = self._clock()
        implementation = self._lists.implementation(definition)
        last = await self._lists.last_sync(definition.id)
        if due_only and last is not None and now < last + implementation.min_refresh_interval:
            report.skipped_lists.append(definition.id)
            return None
        if (await self._lists.statuses.get(definition.id)).disabled(now):
            report.failed_lists.append(definition.id)  # backed off: not fetched, and not trusted
            return None
        await progress(f"Syncing Movies for Import List {definition.name}")
        try:
            fetch = await self._lists.providers.instance(definition).fetch()
            movies = await resolve(definition.id, fetch.items, self._find_by_imdb, self._search)
        except (ImportListFailed, RemoteError) as error:
            message = error.message if isinstance(error, RemoteError) else str(error)
            log.warning("Import list %s failed: %s", definition.name, message)
            await self._failed(definition.id, message, report, sign_in=isinstance(error, SignInRefused))
            return None
        except Exception as error:  # a list must not stop the others; no detail that may hold a secret
            log.exception("Import list %s failed unexpectedly", definition.name)
            await self._failed(definition.id, f"Unexpected error: {type(error).__name__}", report)
            return None
        await self._lists.statuses.record_success(definition.id)
        await self._lists.mark_synced(definition.id)
        await self._offered.replace(definition.id, movies)
        state = FETCH_OK
        if not fetch.items:
            state = FETCH_EMPTY
            report.empty_lists.append(definition.id)
        elif fetch.truncated:
            state = FETCH_TRUNCATED
            report.truncated_lists.append(definition.id)
        await self._lists.statuses.set_data(definition.id, LAST_FETCH, state)
        report.synced_lists.append(definition.id)
        return movies

    async def _failed(self, list_id: int, message: str, report: SyncReport, *, sign_in: bool = False) -> None:
        # The notes first, so that whoever sees the failure (health, the clean-up) finds them with it.
        await self._lists.statuses.set_data(list_id, LAST_FETCH, FETCH_FAILED)
        await self._lists.statuses.set_data(list_id, SIGN_IN_REFUSED, sign_in)
        await self._lists.statuses.record_failure(list_id, message)
        report.failed_lists.append(list_id)

    async def _add(
        self,
        fetched: list[tuple[ImportListDefinition, list[OfferedMovie]]],
        report: SyncReport,
        progress: Progress,
    ) -> None:
        """Add the films of the auto lists that are neither in the library nor excluded."""
        wanted = {m.tmdb_id for d, found in fetched if d.options.enable_auto for m in found}
        if not wanted:
            return
        existing = set(await self._movies.by_tmdb_ids(wanted))
        excluded = await self._excluded_ids()
        requests: dict[int, AddMovie] = {}
        for definition, found in fetched:
            if not definition.options.enable_auto:
                continue
            for movie in found:
                tmdb_id = movie.tmdb_id
                if tmdb_id in existing or tmdb_id in excluded or tmdb_id in requests:
                    continue
                requests[tmdb_id] = add_request(definition, tmdb_id)
        if not requests:
            return
        await progress(f"Adding {len(requests)} movies from your auto enabled lists to library")
        outcome = await self._movies.add_each(list(requests.values()))
        report.added.extend(movie.tmdb_id for movie in outcome.added)

    async def _last_fetches(self, enabled: Iterable[ImportListDefinition]) -> dict[str, str | None]:
        definitions = list(enabled)
        statuses = await self._lists.statuses.of(d.id for d in definitions)
        now = self._clock()
        found: dict[str, str | None] = {}
        for definition in definitions:
            status = statuses[definition.id]
            state = (status.data or {}).get(LAST_FETCH)
            found[definition.name] = FETCH_FAILED if status.disabled(now) else state
        return found

    async def preview(self) -> CleanupPreview:
        """What the clean-up would do if a sync of all lists ran now and every list answered as it last
        did; `held` says why it would do nothing."""
        level = (await self._config.get()).level
        enabled = await self._lists.enabled()
        held = hold_reason(await self._last_fetches(enabled))
        # Every list's films count, as in Radarr: disabling a list does not make its films leave.
        offered = await self._offered.of_lists(d.id for d in await self._lists.providers.all())
        actions = plan(await self._movies.all(), offered, level)
        return CleanupPreview(level, held, actions)

    async def _clean(
        self, enabled: list[ImportListDefinition], report: SyncReport, progress: Progress
    ) -> None:
        preview = await self.preview()
        if preview.level == ListSyncLevel.DISABLED:
            report.cleanup_held = "the list sync level is disabled"
            return
        if preview.held:
            report.cleanup_held = preview.held
            log.info("List clean-up not run: %s", preview.held)
            return
        if preview.actions:
            await progress(f"Cleaning library: {len(preview.actions)} film(s) are on no list")
        tag = (await self._config.get()).list_sync_tag
        for action in preview.actions:
            try:
                await self._apply(action, tag)
            except ReelarrError as error:
                log.warning("List clean-up of %s (%s) failed: %s", action.title, action.year, error)
                continue
            report.cleaned.append(action.movie_id)

    async def _apply(self, action: CleanupAction, tag: int) -> None:
        movie = await self._movies.get(action.movie_id)
        level = action.action
        tags = tuple(sorted({*movie.tags, tag})) if tag else None
        if level == ListSyncLevel.LOG_ONLY:
            log.info(
                "%s (%s) was in your library, but not found in your lists --> "
                "You might want to unmonitor or remove it",
                movie.title,
                movie.year,
            )
            if tags is not None and tags != movie.tags:
                await self._movies.update(movie.id, MovieChanges(tags=tags))
        elif level == ListSyncLevel.KEEP_AND_UNMONITOR:
            log.info(
                "%s (%s) is on no list --> Keeping in library but Unmonitoring it", movie.title, movie.year
            )
            await self._movies.update(movie.id, MovieChanges(monitored=False, tags=tags))
        elif level == ListSyncLevel.REMOVE_AND_KEEP:
            log.info(
                "%s (%s) is on no list --> Removing from library (keeping files)", movie.title, movie.year
            )
            await self._movies.delete(movie.id, delete_files=False, add_exclusion=False)
        elif level == ListSyncLevel.REMOVE_AND_DELETE:
            await self._remove_and_recycle(movie.id, movie.title, movie.year, movie.path)

    async def _remove_and_recycle(self, movie_id: int, title: str, year: int, path: str) -> None:
        """Remove the film; its files go to the recycle bin, or stay where they are when none is set."""
        bin_folder = await self._recycle_bin()
        if not bin_folder:
            log.warning(
                "%s (%s) is on no list --> Removing from library; its files are kept: no recycle bin is set",
                title,
                year,
            )
            await self._movies.delete(movie_id, delete_files=False, add_exclusion=False)
            return
        log.info("%s (%s) is on no list --> Removing from library, files to the recycle bin", title, year)
        await self._movies.delete(movie_id, delete_files=False, add_exclusion=False)
        moved = await asyncio.to_thread(recycle_folder, path, bin_folder)
        log.info("Moved %d file(s) of %s (%s) to the recycle bin", moved, title, year)
