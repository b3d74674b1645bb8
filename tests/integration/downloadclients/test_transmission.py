"""Transmission against a real transmission-daemon: Radarr's test, adding torrents and magnets,
reading the torrents back, removing them, and what a wrong password or a closed port says."""

from __future__ import annotations

import base64
import logging
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
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.downloadclients.transmission.client import Transmission
from reelarr.downloadclients.transmission.settings import TransmissionSettings
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from tests.support.net import free_port
from tests.support.torrentfiles import make_magnet, make_torrent, random_content
from tests.support.transmission import TransmissionServer
from tests.support.waiting import eventually

WRONG_PASSWORD = "not-the-transmission-password"


def client(server: TransmissionServer, *, remove_completed: bool = True, **overrides: Any) -> Transmission:
    settings = TransmissionSettings.model_validate(server.settings(**overrides))
    options = DownloadClientOptions(remove_completed_downloads=remove_completed)
    return Transmission(
        ProviderDefinition(0, "Transmission", "Transmission", "TransmissionSettings", settings, options)
    )


def torrent_grab(name: str, content: bytes | None = None, **values: Any) -> GrabRequest:
    data, info_hash = make_torrent(name, content if content is not None else random_content())
    return GrabRequest(name, DownloadProtocol.TORRENT, torrent=data, info_hash=info_hash, **values)


def where(failures: list[ValidationFailure]) -> list[tuple[str, str]]:
    return [(f.property_name, f.severity) for f in failures]


async def item(transmission_client: Transmission, download_id: str) -> DownloadItem | None:
    return next((i for i in await transmission_client.items() if i.download_id == download_id), None)


async def has(server: TransmissionServer, info_hash: str, **expected: Any) -> bool:
    """Whether Transmission holds the torrent with these field values now."""
    found = server.torrent(info_hash, *expected)
    return found is not None and all(found[name] == value for name, value in expected.items())


async def test_good_settings_pass(transmission: TransmissionServer) -> None:
    assert await client(transmission).test() == []


