"""qBittorrent as a download client: its test, its reachability, adding releases and reading its
torrents, as Radarr's QBittorrent does them.

qbittorrent-api is synchronous (requests); every call runs in a worker thread with a timeout, and its
debug output, which would carry request bodies, stays off.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

import qbittorrentapi

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    DownloadStatus,
    GrabRequest,
)
from reelarr.downloadclients.qbittorrent.settings import QBittorrentSettings
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.settings import warning

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
LAST = 0  # QBittorrentPriority.Last: the default, which needs no queueing
# qBittorrent's max_ratio_act: what it does to a torrent that reached its ratio or seeding time.
_REMOVES = {1, 3}  # Remove, and Remove with its files
# Radarr tolerates seeding-time removal after two weeks: an import has happened long before.
_MINIMUM_RETENTION_MINUTES = 60 * 24 * 14
_NAME = "qBittorrent"
FIRST = 1
FORCE_STARTED, STOPPED = 1, 2
_LAYOUTS: dict[int, Any] = {1: "Original", 2: "Subfolder"}
_NO_ETA = 8_640_000  # qBittorrent's "infinity"
_PAUSED_DONE = {"pausedUP", "stoppedUP"}
_STATUS = {
    "pausedDL": DownloadStatus.PAUSED,
    "stoppedDL": DownloadStatus.PAUSED,
    "queuedDL": DownloadStatus.QUEUED,
    "checkingDL": DownloadStatus.QUEUED,
    "checkingUP": DownloadStatus.QUEUED,
    "checkingResumeData": DownloadStatus.QUEUED,
    "allocating": DownloadStatus.QUEUED,
    "metaDL": DownloadStatus.QUEUED,
    "forcedMetaDL": DownloadStatus.QUEUED,
    "pausedUP": DownloadStatus.COMPLETED,
    "stoppedUP": DownloadStatus.COMPLETED,
    "queuedUP": DownloadStatus.COMPLETED,
    "stalledUP": DownloadStatus.COMPLETED,
    "uploading": DownloadStatus.COMPLETED,
    "forcedUP": DownloadStatus.COMPLETED,
    "error": DownloadStatus.WARNING,
    "missingFiles": DownloadStatus.WARNING,
    "stalledDL": DownloadStatus.WARNING,
}
_MESSAGES = {
    "error": "qBittorrent is reporting an error",
    "missingFiles": "The download is missing files",
    "stalledDL": "The download is stalled with no connections",
    "metaDL": "qBittorrent is downloading metadata",
    "forcedMetaDL": "qBittorrent is downloading metadata",
}


def item_of(torrent: dict[str, Any], preferences: dict[str, Any]) -> DownloadItem:
    """Radarr's reading of one torrent of `torrents/info`."""
    state = str(torrent.get("state", ""))
    eta = int(torrent.get("eta", _NO_ETA))
    total = int(torrent.get("size", 0))
    done = state in _PAUSED_DONE and reached_seed_limit(torrent, preferences)
    return DownloadItem(
        download_id=str(torrent["hash"]).upper(),
        title=str(torrent.get("name", "")),
        category=str(torrent.get("category") or "") or None,
        total_size=total,
        remaining_size=int(torrent.get("amount_left", total)),
        status=_STATUS.get(state, DownloadStatus.DOWNLOADING),
        remaining_time=timedelta(seconds=eta) if 0 <= eta < _NO_ETA else None,
        message=_MESSAGES.get(state),
        output_path=str(torrent.get("content_path") or "") or None,
        seed_ratio=float(torrent["ratio"]) if torrent.get("ratio") is not None else None,
        can_move_files=done,
        can_be_removed=done,
    )


def reached_seed_limit(torrent: dict[str, Any], preferences: dict[str, Any]) -> bool:
    """Whether a torrent met its own ratio or seeding time limit, or else qBittorrent's global ones
    (-2 means "use the global limit", -1 "no limit")."""
    ratio_limit = float(torrent.get("ratio_limit", -2))
    if ratio_limit == -2 and preferences.get("max_ratio_enabled"):
        ratio_limit = float(preferences.get("max_ratio", -1))
    if ratio_limit >= 0 and float(torrent.get("ratio", 0)) >= ratio_limit - 0.001:
        return True
    time_limit = int(torrent.get("seeding_time_limit", -2))
    if time_limit == -2 and preferences.get("max_seeding_time_enabled"):
        time_limit = int(preferences.get("max_seeding_time", -1))
    seeding_minutes = int(torrent.get("seeding_time", 0)) // 60
    return time_limit >= 0 and seeding_minutes >= time_limit


