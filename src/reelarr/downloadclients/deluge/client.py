"""Deluge as a download client: its test, its reachability, adding releases, reading and removing
its torrents and labelling imported ones, as Radarr's Deluge does them through deluge-web."""

from __future__ import annotations

import base64
import logging
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
from reelarr.downloadclients.deluge.rpc import (
    DelugeAuthFailed,
    DelugeError,
    DelugeRefused,
    DelugeUnavailable,
    DelugeWeb,
)
from reelarr.downloadclients.deluge.settings import FIRST, DelugeSettings
from reelarr.downloadclients.deluge.torrents import FIELDS, item_of, usable
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition

log = logging.getLogger(__name__)
T = TypeVar("T")
_AUTHENTICATION_FAILURE = "Authentication failure: check Deluge's Web UI password"
_UNKNOWN_LABEL = "Unknown Label"


class Deluge(DownloadClient):
    """Deluge 1.3 and 2.x through its Web UI's JSON-RPC (deluge-web, with the Label plugin for
    categories)."""

    implementation: ClassVar[str] = "Deluge"
    implementation_name: ClassVar[str] = "Deluge"
    settings_model: ClassVar[type[DelugeSettings]] = DelugeSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.TORRENT

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, DelugeSettings)
        self.settings: DelugeSettings = definition.settings

    def _web(self) -> DelugeWeb:
        return DelugeWeb(self.settings.json_url(), self.settings.password)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks: the connection and Deluge's version, the labels (added when missing),
        then listing the torrents."""
        async with self._web() as web:
            methods, failure = await _test_connection(web)
            if failure is not None:
                return [failure]
            found = [f for f in [await self._test_labels(web, methods)] if f is not None]
            try:
                await web.call("web.update_ui", list(FIELDS), {})
            except DelugeError as error:
                found.append(ValidationFailure("", f"Failed to get the list of torrents: {error}"))
        return found

    async def check_connection(self) -> None:
        """Reach Deluge and list Reelarr's torrents, as Radarr's health check does."""
        await self._unavailable_on_error(self._torrents)

    async def download(self, grab: GrabRequest) -> str:
        """Add the torrent (paused when the settings say so, where the settings say), then its seed
        ratio, Reelarr's label and its place in the queue; its upper-case info hash."""
        if grab.torrent is None and grab.magnet is None:
            raise DownloadRejected("Neither a torrent file nor a magnet link")
        async with self._web() as web:
            try:
                info_hash = await self._add(web, grab)
            except DelugeRefused as error:
                raise DownloadRejected(f"Deluge refused the torrent: {error}") from None
            except DelugeAuthFailed:
                raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
            except DelugeError as error:
                raise DownloadClientUnavailable(str(error)) from None
            await self._after_adding(web, info_hash, grab)
        return info_hash.upper()

    async def items(self) -> list[DownloadItem]:
        """The torrents with Reelarr's label (all of them when there is none)."""
        torrents = await self._unavailable_on_error(self._torrents)
        options = self.definition.options
        remove_completed = isinstance(options, DownloadClientOptions) and options.remove_completed_downloads
        if self.settings.movie_imported_category:
            remove_completed = False  # Radarr: the post-import label keeps imported torrents
        category = self.settings.movie_category
        return [item_of(t, category, remove_completed=remove_completed) for t in torrents if usable(t)]

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Remove the torrent, with its files when asked; one Deluge no longer holds is gone already."""

        async def removing(web: DelugeWeb) -> None:
            try:
                await web.call("core.remove_torrent", download_id.lower(), delete_data)
            except DelugeRefused as error:
                if "not in session" not in str(error):
                    raise

        await self._unavailable_on_error(removing)

    async def mark_imported(self, download_id: str) -> None:
        """Give the torrent the post-import label, when there is one other than Reelarr's (it keeps
        seeding)."""
        label = self.settings.movie_imported_category
        if not label or label == self.settings.movie_category:
            return

        async def labelling(web: DelugeWeb) -> None:
            await _set_label(web, download_id.lower(), label)

        await self._unavailable_on_error(labelling)

    async def status(self) -> ClientStatus:
        """Radarr's GetStatus: the output folder is the settings' completed or download directory,
        else the label's move-completed path, else Deluge's own move-completed or download location."""
        for configured in (self.settings.completed_directory, self.settings.download_directory):
            if configured.strip():
                return ClientStatus(output_folders=(configured.strip(),))
        folder = await self._unavailable_on_error(self._output_folder)
        return ClientStatus(output_folders=(folder,) if folder else ())

    async def _output_folder(self, web: DelugeWeb) -> str:
        category = self.settings.movie_category
        if category:
            try:
                label = await web.call("label.get_options", category)
            except DelugeRefused:
                label = None  # no Label plugin, or no such label yet
            if isinstance(label, dict) and label.get("apply_move_completed") and label.get("move_completed"):
                return str(label.get("move_completed_path") or "")
        config = await web.call("core.get_config")
        if not isinstance(config, dict):
            return ""
        if config.get("move_completed"):
            return str(config.get("move_completed_path") or "")
        return str(config.get("download_location") or "")

    async def _torrents(self, web: DelugeWeb) -> list[dict[str, Any]]:
        """Radarr's GetTorrents(ByLabel) through `web.update_ui`; connected again once when deluge-web
        says it lost its daemon."""
        category = self.settings.movie_category
        query = {"label": category} if category else {}
        answer = await web.call("web.update_ui", list(FIELDS), query)
        if isinstance(answer, dict) and answer.get("connected") is False:
            await web.connect_daemon()
            answer = await web.call("web.update_ui", list(FIELDS), query)
        torrents = answer.get("torrents") if isinstance(answer, dict) else None
        return [dict(t) for t in (torrents or {}).values() if isinstance(t, dict)]

    async def _unavailable_on_error(self, operation: Callable[[DelugeWeb], Awaitable[T]]) -> T:
        """Run `operation` in one conversation; any failure is DownloadClientUnavailable."""
        async with self._web() as web:
            try:
                return await operation(web)
            except DelugeAuthFailed:
                raise DownloadClientUnavailable(_AUTHENTICATION_FAILURE) from None
            except DelugeError as error:
                raise DownloadClientUnavailable(str(error)) from None

    async def _add(self, web: DelugeWeb, grab: GrabRequest) -> str:
        options: dict[str, Any] = {"add_paused": self.settings.add_paused, "remove_at_ratio": False}
        if self.settings.download_directory.strip():
            options["download_location"] = self.settings.download_directory.strip()
        if self.settings.completed_directory.strip():
            options |= {
                "move_completed_path": self.settings.completed_directory.strip(),
                "move_completed": True,
            }
        if grab.torrent is not None:
            content = base64.b64encode(grab.torrent).decode("ascii")
            info_hash = await web.call("core.add_torrent_file", f"{grab.title}.torrent", content, options)
        else:
            info_hash = await web.call("core.add_torrent_magnet", grab.magnet, options)
        if not isinstance(info_hash, str) or not info_hash.strip():
            raise DelugeRefused(f"Deluge failed to add {grab.title}", 0)
        return info_hash.strip()

    async def _after_adding(self, web: DelugeWeb, info_hash: str, grab: GrabRequest) -> None:
        # The label decides whether Reelarr sees the torrent at all: failing to set it fails the grab.
        category = self.settings.movie_category
        try:
            if category:
                await _set_label(web, info_hash, category)
        except DelugeError as error:
            raise DownloadClientUnavailable(
                f"Deluge took {grab.title} but could not give it the label {category}: {error}"
            ) from None
        try:
            if grab.seed_ratio is not None:
                ratio = {"stop_ratio": grab.seed_ratio, "stop_at_ratio": True}
                await web.call("core.set_torrent_options", [info_hash], ratio)
            if self.settings.priority(recent=grab.recent) == FIRST:
                await web.call("core.queue_top", [info_hash])
        except DelugeError as error:
            log.warning("Deluge took %s but refused its settings: %s", grab.title, error)

    async def _test_labels(self, web: DelugeWeb, methods: list[str]) -> ValidationFailure | None:
        """Radarr's TestCategory: the Label plugin is on, and both labels exist (added when missing)."""
        wanted = [
            ("movieCategory", self.settings.movie_category),
            ("movieImportedCategory", self.settings.movie_imported_category),
        ]
        if not any(label for _, label in wanted):
            return None
        if not any(m.startswith("label.") for m in methods):
            return ValidationFailure(
                "movieCategory",
                "Label plugin not activated: you must have the Label plugin enabled in Deluge to use "
                "categories.",
            )
        try:
            for property_name, label in wanted:
                if not label or label in await web.call("label.get_labels"):
                    continue
                await web.call("label.add", label)
                if label not in await web.call("label.get_labels"):
                    return ValidationFailure(
                        property_name,
                        "Configuration of label failed: Reelarr was unable to add the label to Deluge.",
                        label,
                    )
        except DelugeError as error:
            return ValidationFailure("", f"Unknown exception: {error}")
        return None


async def _set_label(web: DelugeWeb, info_hash: str, label: str) -> None:
    """Give a torrent a label, adding the label to Deluge first when it does not know it."""
    try:
        await web.call("label.set_torrent", info_hash, label)
    except DelugeRefused as error:
        if _UNKNOWN_LABEL not in str(error):
            raise
        await web.call("label.add", label)
        await web.call("label.set_torrent", info_hash, label)


async def _test_connection(web: DelugeWeb) -> tuple[list[str], ValidationFailure | None]:
    """Radarr's TestConnection: Deluge's methods and version, or what kept the test from reading them."""
    try:
        methods = [str(m) for m in await web.call("system.listMethods") or []]
        await web.call("daemon.get_version" if "daemon.get_version" in methods else "daemon.info")
    except DelugeAuthFailed:
        return [], ValidationFailure(
            "password",
            "Authentication Failure: please verify the password of Deluge's Web UI (deluge-web), "
            "not the daemon's.",
        )
    except DelugeUnavailable as error:
        advice = " Please verify the hostname and port." if str(error).startswith("Unable to connect") else ""
        return [], ValidationFailure("host", f"{error}{advice}")
    except DelugeError as error:
        return [], ValidationFailure("", f"Unknown exception: {error}")
    return methods, None
