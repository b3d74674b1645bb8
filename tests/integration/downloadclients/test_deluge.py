"""Deluge against a real deluged behind a real deluge-web: Radarr's test, adding torrents and magnets
with labels, reading the torrents back with their progress, removing them, the post-import label, and
what a wrong password, a wrong URL base or a closed port says."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

import pytest

from reelarr.downloadclients.base import (
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    DownloadStatus,
    GrabRequest,
)
from reelarr.downloadclients.deluge import rpc
from reelarr.downloadclients.deluge.client import Deluge
from reelarr.downloadclients.deluge.settings import DelugeSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from tests.support.deluge import DelugeServer, running_deluge_web_alone
from tests.support.net import free_port
from tests.support.torrentfiles import make_magnet, make_torrent, random_content
from tests.support.waiting import eventually

WRONG_PASSWORD = "not-the-deluge-password"


def client(server: DelugeServer, *, remove_completed: bool = True, **overrides: Any) -> Deluge:
    settings = DelugeSettings.model_validate(server.settings(**overrides))
    options = DownloadClientOptions(remove_completed_downloads=remove_completed)
    return Deluge(ProviderDefinition(0, "Deluge", "Deluge", "DelugeSettings", settings, options))


def label() -> str:
    """A label of the test's own: the session's Deluge is shared."""
    return f"reelarr-{uuid.uuid4().hex[:10]}"


def torrent_grab(name: str, content: bytes | None = None, **values: Any) -> GrabRequest:
    data, info_hash = make_torrent(name, content if content is not None else random_content())
    return GrabRequest(name, DownloadProtocol.TORRENT, torrent=data, info_hash=info_hash, **values)


def where(failures: list[ValidationFailure]) -> list[tuple[str, str]]:
    return [(f.property_name, f.severity) for f in failures]


async def item(deluge_client: Deluge, download_id: str) -> DownloadItem | None:
    return next((i for i in await deluge_client.items() if i.download_id == download_id), None)


def place(server: DelugeServer, name: str, content: bytes) -> Path:
    """Put a torrent's content where Deluge downloads to, as if it had downloaded it already."""
    path = server.download_dir / name
    path.write_bytes(content)
    return path


async def test_good_settings_pass_and_add_both_labels(deluge: DelugeServer) -> None:
    mine = label()
    settings = {"movieCategory": mine, "movieImportedCategory": f"{mine}-imported"}
    assert await client(deluge, **settings).test() == []
    assert {mine, f"{mine}-imported"} <= set(deluge.call("label.get_labels"))