def removes_completed_downloads(preferences: dict[str, Any]) -> bool:
    """Whether qBittorrent deletes torrents at a ratio or seeding limit (before Reelarr can import them)."""
    limited = bool(preferences.get("max_ratio_enabled")) or (
        bool(preferences.get("max_seeding_time_enabled"))
        and int(preferences.get("max_seeding_time", 0)) < _MINIMUM_RETENTION_MINUTES
    )
    return limited and int(preferences.get("max_ratio_act", 0)) in _REMOVES


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.strip().lstrip("v").split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


class QBittorrent(DownloadClient):
    """qBittorrent's Web API (v2, qBittorrent 4.1 and later)."""

    implementation: ClassVar[str] = "QBittorrent"
    implementation_name: ClassVar[str] = "qBittorrent"
    settings_model: ClassVar[type[QBittorrentSettings]] = QBittorrentSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.TORRENT

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, QBittorrentSettings)
        self.settings: QBittorrentSettings = definition.settings

    def _client(self) -> qbittorrentapi.Client:
        return qbittorrentapi.Client(
            host=self.settings.web_ui_url(),
            username=self.settings.username,
            password=self.settings.password,
            FORCE_SCHEME_FROM_HOST=True,
            REQUESTS_ARGS={"timeout": (CONNECT_TIMEOUT, READ_TIMEOUT)},
            DISABLE_LOGGING_DEBUG_OUTPUT=True,
        )

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks: connection and version, categories (created when missing), queueing for
        priorities, and listing the torrents."""
        return await asyncio.to_thread(self._test)

    async def check_connection(self) -> None:
        """Log in and list the category's torrents, as Radarr's health check does."""
        await asyncio.to_thread(self._check_connection)

    async def download(self, grab: GrabRequest) -> str:
        """Add the torrent in Reelarr's category with the settings' state, order and layout, then its
        seed goals and priority; its upper-case info hash."""
        return await asyncio.to_thread(self._download, grab)

    async def items(self) -> list[DownloadItem]:
        """The torrents in Reelarr's category."""
        return await asyncio.to_thread(self._items)

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Delete the torrent, with its files when asked."""
        await asyncio.to_thread(self._remove, download_id, delete_data)

    async def removes_completed_downloads(self) -> bool:
        """Whether qBittorrent deletes torrents at its global share limits."""
        return await asyncio.to_thread(self._removes_completed)

    def _removes_completed(self) -> bool:
        client = self._logged_in()
        try:
            return removes_completed_downloads(dict(client.app_preferences()))
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(
                f"Unable to read qBittorrent's options: {_reason(error)}"
            ) from error

    async def status(self) -> ClientStatus:
        """Radarr's output folder: the category's save path (under the default one when relative),
        else qBittorrent's default save path."""
        return await asyncio.to_thread(self._status)

    def _status(self) -> ClientStatus:
        client = self._logged_in()
        try:
            folder = str(client.app_preferences().get("save_path") or "")
            category = self.settings.movie_category
            found = client.torrents_categories().get(category) if category else None
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(
                f"Unable to read qBittorrent's options: {_reason(error)}"
            ) from error
        own = str(found.get("savePath") or "") if isinstance(found, Mapping) else ""
        if own:
            folder = own if own.startswith("/") or own[1:2] == ":" else f"{folder.rstrip('/')}/{own}"
        return ClientStatus(output_folders=(folder,) if folder else ())

    async def mark_imported(self, download_id: str) -> None:
        """Move the torrent to the post-import category, when there is one (it keeps seeding)."""
        if self.settings.movie_imported_category:
            await asyncio.to_thread(self._mark_imported, download_id)

    def _mark_imported(self, download_id: str) -> None:
        client = self._logged_in()
        category = self.settings.movie_imported_category
        try:
            if category not in client.torrents_categories():
                client.torrents_create_category(name=category)
            client.torrents_set_category(category=category, torrent_hashes=download_id.lower())
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(
                f"Unable to set the post-import category: {_reason(error)}"
            ) from error

    def _logged_in(self) -> qbittorrentapi.Client:
        client = self._client()
        try:
            client.auth_log_in()
        except qbittorrentapi.LoginFailed as error:
            raise DownloadClientUnavailable(
                "Authentication failure: check the username and password"
            ) from error
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(f"Unable to connect to qBittorrent: {_reason(error)}") from error
        return client

    def _download(self, grab: GrabRequest) -> str:
        if grab.info_hash is None or (grab.torrent is None and grab.magnet is None):
            raise DownloadRejected("Neither a torrent file nor a magnet link with an info hash")
        info_hash = grab.info_hash.upper()
        client = self._logged_in()
        options: dict[str, Any] = {
            "category": self.settings.movie_category or None,
            "is_paused": True if self.settings.initial_state == STOPPED else None,
            "is_stopped": True if self.settings.initial_state == STOPPED else None,
            "is_sequential_download": True if self.settings.sequential_order else None,
            "is_first_last_piece_priority": True if self.settings.first_and_last else None,
            "content_layout": _LAYOUTS.get(self.settings.content_layout),
        }
        try:
            if grab.torrent is not None:
                answer = client.torrents_add(torrent_files={"release.torrent": grab.torrent}, **options)
            else:
                answer = client.torrents_add(urls=grab.magnet, **options)
        except qbittorrentapi.APIConnectionError as error:
            raise DownloadClientUnavailable(f"Unable to connect to qBittorrent: {_reason(error)}") from error
        except qbittorrentapi.APIError as error:
            raise DownloadRejected(f"qBittorrent refused the torrent: {_reason(error)}") from error
        if str(answer).strip() != "Ok.":
            raise DownloadRejected(f"qBittorrent refused the torrent: {str(answer).strip() or 'no answer'}")
        self._after_adding(client, info_hash, grab)
        return info_hash

    def _after_adding(self, client: qbittorrentapi.Client, info_hash: str, grab: GrabRequest) -> None:
        # As Radarr: a torrent that is already added is not an error; the settings below are best
        # effort, and a failure leaves the torrent downloading.
        hashes = info_hash.lower()
        try:
            if grab.seed_ratio is not None or grab.seed_time_minutes is not None:
                client.torrents_set_share_limits(
                    ratio_limit=grab.seed_ratio if grab.seed_ratio is not None else -2,
                    seeding_time_limit=(grab.seed_time_minutes if grab.seed_time_minutes is not None else -2),
                    torrent_hashes=hashes,
                )
            priority = (
                self.settings.recent_movie_priority if grab.recent else self.settings.older_movie_priority
            )
            if priority == FIRST:
                client.torrents_top_priority(torrent_hashes=hashes)
            if self.settings.initial_state == FORCE_STARTED:
                client.torrents_set_force_start(enable=True, torrent_hashes=hashes)
        except qbittorrentapi.APIError as error:
            log.warning("qBittorrent took %s but refused its settings: %s", grab.title, _reason(error))

    def _items(self) -> list[DownloadItem]:
        client = self._logged_in()
        try:
            torrents = client.torrents_info(category=self.settings.movie_category or None)
            preferences = dict(client.app_preferences())
        except qbittorrentapi.APIError as error:
            message = f"Unable to read qBittorrent's torrents: {_reason(error)}"
            raise DownloadClientUnavailable(message) from error
        return [item_of(dict(torrent), preferences) for torrent in torrents]

    def _remove(self, download_id: str, delete_data: bool) -> None:
        client = self._logged_in()
        try:
            client.torrents_delete(delete_files=delete_data, torrent_hashes=download_id.lower())
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(f"Unable to remove the torrent: {_reason(error)}") from error

    def _check_connection(self) -> None:
        client = self._client()
        try:
            client.auth_log_in()
            client.torrents_info(category=self.settings.movie_category or None)
        except qbittorrentapi.LoginFailed as error:
            raise DownloadClientUnavailable(
                "Authentication failure: check the username and password"
            ) from error
        except qbittorrentapi.Forbidden403Error as error:
            raise DownloadClientUnavailable(f"qBittorrent refused the login: {_reason(error)}") from error
        except qbittorrentapi.APIError as error:
            raise DownloadClientUnavailable(f"Unable to connect to qBittorrent: {_reason(error)}") from error

    def _test(self) -> list[ValidationFailure]:
        client = self._client()
        first = self._test_connection(client)
        if first is not None and first.severity != "warning":
            return [first]
        found = [f for f in (first, self._test_categories(client), self._test_priorities(client)) if f]
        try:
            client.torrents_info(category=self.settings.movie_category or None)
        except qbittorrentapi.APIError as error:
            found.append(ValidationFailure("", f"Failed to get the list of torrents: {_reason(error)}"))
        return found

    def _test_connection(self, client: qbittorrentapi.Client) -> ValidationFailure | None:
        try:
            client.auth_log_in()
            version = _version(str(client.app_web_api_version()))
            if version < (1, 5):
                return ValidationFailure(
                    "host",
                    f"{_NAME} version should be at least 3.2.4. "
                    f"Version reported is {'.'.join(map(str, version))}",
                )
            if version < (1, 6) and self.settings.movie_category:
                return ValidationFailure(
                    "movieCategory",
                    "Category is not supported: categories are not supported until qBittorrent 3.3.0. "
                    "Please upgrade or try again with an empty Category.",
                )
            if removes_completed_downloads(dict(client.app_preferences())):
                return ValidationFailure(
                    "",
                    "qBittorrent is configured to remove torrents when they reach their Share Ratio Limit: "
                    "Reelarr could not import them. In qBittorrent, change 'Options -> BitTorrent -> "
                    "Share Ratio Limiting' from 'Remove them' to 'Pause them'.",
                )
            if not self.settings.movie_category:
                return warning(
                    "movieCategory",
                    "Category is recommended: Reelarr will not attempt to import completed downloads "
                    "without a category.",
                )
        except qbittorrentapi.LoginFailed:
            return ValidationFailure(
                "username",
                "Authentication Failure: please verify your username and password, and that qBittorrent's "
                "IP whitelist lets Reelarr's host in.",
            )
        except qbittorrentapi.Forbidden403Error as error:
            return ValidationFailure("username", f"Authentication Failure: {_reason(error)}")
        except qbittorrentapi.APIConnectionError as error:
            return ValidationFailure(
                "host",
                f"Unable to connect to {_NAME}: please verify the hostname and port ({_reason(error)}).",
            )
        except qbittorrentapi.APIError as error:
            return ValidationFailure("", f"Unknown exception: {_reason(error)}")
        return None

    def _test_categories(self, client: qbittorrentapi.Client) -> ValidationFailure | None:
        wanted = [
            ("movieCategory", self.settings.movie_category),
            ("movieImportedCategory", self.settings.movie_imported_category),
        ]
        try:
            for property_name, category in wanted:
                if not category or category in client.torrents_categories():
                    continue
                client.torrents_create_category(name=category)
                if category not in client.torrents_categories():
                    return ValidationFailure(
                        property_name,
                        "Configuration of category failed: "
                        "Reelarr was unable to add the label to qBittorrent.",
                        category,
                    )
        except qbittorrentapi.APIError as error:
            return ValidationFailure("", f"Unknown exception: {_reason(error)}")
        return None

    def _test_priorities(self, client: qbittorrentapi.Client) -> ValidationFailure | None:
        changed = [
            name
            for name, value in (
                ("recentMoviePriority", self.settings.recent_movie_priority),
                ("olderMoviePriority", self.settings.older_movie_priority),
            )
            if value != LAST
        ]
        if not changed:
            return None
        try:
            queueing = bool(client.app_preferences().get("queueing_enabled"))
        except qbittorrentapi.APIError as error:
            return ValidationFailure("", f"Unknown exception: {_reason(error)}")
        if queueing:
            return None
        return ValidationFailure(
            changed[0],
            "Queueing Not Enabled: Torrent Queueing is not enabled in your qBittorrent settings. "
            "Enable it in qBittorrent or select 'Last' as priority.",
        )


def _reason(error: Exception) -> str:
    return str(error).strip() or type(error).__name__
