"""rTorrent as a download client: its test, its reachability, adding releases, reading and removing
its torrents and labelling imported ones, as Radarr's RTorrent does them over XML-RPC."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar, TypeVar

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    GrabRequest,
)
from reelarr.downloadclients.rtorrent.settings import RTorrentSettings
from reelarr.downloadclients.rtorrent.torrents import (
    FIELDS,
    SEED_RATIO_KEY,
    SEED_TIME_KEY,
    MalformedTorrent,
    Torrent,
    item_of,
    torrent_of,
)
from reelarr.downloadclients.rtorrent.xmlrpc import (
    RTorrentAuthFailed,
    RTorrentError,
    RTorrentFault,
    RTorrentRpc,
    RTorrentUnavailable,
)
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.downloadclients.torrents import InvalidTorrent, torrent_info_hash
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition

log = logging.getLogger(__name__)
T = TypeVar("T")
MINIMUM_VERSION = (0, 9, 0)
_AUTHENTICATION_FAILURE = "Authentication failure: check rTorrent's user name and password"
_UNKNOWN_HASH = "Could not find info-hash"


def parse_version(text: str) -> tuple[int, ...] | None:
    """rTorrent's version ("0.9.8") as numbers, or None when it is not one."""
    parts = text.strip().split(".")
    if not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


