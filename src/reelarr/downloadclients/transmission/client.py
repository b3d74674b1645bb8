"""Transmission as a download client: its test, its reachability, adding releases and reading its
torrents, as Radarr's Transmission (TransmissionBase) does them."""

from __future__ import annotations

import base64
import logging
from typing import Any, ClassVar

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    GrabRequest,
)
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.downloadclients.transmission.rpc import (
    TransmissionAuthFailed,
    TransmissionError,
    TransmissionRefused,
    TransmissionRpc,
    TransmissionUnavailable,
)
from reelarr.downloadclients.transmission.settings import FIRST, TransmissionSettings
from reelarr.downloadclients.transmission.torrents import (
    FIELDS,
    SessionLimits,
    belongs,
    client_version,
    item_of,
    supports_labels,
)
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition

log = logging.getLogger(__name__)
MINIMUM_VERSION = (2, 40)
_AUTHENTICATION_FAILURE = "Authentication failure: check the username and password"


class Transmission(DownloadClient):
    """Transmission's RPC (Transmission 2.40 and later)."""

    implementation: ClassVar[str] = "Transmission"
    implementation_name: ClassVar[str] = "Transmission"
    settings_model: ClassVar[type[TransmissionSettings]] = TransmissionSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.TORRENT

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, TransmissionSettings)
        self.settings: TransmissionSettings = definition.settings

    def _rpc(self) -> TransmissionRpc:
        return TransmissionRpc(self.settings.rpc_url(), self.settings.username, self.settings.password)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks: the connection and Transmission's version, then listing the torrents."""
        async with self._rpc() as rpc:
            failure = await _test_connection(rpc)
            if failure is not None:
                return [failure]
            try:
                await rpc.call("torrent-get", {"fields": list(FIELDS)})
            except TransmissionError as error:
                return [ValidationFailure("", f"Failed to get the list of torrents: {error}")]
        return []

    async def check_connection(self) -> None:
        """Reach Transmission and list its torrents, as Radarr's health check does."""
        async with self._rpc() as rpc:
            await _unavailable_on_error(rpc, "torrent-get", {"fields": ["id"]})

    async def download(self, grab: GrabRequest) -> str:
        """Add the torrent (paused when the settings say so) in Reelarr's directory, then its seed
        goals and its place in the queue; its upper-case info hash."""
        if grab.info_hash is None or (grab.torrent is None and grab.magnet is None):
            raise DownloadRejected("Neither a torrent file nor a magnet link with an info hash")
        info_hash = grab.info_hash.upper()
        async with self._rpc() as rpc:
            arguments = await self._add_arguments(rpc, grab)
            try:
                await rpc.call("torrent-add", arguments)
            except TransmissionRefused as error:
                raise DownloadRejected(f"Transmission refused the torrent: {error}") from None
            except TransmissionAuthFailed:
                raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
            except TransmissionError as error:
                raise DownloadClientUnavailable(str(error)) from None
            await self._after_adding(rpc, info_hash.lower(), grab)
        return info_hash

    async def items(self) -> list[DownloadItem]:
        """The torrents in Reelarr's category or directory."""
        async with self._rpc() as rpc:
            session = await _unavailable_on_error(rpc, "session-get")
            answer = await _unavailable_on_error(rpc, "torrent-get", {"fields": list(FIELDS)})
        labels = supports_labels(client_version(str(session.get("version", ""))))
        options = self.definition.options
        remove_completed = isinstance(options, DownloadClientOptions) and options.remove_completed_downloads
        if self.settings.movie_imported_category and labels:
            remove_completed = False  # Radarr: the post-import category keeps imported torrents
        limits = SessionLimits.of(session)
        return [
            item_of(torrent, self.settings, limits, remove_completed=remove_completed)
            for torrent in answer.get("torrents", [])
            if belongs(torrent, self.settings, labels=labels)
        ]

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Remove the torrent, with its files when asked."""
        arguments = {"ids": [download_id.lower()], "delete-local-data": delete_data}
        async with self._rpc() as rpc:
            await _unavailable_on_error(rpc, "torrent-remove", arguments)

    async def status(self) -> ClientStatus:
        """Radarr's output folder: where Reelarr's torrents are put (the settings' directory, the
        category under Transmission's own, else Transmission's)."""
        async with self._rpc() as rpc:
            folder = await self._download_directory(rpc)
            if not folder:
                session = await _unavailable_on_error(rpc, "session-get")
                folder = str(session.get("download-dir", ""))
        return ClientStatus(output_folders=(folder,) if folder else ())

    async def _add_arguments(self, rpc: TransmissionRpc, grab: GrabRequest) -> dict[str, Any]:
        arguments: dict[str, Any] = {"paused": self.settings.add_paused}
        if grab.torrent is not None:
            arguments["metainfo"] = base64.b64encode(grab.torrent).decode("ascii")
        else:
            arguments["filename"] = grab.magnet
        directory = await self._download_directory(rpc)
        if directory:
            arguments["download-dir"] = directory
        if self.settings.movie_category:
            arguments["labels"] = [self.settings.movie_category]  # kept from Transmission 4.0 on
        return arguments

    async def _download_directory(self, rpc: TransmissionRpc) -> str | None:
        """Radarr's GetDownloadDirectory: the settings' directory, else the category under
        Transmission's own download directory, else Transmission's choice."""
        if self.settings.movie_directory.strip():
            return self.settings.movie_directory.strip()
        if not self.settings.movie_category:
            return None
        session = await _unavailable_on_error(rpc, "session-get")
        return f"{str(session.get('download-dir', '')).rstrip('/')}/{self.settings.movie_category}"

    async def _after_adding(self, rpc: TransmissionRpc, info_hash: str, grab: GrabRequest) -> None:
        # The torrent is in: a refused setting leaves it downloading rather than failing the grab.
        limits: dict[str, Any] = {}
        if grab.seed_ratio is not None:
            limits |= {"seedRatioLimit": grab.seed_ratio, "seedRatioMode": 1}
        if grab.seed_time_minutes is not None:
            limits |= {"seedIdleLimit": grab.seed_time_minutes, "seedIdleMode": 1}
        try:
            if limits:
                await rpc.call("torrent-set", {"ids": [info_hash], **limits})
            if self.settings.priority(recent=grab.recent) == FIRST:
                await rpc.call("queue-move-top", {"ids": [info_hash]})
        except TransmissionError as error:
            log.warning("Transmission took %s but refused its settings: %s", grab.title, error)


async def _unavailable_on_error(
    rpc: TransmissionRpc, method: str, arguments: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Call a method; any failure is DownloadClientUnavailable, with Radarr's words for it."""
    try:
        return await rpc.call(method, arguments)
    except TransmissionAuthFailed:
        raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
    except TransmissionError as error:
        raise DownloadClientUnavailable(str(error)) from None


async def _test_connection(rpc: TransmissionRpc) -> ValidationFailure | None:
    """Radarr's TestConnection: Transmission's version, or what kept the test from reading it."""
    try:
        session = await rpc.call("session-get")
    except TransmissionAuthFailed:
        return ValidationFailure(
            "username",
            "Authentication Failure: Please verify your username and password. Also verify if the host "
            "running Reelarr isn't blocked from accessing Transmission by WhiteList limitations in the "
            "Transmission configuration.",
        )
    except TransmissionUnavailable as error:
        return ValidationFailure("host", str(error))  # "Unable to connect to Transmission, ..."
    except TransmissionError as error:
        return ValidationFailure("", f"Unknown exception: {error}")
    reported = str(session.get("version", ""))
    version = client_version(reported)
    if version < MINIMUM_VERSION:
        shown = ".".join(map(str, version)) or reported or "unknown"
        return ValidationFailure(
            "", f"Transmission version should be at least 2.40. Version reported is {shown}"
        )
    return None
