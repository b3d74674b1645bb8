"""SABnzbd as a download client: its test, its reachability, adding NZBs and reading its queue and
history, as Radarr's Sabnzbd does them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    DownloadStatus,
    GrabRequest,
)
from reelarr.downloadclients.sabnzbd.api import SabnzbdApi, SabnzbdError, SabnzbdRefused
from reelarr.downloadclients.sabnzbd.jobs import (
    belongs,
    categories,
    category_folder,
    history_item,
    parse_version,
    queue_item,
    sorting_for,
)
from reelarr.downloadclients.sabnzbd.settings import SabnzbdSettings
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.settings import warning

HISTORY_LIMIT = 30  # Radarr's DownloadClientHistoryLimit default
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def _unavailable(error: SabnzbdError) -> DownloadClientUnavailable:
    if isinstance(error, SabnzbdRefused):
        return DownloadClientUnavailable(f"Error response received from SABnzbd: {error}")
    return DownloadClientUnavailable(str(error))


class Sabnzbd(DownloadClient):
    """SABnzbd's API (SABnzbd 0.7 and later)."""

    implementation: ClassVar[str] = "Sabnzbd"
    implementation_name: ClassVar[str] = "SABnzbd"
    settings_model: ClassVar[type[SabnzbdSettings]] = SabnzbdSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.USENET

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, SabnzbdSettings)
        self.settings: SabnzbdSettings = definition.settings

    def _api(self) -> SabnzbdApi:
        return SabnzbdApi(self.settings)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks in order: the connection and version, the API key, SABnzbd's global
        options, then the category (present, with job folders, not renamed by a sorter)."""
        async with self._api() as api:
            try:
                version_answer = await api.call("version")
            except SabnzbdError as error:
                return [ValidationFailure("host", f"Unable to connect to SABnzbd: {error}")]
            failures: list[ValidationFailure] = []
            raw = str(version_answer.get("version", ""))
            version = parse_version(raw)
            version_failure = _version_failure(raw, version)
            if version_failure is not None:
                if version_failure.severity == "error":
                    return [version_failure]
                failures.append(version_failure)
            try:
                config_answer = await api.call("get_config")
            except SabnzbdRefused as error:
                if error.bad_key:
                    return [*failures, ValidationFailure("apiKey", str(error))]
                return [*failures, ValidationFailure("", f"Unknown exception: {error}")]
            except SabnzbdError as error:
                return [*failures, ValidationFailure("", f"Unknown exception: {error}")]
        config = config_answer.get("config")
        config = config if isinstance(config, Mapping) else {}
        misc = config.get("misc") if isinstance(config.get("misc"), Mapping) else {}
        if misc and misc.get("pre_check") and (version or (0, 0, 0)) < (1, 1, 0):
            failures.append(ValidationFailure("", "Disable 'Check before download' option in Sabnbzd"))
        category_failure = self._category_failure(config)
        if category_failure is not None:
            failures.append(category_failure)
        return failures

    def _category_failure(self, config: Mapping[str, Any]) -> ValidationFailure | None:
        wanted = self.settings.movie_category
        category = next((c for c in categories(config) if c.get("name") == wanted), None)
        if category is not None and str(category.get("dir", "")).endswith("*"):
            return ValidationFailure("movieCategory", "Enable Job folders", wanted)
        if category is None and wanted.strip():
            return ValidationFailure("movieCategory", "Category does not exist", wanted)
        sorting = sorting_for(config, wanted)
        if sorting is not None:
            return ValidationFailure("movieCategory", f"Disable {sorting} Sorting", wanted)
        return None

    async def check_connection(self) -> None:
        """Reach SABnzbd and read its queue, as Radarr's health check does."""
        async with self._api() as api:
            await self._queue(api, limit=1)

    async def download(self, grab: GrabRequest) -> str:
        """Upload the NZB in Reelarr's category at the film's priority, named as the release;
        SABnzbd's job id (`nzo_id`)."""
        if grab.nzb is None:
            raise DownloadRejected("No NZB to send to SABnzbd")
        params: dict[str, str | int] = {
            "cat": self.settings.movie_category,
            "priority": self.settings.priority(recent=grab.recent),
            "nzbname": grab.title,
        }
        filename = _UNSAFE.sub("", grab.title).strip() or "release"
        async with self._api() as api:
            try:
                answer = await api.call("addfile", params, upload=(f"{filename}.nzb", grab.nzb))
            except SabnzbdRefused as error:
                if error.bad_key:
                    raise _unavailable(error) from None
                raise DownloadRejected(f"SABnzbd refused the NZB: {error}") from None
            except SabnzbdError as error:
                raise _unavailable(error) from None
        ids = answer.get("nzo_ids")
        if not isinstance(ids, list) or not ids or not ids[0]:
            raise DownloadRejected("SABnzbd rejected the NZB for an unknown reason")
        return str(ids[0])

    async def items(self) -> list[DownloadItem]:
        """The jobs in Reelarr's category, in the queue then in the history."""
        async with self._api() as api:
            queue = await self._queue(api, limit=0)
            history = await self._history(api)
        paused = bool(queue.get("paused", False))
        found = [
            queue_item(slot, queue_paused=paused)
            for slot in _slots(queue)
            if str(slot.get("status", "")).lower() != "deleted"
        ]
        found += [
            history_item(slot) for slot in _slots(history) if str(slot.get("status", "")).lower() != "deleted"
        ]
        return [item for item in found if belongs(item, self.settings.movie_category)]

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Delete the job from the queue, or from the history (for good when it failed, archived
        otherwise, as Radarr does), with its files when asked."""
        async with self._api() as api:
            queue = await self._queue(api, limit=0)
            in_queue = any(str(slot.get("nzo_id")) == download_id for slot in _slots(queue))
            params: dict[str, str | int] = {
                "name": "delete",
                "value": download_id,
                "del_files": int(delete_data),
            }
            if not in_queue:
                history = await self._history(api)
                slot = next((s for s in _slots(history) if str(s.get("nzo_id")) == download_id), None)
                failed = slot is not None and history_item(slot).status is DownloadStatus.FAILED
                params["archive"] = 0 if failed else 1
            await _unavailable_on_error(api, "queue" if in_queue else "history", params)

    async def status(self) -> ClientStatus:
        """The category's folder of finished jobs, and the sorter that renames them, if any."""
        async with self._api() as api:
            answer = await _unavailable_on_error(api, "get_config")
        config = answer.get("config")
        config = config if isinstance(config, Mapping) else {}
        folder = category_folder(config, self.settings.movie_category)
        return ClientStatus(
            output_folders=(folder,) if folder else (),
            sorting=sorting_for(config, self.settings.movie_category),
        )

    async def _queue(self, api: SabnzbdApi, *, limit: int) -> Mapping[str, Any]:
        answer = await _unavailable_on_error(api, "queue", self._listing(limit))
        queue = answer.get("queue")
        return queue if isinstance(queue, Mapping) else {}

    async def _history(self, api: SabnzbdApi) -> Mapping[str, Any]:
        answer = await _unavailable_on_error(api, "history", self._listing(HISTORY_LIMIT))
        history = answer.get("history")
        return history if isinstance(history, Mapping) else {}

    def _listing(self, limit: int) -> dict[str, str | int]:
        params: dict[str, str | int] = {"start": 0, "limit": limit}
        if self.settings.movie_category.strip():
            params["category"] = self.settings.movie_category
        return params


def _slots(listing: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    slots = listing.get("slots")
    return [s for s in slots if isinstance(s, Mapping)] if isinstance(slots, list) else []


async def _unavailable_on_error(
    api: SabnzbdApi, mode: str, params: Mapping[str, str | int] | None = None
) -> dict[str, Any]:
    try:
        return await api.call(mode, params)
    except SabnzbdError as error:
        raise _unavailable(error) from None


def _version_failure(raw: str, version: tuple[int, int, int] | None) -> ValidationFailure | None:
    """Radarr's TestConnectionAndVersion once SABnzbd answered."""
    if version is None:
        return ValidationFailure("", f"Unknown Version: {raw}")
    if raw.strip().lower() == "develop":
        return warning("", "Sabnzbd develop version, assuming version 3.0.0 or higher.")
    if version[0] >= 1 or version[1] >= 7:
        return None
    shown = ".".join(map(str, version))
    return ValidationFailure("", f"SABnzbd version should be at least 0.7.0. Version reported is {shown}")
