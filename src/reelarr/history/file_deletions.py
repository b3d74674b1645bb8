"""History of movie files deleted by hand or found gone from disk (Radarr's movieFileDeleted)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime

from reelarr.customformats.model import IndexerFlags
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.history.model import HistoryEventType, NewHistory
from reelarr.history.service import HistoryService
from reelarr.movies.events import MovieFileGone
from reelarr.movies.files import DeleteReason
from reelarr.movies.service import MovieService
from reelarr.releases.model import flag_names

log = logging.getLogger(__name__)


def radarr_reason(reason: str) -> str:
    """Radarr's DeleteMediaFileReason as its history writes it ("missingFromDisk" -> "MissingFromDisk")."""
    return reason[:1].upper() + reason[1:]


class FileDeletionHistory:
    """Records each movie file whose record went, with the reason, as Radarr's history does.

    An upgrade's replaced file is left to the import, which records it with the import it belongs to.
    """

    def __init__(self, history: HistoryService, movies: MovieService, clock: Callable[[], datetime]) -> None:
        self._history = history
        self._movies = movies
        self._clock = clock

    def subscribe(self, bus: EventBus) -> None:
        """Listen for files gone in this process (the event is not shared, so each is recorded once)."""
        bus.subscribe(MovieFileGone, self.file_gone)

    async def file_gone(self, event: MovieFileGone) -> None:
        """Record one deleted file (not an upgrade's)."""
        if event.reason == DeleteReason.UPGRADE:
            return
        file = event.file
        try:
            movie = await self._movies.get(file.movie_id)
        except NotFound:
            log.debug("Movie %s is gone; its file's deletion is not kept in history", file.movie_id)
            return
        await self._history.record(
            NewHistory(
                movie_id=file.movie_id,
                event_type=HistoryEventType.MOVIE_FILE_DELETED,
                source_title=os.path.join(movie.path, file.relative_path),
                quality=file.quality,
                date=self._clock(),
                languages=file.languages,
                data={
                    "Reason": radarr_reason(event.reason),
                    "ReleaseGroup": file.release_group or "",
                    "Size": str(file.size),
                    "IndexerFlags": ", ".join(flag_names(IndexerFlags(file.indexer_flags))),
                },
            )
        )
