"""NZBGet against a real NZBGet reading a real INN on 127.0.0.1: Radarr's test, adding NZBs of a real
ffmpeg-made file, following them to a completed folder, a download whose articles are missing reported
as failed, removing downloads, and what wrong credentials or a closed port say."""

from __future__ import annotations

import logging
import shutil
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
from reelarr.downloadclients.nzbget.client import Nzbget
from reelarr.downloadclients.nzbget.settings import NzbgetSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.support.downloadclients import add_nzbget
from tests.support.inn import InnServer, unposted_nzb
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.nzbget import CATEGORY, NzbgetServer
from tests.support.waiting import eventually

__all__ = ["sample_media"]
WRONG_PASSWORD = "not-the-nzbget-password"


def client(server: NzbgetServer, **overrides: Any) -> Nzbget:
    settings = NzbgetSettings.model_validate(server.settings(**overrides))
    return Nzbget(
        ProviderDefinition(0, "NZBGet", "Nzbget", "NzbgetSettings", settings, DownloadClientOptions())
    )


def where(failures: list[ValidationFailure]) -> list[tuple[str, str, str]]:
    return [(f.property_name, f.severity, f.error_message) for f in failures]


async def item(nzb: Nzbget, download_id: str) -> DownloadItem | None:
    return next((i for i in await nzb.items() if i.download_id == download_id), None)


async def finished(nzb: Nzbget, download_id: str) -> DownloadItem:
    """The download once it left the queue and NZBGet's post-processing."""

    async def done() -> DownloadItem | None:
        found = await item(nzb, download_id)
        return (
            found
            if found is not None
            and found.remaining_time is not None
            and not found.remaining_size
            and found.status in (DownloadStatus.COMPLETED, DownloadStatus.FAILED, DownloadStatus.WARNING)
            else None
        )

    return await eventually(done, within=30)


def nzb_id(server: NzbgetServer, download_id: str) -> int:
    """NZBGet's own id of a queued download that Reelarr added."""
    for group in server.queue():
        if any(p["Name"] == "drone" and p["Value"] == download_id for p in group["Parameters"]):
            return int(group["NZBID"])
    raise AssertionError(f"{download_id} is not in NZBGet's queue")


@pytest.fixture(scope="module")
def movie(sample_media: SampleMedia) -> bytes:
    """A real film file (ffmpeg-made, about 40 KB)."""
    return sample_media.path(MediaKind.FEATURE_90MIN).read_bytes()


def posted(inn: InnServer, title: str, content: bytes) -> GrabRequest:
    return GrabRequest(title, DownloadProtocol.USENET, nzb=inn.post_nzb({f"{title}.mkv": content}))


async def test_good_settings_pass(nzbget: NzbgetServer) -> None:
    assert await client(nzbget).test() == []
    await client(nzbget).check_connection()


