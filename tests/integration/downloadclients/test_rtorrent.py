"""rTorrent against a real rtorrent behind an HTTP-to-SCGI bridge: Radarr's test, adding torrents and
magnets, reading the torrents back, removing them, labels, and what bad credentials or a closed port
say."""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from reelarr.downloadclients.base import (
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    DownloadStatus,
    GrabRequest,
)
from reelarr.downloadclients.rtorrent.client import RTorrent
from reelarr.downloadclients.rtorrent.settings import RTorrentSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from tests.support.downloadclients import rtorrent_resource
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.rtorrent import RTorrentServer
from tests.support.torrentfiles import ANNOUNCE, make_magnet, make_torrent, random_content
from tests.support.waiting import eventually

WRONG_PASSWORD = "not-the-rtorrent-password"


def client(server: RTorrentServer, *, remove_completed: bool = True, **overrides: Any) -> RTorrent:
    settings = RTorrentSettings.model_validate(server.settings(**overrides))
    options = DownloadClientOptions(remove_completed_downloads=remove_completed)
    return RTorrent(ProviderDefinition(0, "rTorrent", "RTorrent", "RTorrentSettings", settings, options))


def torrent_grab(name: str, content: bytes | None = None, **values: Any) -> GrabRequest:
    data, info_hash = make_torrent(name, content if content is not None else random_content())
    return GrabRequest(name, DownloadProtocol.TORRENT, torrent=data, info_hash=info_hash, **values)


def where(failures: list[ValidationFailure]) -> list[tuple[str, str]]:
    return [(f.property_name, f.severity) for f in failures]


async def item(rtorrent_client: RTorrent, download_id: str) -> DownloadItem | None:
    return next((i for i in await rtorrent_client.items() if i.download_id == download_id), None)


def with_content(server: RTorrentServer, name: str) -> tuple[GrabRequest, Path]:
    """A grab whose content is already in rTorrent's directory: it completes once checked."""
    content = random_content()
    path = server.download_dir / name
    path.write_bytes(content)
    return torrent_grab(name, content), path


async def test_good_settings_pass(rtorrent: RTorrentServer) -> None:
    assert await client(rtorrent).test() == []


