"""Torrent and usenet blackholes on real folders: what a grab writes, how the watch folder reads as
downloads that settle, removal, and Radarr's folder checks."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadRejected, DownloadStatus, GrabRequest
from reelarr.downloadclients.blackhole.client import TorrentBlackhole, UsenetBlackhole
from reelarr.downloadclients.blackhole.settings import TorrentBlackholeSettings, UsenetBlackholeSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


def torrent_blackhole(tmp_path: Path, **values: Any) -> TorrentBlackhole:
    for name in ("torrents", "watch"):
        (tmp_path / name).mkdir(exist_ok=True)
    settings = TorrentBlackholeSettings.model_validate(
        {"torrentFolder": str(tmp_path / "torrents"), "watchFolder": str(tmp_path / "watch"), **values}
    )
    definition = ProviderDefinition(
        0, "Blackhole", "TorrentBlackhole", "TorrentBlackholeSettings", settings, DownloadClientOptions()
    )
    return TorrentBlackhole(definition)


def usenet_blackhole(tmp_path: Path) -> UsenetBlackhole:
    for name in ("nzbs", "watch"):
        (tmp_path / name).mkdir(exist_ok=True)
    settings = UsenetBlackholeSettings.model_validate(
        {"nzbFolder": str(tmp_path / "nzbs"), "watchFolder": str(tmp_path / "watch")}
    )
    definition = ProviderDefinition(
        0, "Usenet", "UsenetBlackhole", "UsenetBlackholeSettings", settings, DownloadClientOptions()
    )
    return UsenetBlackhole(definition)


def aged(path: Path, seconds: float) -> None:
    """Make a download look untouched for `seconds` (its files' times set back)."""
    then = time.time() - seconds
    for root, _dirs, names in os.walk(path):
        for name in names:
            os.utime(os.path.join(root, name), (then, then))
    os.utime(path, (then, then))


async def test_a_torrent_is_written_whole_under_the_releases_name(tmp_path: Path) -> None:
    client = torrent_blackhole(tmp_path)
    grab = GrabRequest(f"{TITLE}: Director's Cut?", DownloadProtocol.TORRENT, torrent=b"d4:infod4:name1:aee")
    assert await client.download(grab) is None
    assert os.listdir(tmp_path / "torrents") == [f"{TITLE} - Director's Cut!.torrent"]
    assert (tmp_path / "torrents" / f"{TITLE} - Director's Cut!.torrent").read_bytes() == grab.torrent


async def test_a_magnet_is_saved_only_when_asked(tmp_path: Path) -> None:
    magnet = GrabRequest(TITLE, DownloadProtocol.TORRENT, magnet="magnet:?xt=urn:btih:" + "a" * 40)
    with pytest.raises(DownloadRejected, match=r"^Blackhole does not support magnet links\.$"):
        await torrent_blackhole(tmp_path).download(magnet)
    saving = torrent_blackhole(tmp_path, saveMagnetFiles=True, magnetFileExtension=".mag")
    await saving.download(magnet)
    assert (tmp_path / "torrents" / f"{TITLE}.mag").read_text() == magnet.magnet


async def test_an_nzb_is_written_to_the_nzb_folder(tmp_path: Path) -> None:
    client = usenet_blackhole(tmp_path)
    await client.download(GrabRequest(TITLE, DownloadProtocol.USENET, nzb=b"<nzb/>"))
    assert (tmp_path / "nzbs" / f"{TITLE}.nzb").read_bytes() == b"<nzb/>"


async def test_the_watch_folder_lists_downloads_finished_once_settled(tmp_path: Path) -> None:
    client = torrent_blackhole(tmp_path)
    watch = tmp_path / "watch"
    done = watch / TITLE
    done.mkdir()
    (done / f"{TITLE}.mkv").write_bytes(b"x" * 1000)
    aged(done, 120)
    fresh = watch / "Heat.1995.720p.BluRay.x264-OTHER"
    fresh.mkdir()
    (fresh / "heat.mkv").write_bytes(b"y" * 10)
    (watch / "Alien.1979.1080p.WEB-DL.mkv").write_bytes(b"z" * 5)
    aged(watch / "Alien.1979.1080p.WEB-DL.mkv", 120)
    (watch / "readme.txt").write_text("not a download")
    (watch / ".hidden").mkdir()
    (watch / "@eaDir").mkdir()
    items = {i.title: i for i in await client.items()}
    assert set(items) == {TITLE, "Heat.1995.720p.BluRay.x264-OTHER", "Alien.1979.1080p.WEB-DL.mkv"}
    assert (items[TITLE].status, items[TITLE].total_size) == (DownloadStatus.COMPLETED, 1000)
    assert items[TITLE].output_path == str(done)
    assert not items[TITLE].can_move_files  # read-only by default: copied or hard-linked
    heat = items["Heat.1995.720p.BluRay.x264-OTHER"]
    assert heat.status is DownloadStatus.DOWNLOADING
    assert heat.remaining_time is not None
    assert 0 < heat.remaining_time.total_seconds() <= 30
    assert items["Alien.1979.1080p.WEB-DL.mkv"].status is DownloadStatus.COMPLETED
    # The same entry keeps its id; a file still being written holds the download back.
    (done / f"{TITLE}.mkv.part").write_bytes(b"p")
    aged(done, 120)
    again = {i.title: i for i in await client.items()}
    assert again[TITLE].download_id == items[TITLE].download_id
    assert again[TITLE].status is DownloadStatus.DOWNLOADING


async def test_removing_deletes_the_download_from_the_watch_folder(tmp_path: Path) -> None:
    client = usenet_blackhole(tmp_path)
    folder = tmp_path / "watch" / TITLE
    folder.mkdir()
    (folder / "film.mkv").write_bytes(b"x")
    [item] = await client.items()
    assert item.can_move_files
    await client.remove(item.download_id, delete_data=False)
    assert folder.exists()
    await client.remove(item.download_id, delete_data=True)
    assert not folder.exists()
    assert await client.items() == []


async def test_the_test_names_missing_and_unwritable_folders(tmp_path: Path) -> None:
    client = torrent_blackhole(tmp_path)
    assert await client.test() == []
    os.rmdir(tmp_path / "watch")
    [failure] = await client.test()
    assert (failure.property_name, failure.error_message) == ("watchFolder", "Folder does not exist")
    status = await client.status()
    assert status.output_folders == (str(tmp_path / "watch"),)
