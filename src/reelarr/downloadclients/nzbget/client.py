"""NZBGet as a download client: its test, its reachability, adding NZBs, reading its queue and history
and removing downloads, as Radarr's Nzbget does them."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import re
import shutil
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from reelarr.downloadclients.base import (
    ClientStatus,
    DownloadClient,
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    GrabRequest,
)
from reelarr.downloadclients.nzbfiles import validate_nzb
from reelarr.downloadclients.nzbget.jobs import (
    DRONE,
    category_dirs,
    config_map,
    history_item,
    parameter,
    parse_version,
    queue_items,
)
from reelarr.downloadclients.nzbget.rpc import NzbgetAuthFailed, NzbgetError, NzbgetRefused, NzbgetRpc
from reelarr.downloadclients.nzbget.settings import NzbgetSettings
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition

log = logging.getLogger(__name__)
HISTORY_LIMIT = 30  # Radarr's DownloadClientHistoryLimit default
MINIMUM_VERSION = (12, 0)
MAX_KEEP_HISTORY = 25000
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class Nzbget(DownloadClient):
    """NZBGet's JSON-RPC API (NZBGet 16 and later: each download carries Reelarr's id)."""

    implementation: ClassVar[str] = "Nzbget"
    implementation_name: ClassVar[str] = "NZBGet"
    settings_model: ClassVar[type[NzbgetSettings]] = NzbgetSettings
    protocol: ClassVar[DownloadProtocol] = DownloadProtocol.USENET

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        super().__init__(definition)
        assert isinstance(definition.settings, NzbgetSettings)
        self.settings: NzbgetSettings = definition.settings

    def _rpc(self) -> NzbgetRpc:
        return NzbgetRpc(self.settings)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's checks in order: the connection and version, the category, then KeepHistory."""
        async with self._rpc() as rpc:
            try:
                raw = str(await rpc.call("version"))
            except NzbgetAuthFailed:
                return [ValidationFailure("username", "Authentication Failure")]
            except NzbgetError as error:
                return [ValidationFailure("host", _unable_to_connect(error))]
            version = parse_version(raw)
            if version is None or version < MINIMUM_VERSION:
                shown = raw.split("-")[0]
                return [
                    ValidationFailure(
                        "", f"NZBGet version should be at least 12.0. Version reported is {shown}"
                    )
                ]
            try:
                config = config_map(await rpc.call("config"))
            except NzbgetError as error:
                return [ValidationFailure("", f"Unknown exception: {error}")]
        failures: list[ValidationFailure] = []
        wanted = self.settings.movie_category
        if wanted.strip() and wanted not in category_dirs(config):
            failures.append(ValidationFailure("movieCategory", "Category does not exist", wanted))
        keep = config.get("KeepHistory", "7")
        if not keep.isdigit() or int(keep) == 0:
            failures.append(ValidationFailure("", "NzbGet setting KeepHistory should be greater than 0"))
        elif int(keep) > MAX_KEEP_HISTORY:
            failures.append(ValidationFailure("", "NzbGet setting KeepHistory should be less than 25000"))
        return failures

    async def check_connection(self) -> None:
        """Reach NZBGet and read its queue, as Radarr's health check does."""
        async with self._rpc() as rpc:
            await _call(rpc, "listgroups")

    async def download(self, grab: GrabRequest) -> str:
        """Append the NZB (base64) in Reelarr's category at the film's priority, tagged with a new
        `drone` parameter that is the download's id from then on."""
        if grab.nzb is None:
            raise DownloadRejected("No NZB to send to NZBGet")
        filename = (_UNSAFE.sub("", grab.title).strip() or "release") + ".nzb"
        validate_nzb(filename, grab.nzb)
        drone = uuid.uuid4().hex
        content = base64.b64encode(grab.nzb).decode("ascii")
        params = (
            filename,
            content,
            self.settings.movie_category,
            self.settings.priority(recent=grab.recent),
            False,  # AddToTop
            self.settings.add_paused,
            "",  # DupeKey
            0,  # DupeScore
            "all",  # DupeMode: NZBGet's duplicate check must not drop what Reelarr chose
            [DRONE, drone],  # PPParameters: name, value, name, value...
        )
        async with self._rpc() as rpc:
            try:
                answer = await rpc.call("append", *params)
            except NzbgetRefused as error:
                raise DownloadRejected(f"NZBGet refused the NZB: {error}") from None
            except NzbgetError as error:
                raise DownloadClientUnavailable(str(error)) from None
        if not isinstance(answer, int) or isinstance(answer, bool) or answer <= 0:
            raise DownloadRejected("NZBGet rejected the NZB for an unknown reason")
        return drone

    async def items(self) -> list[DownloadItem]:
        """The downloads in Reelarr's category: the queue, then the newest history entries."""
        async with self._rpc() as rpc:
            status = await _call(rpc, "status")
            groups = await _call(rpc, "listgroups")
            history = await _call(rpc, "history")
        found = queue_items(_entries(groups), status if isinstance(status, Mapping) else {})
        for entry in _entries(history)[:HISTORY_LIMIT]:
            item = history_item(entry)
            if item is not None:
                found.append(item)
        return [item for item in found if item.category == self.settings.movie_category]

    async def status(self) -> ClientStatus:
        """Radarr's output folder: the category's destination (NZBGet has no sorting)."""
        async with self._rpc() as rpc:
            config = config_map(await _call(rpc, "config"))
        folder = category_dirs(config).get(self.settings.movie_category)
        if folder is None:
            folder = config.get("DestDir", "").replace("${MainDir}", config.get("MainDir", ""))
        return ClientStatus(output_folders=(folder,) if folder else ())

    async def remove(self, download_id: str, *, delete_data: bool) -> None:
        """Delete a queued download with its partial files (GroupFinalDelete), or hide a finished one
        in the history (HistoryDelete) and, when asked, delete its folder (where NZBGet's path is on this
        machine, through the remote path mappings, as Radarr's Nzbget remaps its history's DestDir)."""
        async with self._rpc() as rpc:
            groups = _entries(await _call(rpc, "listgroups"))
            queued = next((g for g in groups if _matches(g, download_id)), None)
            if queued is not None:
                await _edit(rpc, "GroupFinalDelete", queued)
                return
            history = _entries(await _call(rpc, "history"))
            finished = next((h for h in history if _matches(h, download_id)), None)
            if finished is None:
                log.warning("Unable to remove item from NZBGet, unknown id: %s", download_id)
                return
            await _edit(rpc, "HistoryDelete", finished)
        item = history_item(finished)
        if delete_data and item is not None and item.output_path:
            local = await self.paths.local_path(self.settings.host, item.output_path)
            await asyncio.to_thread(_delete, local)