async def test_a_wrong_password_is_an_authentication_failure_that_never_shows_it(
    rtorrent: RTorrentServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    found = await client(rtorrent, password=WRONG_PASSWORD).test()
    assert where(found) == [("username", "error")]
    assert found[0].error_message == "Authentication failure"
    with pytest.raises(DownloadClientUnavailable) as raised:
        await client(rtorrent, password=WRONG_PASSWORD).check_connection()
    assert str(raised.value) == "Authentication failure: check rTorrent's user name and password"
    encoded = base64.b64encode(f"{rtorrent.username}:{WRONG_PASSWORD}".encode()).decode()
    for text in (found[0].error_message, str(raised.value), caplog.text):
        assert WRONG_PASSWORD not in text
        assert encoded not in text


async def test_nothing_listening_is_unable_to_connect(rtorrent: RTorrentServer) -> None:
    found = await client(rtorrent, port=free_port()).test()
    assert where(found) == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to rTorrent")
    assert found[0].error_message.endswith("Please verify the hostname and port.")
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to rTorrent"):
        await client(rtorrent, port=free_port()).check_connection()


async def test_a_wrong_url_path_says_what_the_server_answered(rtorrent: RTorrentServer) -> None:
    found = await client(rtorrent, urlBase="elsewhere").test()
    assert where(found) == [("", "error")]
    assert found[0].error_message == "Unable to connect to rTorrent: Unexpected response (HTTP 404)"


async def test_reaching_the_client(rtorrent: RTorrentServer) -> None:
    await client(rtorrent).check_connection()


async def test_a_torrent_gets_the_label_directory_priority_and_seed_goals(
    rtorrent: RTorrentServer, tmp_path: Path
) -> None:
    grab = torrent_grab("Movie.Title.2020.1080p.mkv", seed_ratio=1.5, seed_time_minutes=90, recent=True)
    rtorrent_client = client(rtorrent, addStopped=True, movieDirectory=str(tmp_path), recentMoviePriority=3)
    assert await rtorrent_client.download(grab) == grab.info_hash
    info_hash = str(grab.info_hash)
    assert rtorrent.call("d.custom1", info_hash) == "radarr"
    assert rtorrent.call("d.directory", info_hash) == str(tmp_path)
    assert rtorrent.call("d.priority", info_hash) == 3
    assert rtorrent.call("d.custom", info_hash, "reelarr_seedratio") == "1.5"
    assert rtorrent.call("d.custom", info_hash, "reelarr_seedtime") == "90"
    found = await item(rtorrent_client, info_hash)
    assert found is not None
    assert (found.status, found.category, found.output_path) == (
        DownloadStatus.PAUSED,
        "radarr",
        f"{tmp_path}/Movie.Title.2020.1080p.mkv",
    )


async def test_a_started_torrent_is_downloading(rtorrent: RTorrentServer) -> None:
    grab = torrent_grab("Downloading.Movie.2020.mkv")
    rtorrent_client = client(rtorrent)
    await rtorrent_client.download(grab)
    found = await item(rtorrent_client, str(grab.info_hash))
    assert found is not None
    assert (found.status, found.remaining_size, found.total_size) == (
        DownloadStatus.DOWNLOADING,
        found.total_size,
        2 * 16 * 1024,
    )


async def test_a_magnet_with_a_tracker_is_added(rtorrent: RTorrentServer) -> None:
    magnet, info_hash = make_magnet("Magnet.Movie.2021.720p")
    grab = GrabRequest(
        "Magnet.Movie.2021.720p",
        DownloadProtocol.TORRENT,
        magnet=f"{magnet}&tr={quote(ANNOUNCE, safe='')}",
        info_hash=info_hash,
    )
    rtorrent_client = client(rtorrent)
    assert await rtorrent_client.download(grab) == info_hash
    found = await item(rtorrent_client, info_hash)
    assert found is not None
    assert (found.status, found.category) == (DownloadStatus.DOWNLOADING, "radarr")


async def test_a_magnet_rtorrent_cannot_use_is_rejected(rtorrent: RTorrentServer) -> None:
    magnet, info_hash = make_magnet("Trackerless.Movie.2021")  # no tracker, and DHT is off
    grab = GrabRequest("Trackerless.Movie.2021", DownloadProtocol.TORRENT, magnet=magnet, info_hash=info_hash)
    with pytest.raises(DownloadRejected, match=r"rTorrent could not add Trackerless\.Movie\.2021"):
        await client(rtorrent).download(grab)


async def test_a_corrupt_torrent_is_rejected(rtorrent: RTorrentServer) -> None:
    grab = GrabRequest("Broken", DownloadProtocol.TORRENT, torrent=b"d4:infoi1ee", info_hash="A" * 40)
    with pytest.raises(DownloadRejected, match="Not a torrent file"):
        await client(rtorrent).download(grab)


async def test_a_torrent_whose_content_is_there_completes(rtorrent: RTorrentServer) -> None:
    grab, path = with_content(rtorrent, "Complete.Movie.2020.mkv")
    rtorrent_client = client(rtorrent)
    await rtorrent_client.download(grab)

    async def completed() -> DownloadItem | None:
        found = await item(rtorrent_client, str(grab.info_hash))
        return found if found is not None and found.status is DownloadStatus.COMPLETED else None

    done = await eventually(completed)
    assert (done.total_size, done.remaining_size) == (path.stat().st_size, 0)
    assert done.output_path == str(path)
    assert (done.can_be_removed, done.can_move_files) == (False, False)  # no seed goals: kept


async def test_only_the_categorys_torrents_are_reelarrs(rtorrent: RTorrentServer) -> None:
    other = torrent_grab("Other.Category.Movie.mkv")
    await client(rtorrent, movieCategory="tv-sonarr", addStopped=True).download(other)
    assert await item(client(rtorrent), str(other.info_hash)) is None
    assert await item(client(rtorrent, movieCategory="tv-sonarr"), str(other.info_hash)) is not None


async def test_a_torrent_at_its_seed_ratio_may_be_removed_and_moved(rtorrent: RTorrentServer) -> None:
    content = random_content()
    (rtorrent.download_dir / "Seeded.Movie.2020.mkv").write_bytes(content)
    grab = torrent_grab("Seeded.Movie.2020.mkv", content, seed_ratio=0.0)
    rtorrent_client = client(rtorrent)
    await rtorrent_client.download(grab)

    async def seeded() -> DownloadItem | None:
        found = await item(rtorrent_client, str(grab.info_hash))
        return found if found is not None and found.can_be_removed else None

    done = await eventually(seeded)
    assert (done.status, done.can_move_files) == (DownloadStatus.COMPLETED, True)
    kept = await item(client(rtorrent, remove_completed=False), str(grab.info_hash))
    assert kept is not None
    assert (kept.can_be_removed, kept.can_move_files) == (False, False)


@pytest.mark.parametrize("delete_data", [True, False])
async def test_removing_a_torrent_with_or_without_its_data(
    rtorrent: RTorrentServer, delete_data: bool
) -> None:
    grab, path = with_content(rtorrent, f"Removed.Movie.{delete_data}.mkv")
    rtorrent_client = client(rtorrent)
    await rtorrent_client.download(grab)
    await eventually(lambda: _complete(rtorrent, str(grab.info_hash)))
    await rtorrent_client.remove(str(grab.info_hash), delete_data=delete_data)
    assert str(grab.info_hash) not in rtorrent.hashes()
    assert path.exists() is not delete_data


async def _complete(server: RTorrentServer, info_hash: str) -> bool:
    return bool(server.call("d.complete", info_hash))


async def test_removing_a_torrent_rtorrent_no_longer_holds_is_done(rtorrent: RTorrentServer) -> None:
    await client(rtorrent).remove("B" * 40, delete_data=True)


async def test_an_imported_torrent_gets_the_post_import_label(rtorrent: RTorrentServer) -> None:
    grab = torrent_grab("Imported.Movie.2020.mkv")
    rtorrent_client = client(rtorrent, movieImportedCategory="radarr-imported", addStopped=True)
    await rtorrent_client.download(grab)
    await rtorrent_client.mark_imported(str(grab.info_hash))
    assert rtorrent.call("d.custom1", str(grab.info_hash)) == "radarr-imported"
    assert await item(rtorrent_client, str(grab.info_hash)) is None


async def test_the_output_folder_is_rtorrents_default_directory_or_the_settings(
    rtorrent: RTorrentServer, tmp_path: Path
) -> None:
    assert (await client(rtorrent).status()).output_folders == (str(rtorrent.download_dir),)
    chosen = client(rtorrent, movieDirectory=str(tmp_path))
    assert (await chosen.status()).output_folders == (str(tmp_path),)


async def test_removing_with_data_deletes_where_a_remote_path_mapping_puts_it(
    server: LiveServer, rtorrent: RTorrentServer, tmp_path: Path
) -> None:
    # rTorrent "runs elsewhere": its download folder is seen here under another path, by a mapping.
    here = tmp_path / "mounted-downloads"
    here.mkdir()
    mapping = {"host": "127.0.0.1", "remotePath": f"{rtorrent.download_dir}/", "localPath": f"{here}/"}
    assert (await server.client.post("/api/v3/remotepathmapping", json=mapping)).status_code == 201
    body = await rtorrent_resource(server.client, rtorrent)
    added = await server.client.post("/api/v3/downloadclient", json=body)
    assert added.status_code == 201, added.text
    clients = server.services.download_clients.providers
    rtorrent_client = clients.instance(await clients.get(added.json()["id"]))
    grab, reported = with_content(rtorrent, "Mapped.Removed.Movie.mkv")
    await rtorrent_client.download(grab)
    await eventually(lambda: _complete(rtorrent, str(grab.info_hash)))
    local = here / reported.name
    reported.rename(local)  # only the mapped path exists on "this machine" now

    await rtorrent_client.remove(str(grab.info_hash), delete_data=True)

    assert str(grab.info_hash) not in rtorrent.hashes()
    assert not local.exists()
