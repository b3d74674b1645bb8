"""Torrent and usenet blackholes as download clients, as Radarr's TorrentBlackhole and UsenetBlackhole:
a grab writes the .torrent, magnet or .nzb into a folder another program watches, and what that
program finishes in the watch folder is imported."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from typing import Any, ClassVar

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    GrabRequest,
)
from reelarr.downloadclients.blackhole.settings import TorrentBlackholeSettings, UsenetBlackholeSettings
from reelarr.downloadclients.blackhole.watch import WatchFolder
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.naming.cleanup import clean_file_name
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition


def folder_failure(name: str, folder: str) -> ValidationFailure | None:
    """Radarr's TestFolder: the folder exists and Reelarr may write in it."""
    if not os.path.isdir(folder):
        return ValidationFailure(name, "Folder does not exist", folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return ValidationFailure(name, "Unable to write to folder", folder)
    return None


def drop(folder: str, filename: str, content: bytes) -> str:
    """Write a file into a blackhole folder whole: under a hidden temporary name, then renamed, so the
    watching program never reads half of it. Its path."""
    target = os.path.join(folder, filename)
    handle, staging = tempfile.mkstemp(prefix=".reelarr-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(staging, target)
    except BaseException:
        if os.path.exists(staging):
            os.remove(staging)
        raise
    return target


class _Blackhole(DownloadClient):
    """What both blackholes share: the watch folder as the list of downloads."""

    watch_folder: str
    can_move: bool

    def _watch(self) -> WatchFolder:
        options = self.definition.options
        removes = isinstance(options, DownloadClientOptions) and options.remove_completed_downloads
        return WatchFolder(self.watch_folder, self.definition.name, self.can_move, removes)

    async def check_connection(self) -> None:
        """The watch folder is there to be read."""
        if not await asyncio.to_thread(os.path.isdir, self.watch_folder):
            raise DownloadClientUnavailable(f"The watch folder {self.watch_folder} does not exist")

    async def items(self) -> list[DownloadItem]:
        """The folders and video files in the watch folder."""
        await self.check_connection()
        try:
            return await asyncio.to_thread(self._watch().items, time.time())
        except OSError as error:
            raise DownloadClientUnavailable(f"Unable to read the watch folder: {error.strerror}") from error

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Delete the download from the watch folder; a blackhole cannot forget a download and keep
        its data, so without `delete_data` nothing is done (Radarr refuses the same way)."""
        if delete_data:
            await asyncio.to_thread(self._watch().remove, download_id)

    async def status(self) -> ClientStatus:
        """The watch folder is where downloads come out."""
        return ClientStatus(output_folders=(self.watch_folder,))

    async def _drop(self, folder: str, filename: str, content: bytes) -> None:
        try:
            await asyncio.to_thread(drop, folder, filename, content)
        except OSError as error:
            raise DownloadClientUnavailable(f"Unable to write to {folder}: {error.strerror}") from error


class TorrentBlackhole(_Blackhole):
    """Writes .torrent files (and magnet links, when asked) for a torrent program to pick up."""

    implementation: ClassVar[str] = "TorrentBlackhole"
    implementation_name: ClassVar[str] = "Torrent Blackhole"
    settings_model: ClassVar[type[TorrentBlackholeSettings]] = TorrentBlackholeSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.TORRENT

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, TorrentBlackholeSettings)
        self.settings: TorrentBlackholeSettings = definition.settings
        self.watch_folder = self.settings.watch_folder
        self.can_move = not self.settings.read_only

    async def test(self) -> list[ValidationFailure]:
        """Both folders exist and may be written."""
        return [
            f
            for f in (
                await asyncio.to_thread(folder_failure, "torrentFolder", self.settings.torrent_folder),
                await asyncio.to_thread(folder_failure, "watchFolder", self.settings.watch_folder),
            )
            if f is not None
        ]

    async def download(self, grab: GrabRequest) -> str | None:
        """Write `<title>.torrent` (or `<title>.magnet`) into the torrent folder; no download id."""
        title = clean_file_name(grab.title)
        if grab.torrent is not None:
            await self._drop(self.settings.torrent_folder, f"{title}.torrent", grab.torrent)
        elif grab.magnet is not None and self.settings.save_magnet_files:
            extension = self.settings.magnet_file_extension.strip().strip(".")
            await self._drop(self.settings.torrent_folder, f"{title}.{extension}", grab.magnet.encode())
        else:
            raise DownloadRejected("Blackhole does not support magnet links.")
        return None


class UsenetBlackhole(_Blackhole):
    """Writes .nzb files for a usenet program to pick up."""

    implementation: ClassVar[str] = "UsenetBlackhole"
    implementation_name: ClassVar[str] = "Usenet Blackhole"
    settings_model: ClassVar[type[UsenetBlackholeSettings]] = UsenetBlackholeSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.USENET

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, UsenetBlackholeSettings)
        self.settings: UsenetBlackholeSettings = definition.settings
        self.watch_folder = self.settings.watch_folder
        self.can_move = True  # Radarr: usenet downloads are always moved

    async def test(self) -> list[ValidationFailure]:
        """Both folders exist and may be written."""
        return [
            f
            for f in (
                await asyncio.to_thread(folder_failure, "nzbFolder", self.settings.nzb_folder),
                await asyncio.to_thread(folder_failure, "watchFolder", self.settings.watch_folder),
            )
            if f is not None
        ]

    async def download(self, grab: GrabRequest) -> str | None:
        """Write `<title>.nzb` into the NZB folder; no download id."""
        if grab.nzb is None:
            raise DownloadRejected("No NZB to write")
        await self._drop(self.settings.nzb_folder, f"{clean_file_name(grab.title)}.nzb", grab.nzb)
        return None