async def _edit(rpc: NzbgetRpc, command: str, entry: Mapping[str, Any]) -> None:
    """Run an editqueue command on one download (NZBGet's Offset/EditText form, which every version
    since 12 reads); NZBGet answers false when it did nothing."""
    done = await _call(rpc, "editqueue", command, 0, "", [int(entry["NZBID"])])
    if done is not True:
        log.warning(
            "NZBGet did not run %s on %s [%s]",
            command,
            entry.get("NZBName") or entry.get("Name"),
            entry.get("NZBID"),
        )


def _matches(entry: Mapping[str, Any], download_id: str) -> bool:
    """Radarr's lookup: a short number is NZBGet's own id (not grabbed by Reelarr), else `drone`."""
    if len(download_id) < 10 and download_id.isdigit():
        return str(entry.get("NZBID")) == download_id
    return parameter(entry, DRONE) == download_id


def _delete(path: str) -> None:
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.isfile(path):
        os.remove(path)


def _entries(answer: object) -> list[Mapping[str, Any]]:
    if not isinstance(answer, Sequence) or isinstance(answer, str):
        return []
    return [e for e in answer if isinstance(e, Mapping)]


def _unable_to_connect(error: NzbgetError) -> str:
    text = str(error)
    return text if text.startswith("Unable to connect") else f"Unable to connect to NZBGet: {text}"


async def _call(rpc: NzbgetRpc, method: str, *params: Any) -> Any:
    try:
        return await rpc.call(method, *params)
    except NzbgetError as error:
        raise DownloadClientUnavailable(str(error)) from None