async def test_a_wrong_password_is_an_authentication_failure_that_never_shows_it(
    transmission: TransmissionServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    found = await client(transmission, password=WRONG_PASSWORD).test()
    assert where(found) == [("username", "error")]
    assert found[0].error_message.startswith("Authentication Failure: Please verify your username")
    with pytest.raises(DownloadClientUnavailable) as raised:
        await client(transmission, password=WRONG_PASSWORD).check_connection()
    assert str(raised.value) == "Authentication failure: check the username and password"
    encoded = base64.b64encode(f"{transmission.username}:{WRONG_PASSWORD}".encode()).decode()
    for text in (found[0].error_message, str(raised.value), caplog.text):
        assert WRONG_PASSWORD not in text
        assert transmission.password not in text
        assert encoded not in text  # nor the Authorization header


async def test_nothing_listening_is_unable_to_connect(transmission: TransmissionServer) -> None:
    found = await client(transmission, port=free_port()).test()
    assert where(found) == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to Transmission")
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to Transmission"):
        await client(transmission, port=free_port()).check_connection()


async def test_a_wrong_url_base_is_the_redirect_transmission_answers(
    transmission: TransmissionServer,
) -> None:
    found = await client(transmission, urlBase="/elsewhere/").test()
    assert where(found) == [("", "error")]
    assert found[0].error_message == "Unknown exception: Remote site redirected to /transmission/web/"


async def test_reaching_the_client(transmission: TransmissionServer) -> None:
    await client(transmission).check_connection()


async def test_a_torrent_goes_to_the_categorys_directory_with_its_seed_goals(
    transmission: TransmissionServer,
) -> None:
    grab = torrent_grab("Movie.Title.2020.1080p.mkv", seed_ratio=1.5, seed_time_minutes=90)
    assert grab.info_hash is not None
    assert await client(transmission, addPaused=True).download(grab) == grab.info_hash
    added = transmission.torrent(
        grab.info_hash,
        "downloadDir",
        "seedRatioLimit",
        "seedRatioMode",
        "seedIdleLimit",
        "seedIdleMode",
    )
    assert added is not None
    assert added["downloadDir"] == f"{transmission.download_dir}/radarr"
    assert (added["seedRatioLimit"], added["seedRatioMode"]) == (1.5, 1)
    assert (added["seedIdleLimit"], added["seedIdleMode"]) == (90, 1)
    await eventually(lambda: has(transmission, str(grab.info_hash), status=0))  # stopped once checked


async def test_a_magnet_is_added_and_queued_until_its_metadata_comes(
    transmission: TransmissionServer,
) -> None:
    magnet, info_hash = make_magnet("Magnet.Movie.2021.720p")
    grab = GrabRequest("Magnet.Movie.2021.720p", DownloadProtocol.TORRENT, magnet=magnet, info_hash=info_hash)
    transmission_client = client(transmission)
    assert await transmission_client.download(grab) == info_hash
    found = await item(transmission_client, info_hash)
    assert found is not None
    assert (found.status, found.total_size, found.category) == (DownloadStatus.QUEUED, 0, "radarr")


async def test_a_directory_replaces_the_category(transmission: TransmissionServer, tmp_path: Path) -> None:
    grab = torrent_grab("Directory.Movie.2019.mkv")
    assert grab.info_hash is not None
    transmission_client = client(transmission, movieCategory="", movieDirectory=str(tmp_path))
    await transmission_client.download(grab)
    added = transmission.torrent(grab.info_hash, "downloadDir")
    assert added is not None
    assert added["downloadDir"] == str(tmp_path)
    assert [i.download_id for i in await transmission_client.items()] == [grab.info_hash]


async def test_first_priority_moves_the_torrent_to_the_top_of_the_queue(
    transmission: TransmissionServer,
) -> None:
    earlier = torrent_grab("Earlier.Movie.2018.mkv")
    recent = torrent_grab("Recent.Movie.2024.mkv", recent=True)
    assert recent.info_hash is not None
    transmission_client = client(transmission, recentMoviePriority=1)
    await transmission_client.download(earlier)
    await transmission_client.download(recent)
    added = transmission.torrent(recent.info_hash, "queuePosition")
    assert added is not None
    assert added["queuePosition"] == 0


async def test_a_corrupt_torrent_is_rejected(transmission: TransmissionServer) -> None:
    grab = GrabRequest("Broken", DownloadProtocol.TORRENT, torrent=b"d4:infoi1ee", info_hash="A" * 40)
    with pytest.raises(DownloadRejected, match="invalid or corrupt torrent file"):
        await client(transmission).download(grab)


async def test_a_torrent_downloading_and_one_whose_content_is_there(transmission: TransmissionServer) -> None:
    content = random_content()
    (transmission.download_dir / "radarr").mkdir(exist_ok=True)
    (transmission.download_dir / "radarr" / "Complete.Movie.2020.mkv").write_bytes(content)
    complete = torrent_grab("Complete.Movie.2020.mkv", content)
    downloading = torrent_grab("Downloading.Movie.2020.mkv")
    assert complete.info_hash is not None
    assert downloading.info_hash is not None
    transmission_client = client(transmission)
    await transmission_client.download(complete)
    await transmission_client.download(downloading)

    async def completed() -> DownloadItem | None:
        found = await item(transmission_client, str(complete.info_hash))
        return found if found is not None and found.status is DownloadStatus.COMPLETED else None

    done = await eventually(completed)
    assert (done.total_size, done.remaining_size) == (len(content), 0)
    assert done.output_path == f"{transmission.download_dir}/radarr/Complete.Movie.2020.mkv"
    assert (done.can_be_removed, done.can_move_files) == (False, False)  # seeding, no limit reached
    running = await item(transmission_client, downloading.info_hash)
    assert running is not None
    assert (running.status, running.remaining_size) == (DownloadStatus.DOWNLOADING, running.total_size)


async def test_only_the_categorys_torrents_are_reelarrs(transmission: TransmissionServer) -> None:
    other = torrent_grab("Other.Category.Movie.mkv")
    await client(transmission, movieCategory="tv-sonarr").download(other)
    assert await item(client(transmission), str(other.info_hash)) is None
    assert await item(client(transmission, movieCategory="tv-sonarr"), str(other.info_hash)) is not None


async def test_a_torrent_stopped_at_its_seed_ratio_may_be_removed_and_moved(
    transmission: TransmissionServer,
) -> None:
    content = random_content()
    (transmission.download_dir / "radarr").mkdir(exist_ok=True)
    (transmission.download_dir / "radarr" / "Seeded.Movie.2020.mkv").write_bytes(content)
    grab = torrent_grab("Seeded.Movie.2020.mkv", content, seed_ratio=0.0)
    transmission_client = client(transmission, addPaused=True)
    await transmission_client.download(grab)

    async def seeded() -> DownloadItem | None:
        found = await item(transmission_client, str(grab.info_hash))
        return found if found is not None and found.can_be_removed else None

    done = await eventually(seeded)
    assert (done.status, done.can_move_files) == (DownloadStatus.COMPLETED, True)
    kept = await item(client(transmission, addPaused=True, remove_completed=False), str(grab.info_hash))
    assert kept is not None
    assert (kept.can_be_removed, kept.can_move_files) == (False, False)


async def test_transmissions_error_is_a_warning(transmission: TransmissionServer) -> None:
    content = random_content()
    path = transmission.download_dir / "radarr" / "Vanished.Movie.2020.mkv"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    grab = torrent_grab(path.name, content)
    transmission_client = client(transmission, addPaused=True)
    await transmission_client.download(grab)
    await eventually(lambda: has(transmission, str(grab.info_hash), leftUntilDone=0))
    path.unlink()
    transmission.rpc("torrent-start", ids=[str(grab.info_hash).lower()])

    async def warned() -> DownloadItem | None:
        found = await item(transmission_client, str(grab.info_hash))
        return found if found is not None and found.status is DownloadStatus.WARNING else None

    found = await eventually(warned)
    assert found.message is not None
    assert found.message.startswith("Transmission is reporting an error: No data found!")


@pytest.mark.parametrize("delete_data", [True, False])
async def test_removing_a_torrent_with_or_without_its_data(
    transmission: TransmissionServer, delete_data: bool
) -> None:
    content = random_content()
    name = f"Removed.Movie.{delete_data}.mkv"
    path = transmission.download_dir / "radarr" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    grab = torrent_grab(name, content)
    transmission_client = client(transmission, addPaused=True)
    await transmission_client.download(grab)
    await eventually(lambda: has(transmission, str(grab.info_hash), leftUntilDone=0))
    await transmission_client.remove(str(grab.info_hash), delete_data=delete_data)
    assert transmission.torrent(str(grab.info_hash)) is None
    assert path.exists() is not delete_data


async def test_transmission_before_4_keeps_an_imported_torrent_as_it_is(
    transmission: TransmissionServer,
) -> None:
    grab = torrent_grab("Imported.Movie.2020.mkv")
    transmission_client = client(transmission, movieImportedCategory="imported", addPaused=True)
    await transmission_client.download(grab)
    await transmission_client.mark_imported(str(grab.info_hash))  # Transmission 3: no labels to set
    found = transmission.torrent(str(grab.info_hash), "labels", "downloadDir")
    assert found is not None
    assert (found["labels"], found["downloadDir"]) == ([], f"{transmission.download_dir}/radarr")
    assert await item(transmission_client, str(grab.info_hash)) is not None