async def test_a_wrong_password_is_an_authentication_failure_that_never_shows_it(
    deluge: DelugeServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    found = await client(deluge, password=WRONG_PASSWORD).test()
    assert where(found) == [("password", "error")]
    assert found[0].error_message.startswith("Authentication Failure: please verify the password")
    with pytest.raises(DownloadClientUnavailable) as raised:
        await client(deluge, password=WRONG_PASSWORD).check_connection()
    assert str(raised.value) == "Authentication failure: check Deluge's Web UI password"
    for text in (found[0].error_message, str(raised.value), caplog.text):
        assert WRONG_PASSWORD not in text
        assert deluge.password not in text


async def test_nothing_listening_is_unable_to_connect(deluge: DelugeServer) -> None:
    found = await client(deluge, port=free_port()).test()
    assert where(found) == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to Deluge, please check your settings")
    assert found[0].error_message.endswith("Please verify the hostname and port.")
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to Deluge"):
        await client(deluge, port=free_port()).items()


async def test_a_web_ui_without_its_daemon_is_unable_to_connect(tmp_path: Path) -> None:
    with running_deluge_web_alone(tmp_path) as alone:
        found = await client(alone).test()
        assert where(found) == [("host", "error")]
        assert found[0].error_message.startswith(
            "Failed to connect to Deluge daemon: deluge-web could not reach"
        )
        with pytest.raises(DownloadClientUnavailable, match=r"^Failed to connect to Deluge daemon"):
            await client(alone).items()


async def test_a_wrong_url_base_is_what_deluge_web_answers(deluge: DelugeServer) -> None:
    found = await client(deluge, urlBase="/elsewhere").test()
    assert where(found) == [("", "error")]
    assert found[0].error_message == "Unknown exception: Unexpected response (HTTP 404)"


async def test_reaching_the_client(deluge: DelugeServer) -> None:
    await client(deluge).check_connection()


async def test_a_torrent_gets_its_label_directory_and_seed_ratio(
    deluge: DelugeServer, tmp_path: Path
) -> None:
    mine = label()
    grab = torrent_grab("Movie.Title.2020.1080p.mkv", seed_ratio=1.5)
    assert grab.info_hash is not None
    deluge_client = client(deluge, movieCategory=mine, addPaused=True, downloadDirectory=str(tmp_path))
    assert await deluge_client.download(grab) == grab.info_hash
    added = deluge.torrent(grab.info_hash, "label", "save_path", "stop_ratio", "stop_at_ratio", "state")
    assert added is not None
    assert (added["label"], added["save_path"]) == (mine, str(tmp_path))
    assert (added["stop_ratio"], added["stop_at_ratio"]) == (1.5, True)
    assert added["state"] == "Paused"
    found = await item(deluge_client, grab.info_hash)
    assert found is not None
    assert (found.status, found.category, found.remaining_size) == (DownloadStatus.PAUSED, mine, 2 * 16384)
    assert found.output_path == f"{tmp_path}/Movie.Title.2020.1080p.mkv"


async def test_a_magnet_is_added_with_its_label(deluge: DelugeServer) -> None:
    mine = label()
    magnet, info_hash = make_magnet("Magnet.Movie.2021.720p")
    grab = GrabRequest("Magnet.Movie.2021.720p", DownloadProtocol.TORRENT, magnet=magnet, info_hash=info_hash)
    deluge_client = client(deluge, movieCategory=mine)
    assert await deluge_client.download(grab) == info_hash
    found = await item(deluge_client, info_hash)
    assert found is not None
    assert (found.status, found.total_size, found.category) == (DownloadStatus.DOWNLOADING, 0, mine)


async def test_first_priority_moves_the_torrent_to_the_top_of_the_queue(deluge: DelugeServer) -> None:
    mine = label()
    earlier = torrent_grab("Earlier.Movie.2018.mkv")
    recent = torrent_grab("Recent.Movie.2024.mkv", recent=True)
    assert recent.info_hash is not None
    deluge_client = client(deluge, movieCategory=mine, recentMoviePriority=1)
    await deluge_client.download(earlier)
    await deluge_client.download(recent)
    added = deluge.torrent(recent.info_hash, "queue")
    assert added is not None
    assert added["queue"] == 0


async def test_a_corrupt_torrent_and_a_duplicate_are_rejected(deluge: DelugeServer) -> None:
    broken = GrabRequest("Broken", DownloadProtocol.TORRENT, torrent=b"d4:infoi1ee", info_hash="A" * 40)
    with pytest.raises(DownloadRejected, match="missing or invalid 'info' section"):
        await client(deluge).download(broken)
    grab = torrent_grab("Twice.Movie.2020.mkv")
    await client(deluge, addPaused=True).download(grab)
    with pytest.raises(DownloadRejected, match=r"Torrent already in session"):
        await client(deluge, addPaused=True).download(grab)


async def test_a_torrent_downloading_and_one_whose_content_is_there(deluge: DelugeServer) -> None:
    mine = label()
    content = random_content()
    place(deluge, "Complete.Movie.2020.mkv", content)
    complete = torrent_grab("Complete.Movie.2020.mkv", content)
    downloading = torrent_grab("Downloading.Movie.2020.mkv")
    assert complete.info_hash is not None
    assert downloading.info_hash is not None
    deluge_client = client(deluge, movieCategory=mine)
    await deluge_client.download(complete)
    await deluge_client.download(downloading)

    async def completed() -> DownloadItem | None:
        found = await item(deluge_client, str(complete.info_hash))
        return found if found is not None and found.status is DownloadStatus.COMPLETED else None

    done = await eventually(completed)
    assert (done.total_size, done.remaining_size) == (len(content), 0)
    assert done.output_path == f"{deluge.download_dir}/Complete.Movie.2020.mkv"
    assert (done.can_be_removed, done.can_move_files) == (False, False)  # seeding, no limit reached
    running = await item(deluge_client, downloading.info_hash)
    assert running is not None
    assert (running.status, running.remaining_size) == (DownloadStatus.DOWNLOADING, running.total_size)


async def test_only_the_labels_torrents_are_reelarrs(deluge: DelugeServer) -> None:
    mine, other = label(), label()
    grab = torrent_grab("Other.Label.Movie.mkv")
    await client(deluge, movieCategory=other, addPaused=True).download(grab)
    assert await item(client(deluge, movieCategory=mine), str(grab.info_hash)) is None
    assert await item(client(deluge, movieCategory=other), str(grab.info_hash)) is not None
    assert await item(client(deluge, movieCategory=""), str(grab.info_hash)) is not None


async def test_a_torrent_paused_at_its_seed_ratio_may_be_removed_and_moved(deluge: DelugeServer) -> None:
    mine = label()
    content = random_content()
    place(deluge, "Seeded.Movie.2020.mkv", content)
    grab = torrent_grab("Seeded.Movie.2020.mkv", content, seed_ratio=0.0)
    deluge_client = client(deluge, movieCategory=mine)
    await deluge_client.download(grab)

    async def seeded() -> DownloadItem | None:
        found = await item(deluge_client, str(grab.info_hash))
        return found if found is not None and found.can_be_removed else None

    done = await eventually(seeded)
    assert (done.status, done.can_move_files) == (DownloadStatus.COMPLETED, True)
    kept = await item(client(deluge, movieCategory=mine, remove_completed=False), str(grab.info_hash))
    assert kept is not None
    assert (kept.can_be_removed, kept.can_move_files) == (False, False)


async def test_marking_imported_moves_the_torrent_to_the_post_import_label(deluge: DelugeServer) -> None:
    mine = label()
    grab = torrent_grab("Imported.Movie.2020.mkv")
    deluge_client = client(deluge, movieCategory=mine, movieImportedCategory=f"{mine}-done", addPaused=True)
    await deluge_client.download(grab)
    await deluge_client.mark_imported(str(grab.info_hash))
    assert deluge.torrent(str(grab.info_hash), "label") == {
        "hash": str(grab.info_hash).lower(),
        "label": f"{mine}-done",
    }
    assert await item(deluge_client, str(grab.info_hash)) is None
    unchanged = torrent_grab("Kept.Label.Movie.2020.mkv")
    await client(deluge, movieCategory=mine, addPaused=True).download(unchanged)
    await client(deluge, movieCategory=mine).mark_imported(str(unchanged.info_hash))
    assert (deluge.torrent(str(unchanged.info_hash), "label") or {})["label"] == mine


@pytest.mark.parametrize("delete_data", [True, False])
async def test_removing_a_torrent_with_or_without_its_data(deluge: DelugeServer, delete_data: bool) -> None:
    content = random_content()
    path = place(deluge, f"Removed.Movie.{delete_data}.mkv", content)
    grab = torrent_grab(path.name, content)
    deluge_client = client(deluge, addPaused=True)
    await deluge_client.download(grab)
    await deluge_client.remove(str(grab.info_hash), delete_data=delete_data)
    assert deluge.torrent(str(grab.info_hash)) is None
    assert path.exists() is not delete_data
    await deluge_client.remove(str(grab.info_hash), delete_data=delete_data)  # gone already: no error


async def test_the_web_uis_session_is_kept_and_renewed_once_refused(deluge: DelugeServer) -> None:
    deluge_client = client(deluge, movieCategory=label())
    await deluge_client.items()
    [key] = [k for k in rpc.SESSIONS if k[0] == deluge_client.settings.json_url()]
    kept = rpc.SESSIONS[key]
    await deluge_client.items()
    assert rpc.SESSIONS[key] == kept  # no new login
    rpc.SESSIONS[key] = "0" * 64  # a session deluge-web does not know (it forgot it, or restarted)
    assert await deluge_client.items() == []
    assert rpc.SESSIONS[key] not in (kept, "0" * 64)
    await client(deluge, password=WRONG_PASSWORD).test()
    assert rpc.SESSIONS[key] not in (kept, "0" * 64)  # another password's failure leaves it be


async def test_the_output_folder_is_where_deluge_puts_reelarrs_torrents(
    deluge: DelugeServer, tmp_path: Path
) -> None:
    mine = label()
    assert (await client(deluge, movieCategory=mine).status()).output_folders == (str(deluge.download_dir),)
    moved = tmp_path / "moved"
    deluge.call("label.add", mine)
    deluge.call(
        "label.set_options",
        mine,
        {"apply_move_completed": True, "move_completed": True, "move_completed_path": str(moved)},
    )
    assert (await client(deluge, movieCategory=mine).status()).output_folders == (str(moved),)
    done = client(deluge, movieCategory=mine, downloadDirectory="/data/in", completedDirectory="/data/done")
    assert (await done.status()).output_folders == ("/data/done",)
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to Deluge"):
        await client(deluge, port=free_port()).status()