async def test_wrong_credentials_are_an_authentication_failure(
    nzbget: NzbgetServer, inn: InnServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = client(nzbget, password=WRONG_PASSWORD)
    assert where(await wrong.test()) == [("username", "error", "Authentication Failure")]
    with pytest.raises(DownloadClientUnavailable, match=r"^Authentication failed for NZBGet") as raised:
        await wrong.check_connection()
    with pytest.raises(DownloadClientUnavailable):
        await wrong.download(GrabRequest("Any.2020", DownloadProtocol.USENET, nzb=unposted_nzb("a", b"a")))
    with pytest.raises(DownloadClientUnavailable):
        await wrong.items()
    assert WRONG_PASSWORD not in str(raised.value) + caplog.text


async def test_nothing_listening_is_unable_to_connect(nzbget: NzbgetServer) -> None:
    closed = client(nzbget, port=free_port())
    found = await closed.test()
    assert [(f.property_name, f.severity) for f in found] == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to NZBGet")
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to NZBGet"):
        await closed.check_connection()
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to NZBGet"):
        await closed.download(GrabRequest("Any.2020", DownloadProtocol.USENET, nzb=unposted_nzb("a", b"a")))


async def test_a_missing_category_fails_the_test(nzbget: NzbgetServer) -> None:
    assert where(await client(nzbget, movieCategory="Films").test()) == [
        ("movieCategory", "error", "Category does not exist")
    ]


async def test_an_nzb_is_followed_from_paused_through_downloading_to_its_folder(
    nzbget: NzbgetServer, inn: InnServer, movie: bytes
) -> None:
    nzb = client(nzbget, olderMoviePriority=50, addPaused=True)
    title = "Downloaded.Movie.2020.1080p.WEB-DL-GRP"
    # Small articles, so that NZBGet's speed limit lets the download be seen half done.
    grab = GrabRequest(
        title, DownloadProtocol.USENET, nzb=inn.post_nzb({f"{title}.mkv": movie}, part_size=4096)
    )
    download_id = await nzb.download(grab)
    assert len(download_id) == 32

    paused = await item(nzb, download_id)
    assert paused is not None
    assert (paused.status, paused.title, paused.category) == (DownloadStatus.PAUSED, title, CATEGORY)
    assert paused.total_size == paused.remaining_size == len(movie)
    [group] = [g for g in nzbget.queue() if g["NZBName"] == title]
    assert group["MaxPriority"] == 50

    nzbget.rpc("rate", 8)  # KB/s
    try:
        nzbget.rpc("editqueue", "GroupResume", 0, "", [nzb_id(nzbget, download_id)])

        async def half_done() -> DownloadItem | None:
            found = await item(nzb, download_id)
            if found is None or found.status is not DownloadStatus.DOWNLOADING:
                return None
            # The time left comes from NZBGet's current download rate, once it has one.
            return found if 0 < found.remaining_size < len(movie) and found.remaining_time else None

        downloading = await eventually(half_done, within=15, every=0.1)
        assert downloading.remaining_time is not None
        assert downloading.remaining_time.total_seconds() <= len(movie) / 1024
    finally:
        nzbget.rpc("rate", 0)
    done = await finished(nzb, download_id)
    assert done.status is DownloadStatus.COMPLETED, done.message
    assert done.output_path == str(nzbget.complete_dir / title)
    assert (Path(done.output_path) / f"{title}.mkv").read_bytes() == movie
    assert (done.total_size, done.can_move_files, done.can_be_removed) == (len(movie), True, True)


async def test_a_download_whose_articles_are_missing_fails(nzbget: NzbgetServer, movie: bytes) -> None:
    nzb = client(nzbget)
    title = "Missing.Articles.2020.1080p.WEB-DL-GRP"
    grab = GrabRequest(title, DownloadProtocol.USENET, nzb=unposted_nzb(f"{title}.mkv", movie))
    download_id = await nzb.download(grab)
    failed = await finished(nzb, download_id)
    assert failed.status is DownloadStatus.FAILED
    assert failed.message is not None
    assert "Delete Status: HEALTH" in failed.message


async def test_an_nzb_nzbget_refuses_is_a_rejected_download(nzbget: NzbgetServer) -> None:
    broken = GrabRequest("Broken.2020", DownloadProtocol.USENET, nzb=b"<html>not an nzb</html>")
    with pytest.raises(
        DownloadRejected, match=r"^Invalid NZB: Unexpected root element. Expected 'nzb' found 'html'"
    ):
        await client(nzbget).download(broken)
    empty = GrabRequest(
        "Empty.2020", DownloadProtocol.USENET, nzb=b'<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb"/>'
    )
    with pytest.raises(DownloadRejected, match=r"^Invalid NZB: No files"):
        await client(nzbget).download(empty)
    with pytest.raises(DownloadRejected):
        await client(nzbget).download(GrabRequest("No.Nzb", DownloadProtocol.USENET))


async def test_a_paused_queue_pauses_every_download(
    nzbget: NzbgetServer, inn: InnServer, movie: bytes
) -> None:
    nzb = client(nzbget, addPaused=True)
    download_id = await nzb.download(posted(inn, "Paused.Queue.2020.1080p.WEB-DL-GRP", movie))
    nzbget.rpc("editqueue", "GroupResume", 0, "", [nzb_id(nzbget, download_id)])
    nzbget.rpc("pausedownload")
    try:
        resumed = await item(nzb, download_id)
        assert resumed is not None
        assert resumed.status is DownloadStatus.PAUSED
    finally:
        nzbget.rpc("resumedownload")
    await nzb.remove(download_id, delete_data=True)


async def test_only_the_categorys_downloads_are_listed(nzbget: NzbgetServer, movie: bytes) -> None:
    mine = await client(nzbget, addPaused=True).download(
        GrabRequest("Mine.2020", DownloadProtocol.USENET, nzb=unposted_nzb("Mine.2020.mkv", movie))
    )
    other = await client(nzbget, movieCategory="Series", addPaused=True).download(
        GrabRequest("Show.S01E01", DownloadProtocol.USENET, nzb=unposted_nzb("Show.S01E01.mkv", movie))
    )
    listed = {i.download_id for i in await client(nzbget).items()}
    assert mine in listed
    assert other not in listed
    await client(nzbget).remove(mine, delete_data=True)
    await client(nzbget, movieCategory="Series").remove(other, delete_data=True)


async def test_a_queued_download_is_removed_from_the_queue(nzbget: NzbgetServer, movie: bytes) -> None:
    nzb = client(nzbget, addPaused=True)
    grab = GrabRequest("Queued.2020", DownloadProtocol.USENET, nzb=unposted_nzb("Queued.2020.mkv", movie))
    download_id = await nzb.download(grab)
    assert await item(nzb, download_id) is not None
    await nzb.remove(download_id, delete_data=True)
    assert await item(nzb, download_id) is None
    assert [g for g in nzbget.queue() if g["NZBName"] == "Queued.2020"] == []


async def test_a_finished_download_is_removed_from_the_history_with_its_folder(
    nzbget: NzbgetServer, inn: InnServer, movie: bytes
) -> None:
    nzb = client(nzbget)
    title = "Removed.Movie.2020.1080p.WEB-DL-GRP"
    download_id = await nzb.download(posted(inn, title, movie))
    done = await finished(nzb, download_id)
    assert done.output_path is not None
    folder = Path(done.output_path)
    assert folder.is_dir()  # noqa: ASYNC240
    await nzb.remove(download_id, delete_data=True)
    assert await item(nzb, download_id) is None
    assert not folder.exists()  # noqa: ASYNC240
    assert [h for h in nzbget.history() if h["Name"] == title] == []


async def test_a_download_added_by_hand_is_known_by_nzbgets_id(
    nzbget: NzbgetServer, inn: InnServer, movie: bytes
) -> None:
    title = "By.Hand.2020.1080p.WEB-DL-GRP"
    own_id = nzbget.append(title, inn.post_nzb({f"{title}.mkv": movie}))
    nzb = client(nzbget)
    done = await finished(nzb, str(own_id))
    assert (done.title, done.status) == (title, DownloadStatus.COMPLETED)
    await nzb.remove(str(own_id), delete_data=False)
    assert await item(nzb, str(own_id)) is None
    assert (nzbget.complete_dir / title / f"{title}.mkv").is_file()


async def test_status_is_the_categorys_destination(nzbget: NzbgetServer) -> None:
    status = await client(nzbget).status()
    assert status.output_folders == (str(nzbget.complete_dir),)
    assert status.sorting is None


async def test_a_finished_download_is_deleted_where_a_remote_path_mapping_puts_it(
    server: LiveServer, nzbget: NzbgetServer, inn: InnServer, movie: bytes, tmp_path: Path
) -> None:
    # NZBGet "runs elsewhere": its completed folder is seen here under another path, by a mapping.
    here = tmp_path / "mounted-complete"
    here.mkdir()
    mapping = {"host": nzbget.host, "remotePath": f"{nzbget.complete_dir}/", "localPath": f"{here}/"}
    response = await server.client.post("/api/v3/remotepathmapping", json=mapping)
    assert response.status_code == 201, response.text
    added = await add_nzbget(server.client, nzbget)
    clients = server.services.download_clients.providers
    nzb = clients.instance(await clients.get(added["id"]))
    assert isinstance(nzb, Nzbget)
    title = "Mapped.Movie.2020.1080p.WEB-DL-GRP"
    download_id = await nzb.download(posted(inn, title, movie))
    done = await finished(nzb, download_id)
    assert done.output_path is not None
    reported = Path(done.output_path)
    local = here / reported.relative_to(nzbget.complete_dir)
    local.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(reported, local)  # only the mapped path exists on "this machine" now
    await nzb.remove(download_id, delete_data=True)
    assert not local.exists()
    assert [h for h in nzbget.history() if h["Name"] == title] == []


async def test_a_download_mapped_onto_the_library_is_removed_without_deleting_anything(
    server: LiveServer, nzbget: NzbgetServer, inn: InnServer, movie: bytes, tmp_path: Path
) -> None:
    # A wrong remote path mapping puts NZBGet's download on the library's root folder: removing the
    # download with its data must not delete the library.
    root = tmp_path / "movies"
    kept = root / "Alien (1979)" / "Alien (1979) Bluray-1080p.mkv"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(movie)
    assert (await server.client.post("/api/v3/rootfolder", json={"path": str(root)})).status_code == 201
    added = await add_nzbget(server.client, nzbget)
    clients = server.services.download_clients.providers
    nzb = clients.instance(await clients.get(added["id"]))
    title = "Wrongly.Mapped.Movie.2020.1080p.WEB-DL-GRP"
    download_id = await nzb.download(posted(inn, title, movie))
    done = await finished(nzb, download_id)
    assert done.output_path is not None
    mapping = {"host": nzbget.host, "remotePath": f"{done.output_path}/", "localPath": f"{root}/"}
    assert (await server.client.post("/api/v3/remotepathmapping", json=mapping)).status_code == 201

    tracked_downloads = server.services.tracked_downloads
    tracked = next(t for t in await tracked_downloads.refresh() if t.item.download_id == download_id)
    await tracked_downloads.remove(tracked, delete_data=True)

    assert kept.read_bytes() == movie
    assert [h for h in nzbget.history() if h["Name"] == title] == []  # gone from NZBGet all the same
    assert Path(done.output_path).is_dir()  # noqa: ASYNC240 - its data stays where NZBGet put it