class RTorrent(DownloadClient):
    """rTorrent 0.9 and later through its XML-RPC (an HTTP-to-SCGI bridge such as nginx's or
    ruTorrent's RPC2)."""

    implementation: ClassVar[str] = "RTorrent"
    implementation_name: ClassVar[str] = "rTorrent"
    settings_model: ClassVar[type[RTorrentSettings]] = RTorrentSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.TORRENT

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, RTorrentSettings)
        self.settings: RTorrentSettings = definition.settings

    def _rpc(self) -> RTorrentRpc:
        return RTorrentRpc(self.settings.rpc_url(), self.settings.username, self.settings.password)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks: the connection and rTorrent's version (0.9.0 or later), then listing the
        torrents."""
        async with self._rpc() as rpc:
            failure = await _test_connection(rpc)
            if failure is not None:
                return [failure]
            try:
                await self._torrents(rpc)
            except (RTorrentError, MalformedTorrent) as error:
                return [ValidationFailure("", f"Failed to get the list of torrents: {error}")]
        return []

    async def check_connection(self) -> None:
        """Reach rTorrent and list its torrents, as Radarr's health check does."""
        await self._unavailable_on_error(self._torrents)

    async def download(self, grab: GrabRequest) -> str:
        """Load the torrent or magnet stopped, give it Reelarr's label, directory, priority and seed
        goals, then start it unless the settings say otherwise; its upper-case info hash."""
        info_hash = _info_hash(grab)
        async with self._rpc() as rpc:
            try:
                await self._load(rpc, grab)
                await self._wait_for(rpc, info_hash, grab.title)
                try:
                    await self._configure(rpc, info_hash, grab)
                    if not self.settings.add_stopped:
                        await rpc.call("d.start", info_hash)
                except RTorrentError:
                    await _erase_quietly(rpc, info_hash)  # half set up: a retry starts clean
                    raise
            except RTorrentFault as error:
                raise DownloadRejected(f"rTorrent refused the torrent: {error}") from None
            except RTorrentAuthFailed:
                raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
            except RTorrentError as error:
                raise DownloadClientUnavailable(str(error)) from None
        return info_hash

    async def items(self) -> list[DownloadItem]:
        """The torrents with Reelarr's label (all of them when there is none)."""
        torrents = await self._unavailable_on_error(self._torrents)
        options = self.definition.options
        remove_completed = isinstance(options, DownloadClientOptions) and options.remove_completed_downloads
        if self.settings.movie_imported_category:
            remove_completed = False  # Radarr: the post-import label keeps imported torrents
        for torrent in torrents:
            if torrent.output_path.startswith("."):
                raise DownloadClientUnavailable(
                    'Download paths must be absolute. Please specify variable "directory" in rTorrent.'
                )
        now = time.time()
        return [item_of(t, remove_completed=remove_completed, now=now) for t in torrents]

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Erase the torrent; with its data, its content is deleted here as Radarr does (rTorrent
        cannot delete files). One rTorrent no longer holds is gone already."""

        async def removing(rpc: RTorrentRpc) -> Torrent | None:
            info_hash = download_id.upper()
            try:
                torrent = await _torrent(rpc, info_hash) if delete_data else None
                await rpc.call("d.erase", info_hash)
            except RTorrentFault as error:
                if _UNKNOWN_HASH not in str(error):
                    raise
                return None
            return torrent

        torrent = await self._unavailable_on_error(removing)
        if torrent is not None and torrent.output_path:
            # rTorrent names the content in its own terms: a remote path mapping says where it is here.
            local = await self.paths.local_path(self.settings.host, torrent.output_path)
            await asyncio.to_thread(delete_content, local, torrent.name)

    async def mark_imported(self, download_id: str) -> None:
        """Give the torrent the post-import label, when there is one other than Reelarr's (it keeps
        seeding)."""
        label = self.settings.movie_imported_category
        if not label or label == self.settings.movie_category:
            return

        async def labelling(rpc: RTorrentRpc) -> None:
            await rpc.call("d.custom1.set", download_id.upper(), label)

        await self._unavailable_on_error(labelling)

    async def status(self) -> ClientStatus:
        """The output folder: the settings' directory, else rTorrent's default directory."""
        if self.settings.movie_directory.strip():
            return ClientStatus(output_folders=(self.settings.movie_directory.strip(),))

        async def default_directory(rpc: RTorrentRpc) -> str:
            return str(await rpc.call("directory.default") or "")

        folder = await self._unavailable_on_error(default_directory)
        return ClientStatus(output_folders=(folder,) if folder else ())

    async def _torrents(self, rpc: RTorrentRpc) -> list[Torrent]:
        """Radarr's GetTorrents: every torrent of the main view, those with Reelarr's label kept."""
        rows = await rpc.call("d.multicall2", "", "main", *FIELDS)
        if not isinstance(rows, list):
            raise RTorrentError("Unexpected answer to d.multicall2: not a list")
        try:
            torrents = [torrent_of(row) for row in rows]
        except MalformedTorrent as error:
            raise RTorrentError(f"Unexpected answer to d.multicall2: {error}") from None
        category = self.settings.movie_category
        return [t for t in torrents if not category or t.label == category]

    async def _unavailable_on_error(self, operation: Callable[[RTorrentRpc], Awaitable[T]]) -> T:
        """Run `operation` in one conversation; any failure is DownloadClientUnavailable."""
        async with self._rpc() as rpc:
            try:
                return await operation(rpc)
            except RTorrentAuthFailed:
                raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
            except RTorrentError as error:
                raise DownloadClientUnavailable(str(error)) from None

    async def _load(self, rpc: RTorrentRpc, grab: GrabRequest) -> None:
        # Loaded stopped, so the directory is set before anything is written.
        if grab.torrent is not None:
            await rpc.call("load.raw", "", grab.torrent)
        else:
            await rpc.call("load.normal", "", grab.magnet)

    async def _wait_for(self, rpc: RTorrentRpc, info_hash: str, title: str) -> None:
        """Radarr waits for rTorrent to show the torrent: a magnet without trackers it cannot use, or
        a torrent it refused, never shows up."""
        for _ in range(10):
            hashes = await rpc.call("download_list", "")
            if isinstance(hashes, list) and info_hash in (str(h).upper() for h in hashes):
                return
            await asyncio.sleep(0.1)
        raise DownloadRejected(f"rTorrent could not add {title}")

    async def _configure(self, rpc: RTorrentRpc, info_hash: str, grab: GrabRequest) -> None:
        # Each setting is its own call with typed arguments: nothing goes through rTorrent's command
        # parser, so a label or directory with commas or quotes stays what it is.
        if self.settings.movie_category:
            await rpc.call("d.custom1.set", info_hash, self.settings.movie_category)
        if self.settings.movie_directory.strip():
            await rpc.call("d.directory.set", info_hash, self.settings.movie_directory.strip())
        await rpc.call("d.priority.set", info_hash, self.settings.priority(recent=grab.recent))
        if grab.seed_ratio is not None:
            await rpc.call("d.custom.set", info_hash, SEED_RATIO_KEY, repr(float(grab.seed_ratio)))
        if grab.seed_time_minutes is not None:
            await rpc.call("d.custom.set", info_hash, SEED_TIME_KEY, str(int(grab.seed_time_minutes)))


def _info_hash(grab: GrabRequest) -> str:
    if grab.torrent is not None:
        try:
            return torrent_info_hash(grab.torrent)
        except InvalidTorrent as error:
            raise DownloadRejected(f"Not a torrent file: {error}") from None
    if grab.magnet is None or grab.info_hash is None:
        raise DownloadRejected("Neither a torrent file nor a magnet link with an info hash")
    return grab.info_hash.upper()


async def _erase_quietly(rpc: RTorrentRpc, info_hash: str) -> None:
    try:
        await rpc.call("d.erase", info_hash)
    except RTorrentError as error:
        log.warning("rTorrent kept a torrent Reelarr could not set up (%s): %s", info_hash, error)


async def _torrent(rpc: RTorrentRpc, info_hash: str) -> Torrent:
    rows = await rpc.call("d.multicall2", "", "main", *FIELDS)
    for row in rows if isinstance(rows, list) else []:
        try:
            torrent = torrent_of(row)
        except MalformedTorrent:
            continue
        if torrent.hash == info_hash:
            return torrent
    raise RTorrentFault(f"{_UNKNOWN_HASH}.", -501)


def delete_content(path: str, name: str) -> None:
    """Delete a torrent's content when it is here: only an absolute path named as the torrent is (an
    answer naming a folder above it, or the root, is never touched)."""
    if not os.path.isabs(path) or not name or os.path.basename(path.rstrip("/")) != name:
        log.warning("Not deleting the content of the rTorrent download %s at %s", name, path)
        return
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.remove(path)
    except OSError as error:
        log.warning("Could not delete %s: %s", path, error.strerror)


async def _test_connection(rpc: RTorrentRpc) -> ValidationFailure | None:
    """Radarr's TestConnection: rTorrent's version, or what kept the test from reading it."""
    try:
        version = str(await rpc.call("system.client_version"))
    except RTorrentAuthFailed:
        return ValidationFailure("username", "Authentication failure")
    except RTorrentUnavailable as error:
        return ValidationFailure("host", f"{error} Please verify the hostname and port.")
    except RTorrentError as error:
        return ValidationFailure("", f"Unable to connect to rTorrent: {error}")
    found = parse_version(version)
    if found is None or found < MINIMUM_VERSION:
        return ValidationFailure(
            "", f"rTorrent version should be at least 0.9.0. Version reported is {version}"
        )
    return None
