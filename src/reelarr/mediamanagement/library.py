"""What the media management options do to the library when its files come and go: a film whose
file was deleted is unmonitored and its emptied folder removed; a missing film folder is created; a
rescanned film's file gets the date the fileDate option gives (Radarr's UpdateMovieFileService)."""

from __future__ import annotations

import asyncio
import logging
import os

from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.mediamanagement.attributes import file_date, parse_mode, set_file_date, set_permissions
from reelarr.mediamanagement.config import MediaManagementConfigService
from reelarr.mediamanagement.folders import create_movie_folder, remove_if_empty
from reelarr.movies.events import MovieFileDeleted, MovieScanned
from reelarr.movies.files import DeleteReason
from reelarr.movies.model import Movie
from reelarr.movies.service import MovieService

log = logging.getLogger(__name__)


class LibraryUpkeep:
    """Applies autoUnmonitorPreviouslyDownloadedMovies, deleteEmptyFolders and createEmptyMovieFolders."""

    def __init__(self, config: MediaManagementConfigService, movies: MovieService) -> None:
        self._config = config
        self._movies = movies

    def subscribe(self, bus: EventBus) -> None:
        """React to the file deletions of this process (the deleting process does the disk work)."""
        bus.subscribe(MovieFileDeleted, self.after_file_deleted)
        bus.subscribe(MovieScanned, self.after_scan)

    async def after_scan(self, event: MovieScanned) -> None:
        """Give the rescanned film's file the date the fileDate option says (none: leave it)."""
        config = await self._config.get()
        if config.file_date == "none" or event.movie_file_id is None:
            return
        try:
            movie = await self._movies.get(event.movie_id)
        except NotFound:
            return
        day = file_date(config.file_date, movie.in_cinemas, movie.physical_release, movie.digital_release)
        file = (await self._movies.files([movie.id])).get(movie.id)
        if day is None or file is None or file.id != event.movie_file_id:
            return
        path = os.path.join(movie.path, file.relative_path)
        try:
            await asyncio.to_thread(set_file_date, path, day)
        except OSError as error:
            log.warning("Could not set the date of %s: %s", path, error.strerror or error)

    async def after_file_deleted(self, event: MovieFileDeleted) -> None:
        """Radarr's reactions to a deleted file, an upgrade's excepted: unmonitor, drop the empty folder."""
        if event.reason == DeleteReason.UPGRADE:
            return
        config = await self._config.get()
        if not (config.auto_unmonitor_previously_downloaded_movies or config.delete_empty_folders):
            return
        try:
            movie = await self._movies.get(event.movie_id)
        except NotFound:
            return
        if config.auto_unmonitor_previously_downloaded_movies and movie.monitored:
            log.info("Unmonitoring %s (%s): its file was deleted", movie.title, movie.year)
            await self._movies.set_monitored([movie.id], False)
        if config.delete_empty_folders and movie.path:
            try:
                await asyncio.to_thread(remove_if_empty, movie.path)
            except OSError as error:
                log.warning("Could not delete the empty folder %s: %s", movie.path, error)

    async def create_missing_folder(self, movie: Movie) -> bool:
        """Create a film's missing folder when createEmptyMovieFolders is set (and deleteEmptyFolders,
        which would remove it again, is not); whether it was created."""
        config = await self._config.get()
        if not config.create_empty_movie_folders or config.delete_empty_folders or not movie.path:
            return False
        try:
            created = await asyncio.to_thread(create_movie_folder, movie.path)
            mode = parse_mode(config.chmod_folder) if config.set_permissions_linux else None
            if created and mode is not None:
                await asyncio.to_thread(set_permissions, movie.path, mode, config.chown_group.strip())
        except OSError as error:
            log.warning("Could not create the movie folder %s: %s", movie.path, error)
            return False
        return created
