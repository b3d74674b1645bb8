"""Completed download handling (Radarr's CompletedDownloadService): every finished download of a known
film is imported; a refusal leaves it blocked in the queue with the reasons; an imported download
is handed back to its client (post-import category) and removed once the client says it may be."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reelarr.downloadclients.base import DownloadClientUnavailable
from reelarr.downloadclients.service import DownloadClientService
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.downloads.config import DownloadClientConfigService
from reelarr.downloads.tracking import StatusMessage, TrackedDownload, TrackedDownloads, TrackedState
from reelarr.errors import ReelarrError
from reelarr.imports.service import DownloadImporter, FinishedDownload, ImportInProgress
from reelarr.imports.transfer import TransferError
from reelarr.movies.service import MovieService
from reelarr.protocols import DownloadProtocol
from reelarr.remotepathmappings.service import RemotePathMappingService
from reelarr.rootfolders.library_overlap import library_overlap
from reelarr.rootfolders.service import RootFolders

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HandlingSummary:
    """What one pass of completed download handling did."""

    imported: int = 0
    blocked: int = 0
    removed: int = 0
    recovered: int = 0

    @property
    def message(self) -> str:
        """The pass in a few words, for the command's message."""
        parts = [f"{self.imported} imported"]
        if self.blocked:
            parts.append(f"{self.blocked} blocked")
        if self.removed:
            parts.append(f"{self.removed} removed from their client")
        if self.recovered:
            parts.append(f"{self.recovered} interrupted import(s) dealt with")
        return ", ".join(parts)


class CompletedDownloads:
    """Imports what the download clients finished."""

    def __init__(
        self,
        tracked: TrackedDownloads,
        importer: DownloadImporter,
        clients: DownloadClientService,
        config: DownloadClientConfigService,
        mappings: RemotePathMappingService,
        root_folders: RootFolders,
        movies: MovieService,
    ) -> None:
        self._tracked = tracked
        self._importer = importer
        self._clients = clients
        self._config = config
        self._mappings = mappings
        self._root_folders = root_folders
        self._movies = movies

    async def process(self) -> HandlingSummary:
        """One pass over the tracked downloads (after a refresh)."""
        config = await self._config.get()
        if not config.enable_completed_download_handling:
            return HandlingSummary()
        recovered = await self._importer.recover()
        imported = blocked = removed = 0
        for download in self._tracked.all():
            if download.client_unavailable:
                continue
            if download.state in (TrackedState.IMPORT_PENDING, TrackedState.IMPORT_BLOCKED):
                if await self._import(download, config.working_folders):
                    imported += 1
                else:
                    blocked += 1
            elif download.state is TrackedState.IMPORTED and await self._remove_when_done(download):
                removed += 1
        return HandlingSummary(imported, blocked, removed, recovered)

    async def _import(self, download: TrackedDownload, working_folders: tuple[str, ...]) -> bool:
        item = download.item
        if download.movie_id is None:
            return False  # the tracker already shows it as an unknown film
        if not item.output_path:
            await self._block(download, "Download has no output path; check the download client")
            return False
        finished = await self.finished_download(download, download.movie_id)
        overlap = library_overlap(finished.path, await self._root_folders.paths(), await self._movies.paths())
        if overlap is not None:
            log.warning("Not importing %s: %s", item.title, overlap)
            await self._block(download, overlap)
            return False
        await self._tracked.mark(download, TrackedState.IMPORTING)
        try:
            result = await self._importer.import_download(finished, working_folders)
        except ImportInProgress:
            await self._tracked.mark(download, TrackedState.IMPORT_PENDING)
            return False
        except (TransferError, OSError, ReelarrError) as error:
            log.warning("Import of %s failed: %s", item.title, error)
            await self._block(download, str(error))
            return False
        if result.imported_before:
            await self._tracked.mark(download, TrackedState.IMPORTED)
            return False
        if result.imported is None:
            log.info("Import of %s blocked: %s", item.title, "; ".join(result.messages))
            messages = tuple(StatusMessage(v.path, v.reasons) for v in result.verdicts if v.reasons)
            await self._tracked.mark(download, TrackedState.IMPORT_BLOCKED, messages)
            return False
        if finished.move:  # Radarr deletes the folder it moved a download from, when nothing is left
            await self._importer.clear_download_folder(finished.path)
        await self.handed_back(download)
        return True

    async def local_path(self, download: TrackedDownload) -> str:
        """Where a download's content is on this machine (the client's path, remote path mapped)."""
        definition = await self._clients.providers.get(download.client_id)
        # The client names the content in its own terms: a remote path mapping says where it is here.
        host = getattr(definition.settings, "host", None)
        output = download.item.output_path or ""
        return await self._mappings.local_path(host, output) if host else output

    async def finished_download(self, download: TrackedDownload, movie_id: int) -> FinishedDownload:
        """A tracked download as the importer takes it, for `movie_id` (its film, or a person's choice)."""
        item = download.item
        definition = await self._clients.providers.get(download.client_id)
        implementation = self._clients.providers.implementation(definition)
        return FinishedDownload(
            movie_id=movie_id,
            download_id=item.download_id,
            title=item.title,
            path=await self.local_path(download),
            move=download.protocol is DownloadProtocol.USENET or item.can_move_files,
            client=implementation.implementation,
            client_name=definition.name,
            quality=download.quality if download.added is not None else None,
            languages=download.languages,
            indexer=download.indexer or "",
            indexer_flags=download.indexer_flags,
        )

    async def handed_back(self, download: TrackedDownload) -> None:
        """Mark a download imported, here and in its client (its post-import category)."""
        await self._tracked.mark(download, TrackedState.IMPORTED)
        definition = await self._clients.providers.get(download.client_id)
        try:
            await self._clients.providers.instance(definition).mark_imported(download.item.download_id)
        except DownloadClientUnavailable as error:
            log.warning(
                "%s took no notice of the import of %s: %s", definition.name, download.item.title, error
            )

    async def _block(self, download: TrackedDownload, reason: str) -> None:
        messages = (StatusMessage(download.item.title, (reason,)),)
        await self._tracked.mark(download, TrackedState.IMPORT_BLOCKED, messages)

    async def _remove_when_done(self, download: TrackedDownload) -> bool:
        """Radarr removes an imported download once its client says it may (seeding goals met)."""
        if not download.item.can_be_removed:
            return False
        definition = await self._clients.providers.get(download.client_id)
        options = definition.options
        if not isinstance(options, DownloadClientOptions) or not options.remove_completed_downloads:
            return False
        try:
            await self._tracked.remove(download, delete_data=True)
        except DownloadClientUnavailable as error:
            log.warning("Could not remove the imported %s: %s", download.item.title, error)
            return False
        return True
