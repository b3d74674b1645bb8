"""SABnzbd against the fixture SABnzbd: Radarr's test, adding NZBs, reading the queue and history
through every state, removing jobs, and what a wrong API key or a closed port says."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from reelarr.downloadclients.base import (
    DownloadClientUnavailable,
    DownloadItem,
    DownloadRejected,
    DownloadStatus,
    GrabRequest,
)
from reelarr.downloadclients.sabnzbd.client import Sabnzbd
from reelarr.downloadclients.sabnzbd.settings import SabnzbdSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.observability.redact import redact
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer, sabnzbd
from tests.support.net import free_port

__all__ = ["sabnzbd"]
MB = 1024 * 1024
WRONG_KEY = "0123456789abcdef0123456789abcdef"


def client(server: SabnzbdFixtureServer, **overrides: Any) -> Sabnzbd:
    settings = SabnzbdSettings.model_validate(server.settings(**overrides))
    return Sabnzbd(
        ProviderDefinition(0, "SABnzbd", "Sabnzbd", "SabnzbdSettings", settings, DownloadClientOptions())
    )


def nzb(title: str, megabytes: int = 100) -> bytes:
    """An NZB of one file whose segments add up to `megabytes`."""
    segments = "".join(
        f'<segment bytes="{MB}" number="{n}">{n}.{title}@example.test</segment>'
        for n in range(1, megabytes + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">'
        f'<file poster="fixture@example.test" date="1700000000" subject="{title} (1/1)">'
        f"<groups><group>alt.binaries.movies</group></groups><segments>{segments}</segments></file></nzb>"
    ).encode()


def grab(title: str, megabytes: int = 100, **values: Any) -> GrabRequest:
    return GrabRequest(title, DownloadProtocol.USENET, nzb=nzb(title, megabytes), **values)


def where(failures: list[ValidationFailure]) -> list[tuple[str, str, str]]:
    return [(f.property_name, f.severity, f.error_message) for f in failures]


async def item(sab: Sabnzbd, download_id: str) -> DownloadItem | None:
    return next((i for i in await sab.items() if i.download_id == download_id), None)


async def test_good_settings_pass(sabnzbd: SabnzbdFixtureServer) -> None:
    assert await client(sabnzbd).test() == []


async def test_a_wrong_api_key_is_reported_and_never_shown(
    sabnzbd: SabnzbdFixtureServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = client(sabnzbd, apiKey=WRONG_KEY)
    found = await wrong.test()
    assert where(found) == [("apiKey", "error", "API Key Incorrect")]
    with pytest.raises(DownloadClientUnavailable) as raised:
        await wrong.check_connection()
    assert str(raised.value) == "Error response received from SABnzbd: API Key Incorrect"
    with pytest.raises(DownloadClientUnavailable):
        await wrong.download(grab("Movie.2020.1080p.WEB-DL-GRP"))
    assert sabnzbd.state.queue == []
    # httpx logs each request's address: the handlers' SecretsFilter takes the key out of it.
    for text in (str(raised.value), redact(caplog.text)):
        assert WRONG_KEY not in text
        assert sabnzbd.state.api_key not in text


async def test_nothing_listening_is_unable_to_connect(sabnzbd: SabnzbdFixtureServer) -> None:
    closed = client(sabnzbd, port=free_port())
    found = await closed.test()
    assert [(f.property_name, f.severity) for f in found] == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to SABnzbd")
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to SABnzbd"):
        await closed.check_connection()
    with pytest.raises(DownloadClientUnavailable, match=r"^Unable to connect to SABnzbd"):
        await closed.download(grab("Movie.2020.1080p.WEB-DL-GRP"))
    with pytest.raises(DownloadClientUnavailable):
        await closed.items()


async def test_a_missing_category_fails_the_test(sabnzbd: SabnzbdFixtureServer) -> None:
    found = await client(sabnzbd, movieCategory="films").test()
    assert where(found) == [("movieCategory", "error", "Category does not exist")]


async def test_a_category_without_job_folders_or_with_sorting_fails_the_test(
    sabnzbd: SabnzbdFixtureServer,
) -> None:
    sabnzbd.state.categories["movies"] = "movies*"
    assert where(await client(sabnzbd).test()) == [("movieCategory", "error", "Enable Job folders")]
    sabnzbd.state.categories["movies"] = "movies"
    sabnzbd.state.misc = {"enable_movie_sorting": True, "movie_categories": ["movies"]}
    assert where(await client(sabnzbd).test()) == [("movieCategory", "error", "Disable Movie Sorting")]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.6.9", [("", "error", "SABnzbd version should be at least 0.7.0. Version reported is 0.6.9")]),
        ("nonsense", [("", "error", "Unknown Version: nonsense")]),
        ("develop", [("", "warning", "Sabnzbd develop version, assuming version 3.0.0 or higher.")]),
        ("0.7.20", []),
        ("3.7.x", []),
    ],
)
async def test_the_version_is_checked(
    sabnzbd: SabnzbdFixtureServer, version: str, expected: list[tuple[str, str, str]]
) -> None:
    sabnzbd.state.version = version
    assert where(await client(sabnzbd).test()) == expected


async def test_reaching_the_client(sabnzbd: SabnzbdFixtureServer) -> None:
    await client(sabnzbd).check_connection()


async def test_an_nzb_is_added_in_the_category_at_the_films_priority(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd, recentMoviePriority=2, olderMoviePriority=-1)
    recent = await sab.download(grab("Recent.Movie.2026.1080p.WEB-DL-GRP", recent=True))
    older = await sab.download(grab("Older: Movie 1999 720p BluRay-GRP"))
    assert recent.startswith("SABnzbd_nzo_")
    assert [(u["name"], u["cat"], u["priority"]) for u in sabnzbd.state.uploads] == [
        ("Recent.Movie.2026.1080p.WEB-DL-GRP", "movies", 2),
        ("Older: Movie 1999 720p BluRay-GRP", "movies", -1),
    ]
    assert sabnzbd.state.uploads[1]["filename"] == "Older Movie 1999 720p BluRay-GRP.nzb"
    assert [j.nzo_id for j in sabnzbd.state.queue] == [recent, older]


async def test_an_nzb_sabnzbd_refuses_is_a_rejected_download(sabnzbd: SabnzbdFixtureServer) -> None:
    broken = GrabRequest("Broken.2020", DownloadProtocol.USENET, nzb=b"<html>not an nzb</html>")
    with pytest.raises(DownloadRejected, match="SABnzbd rejected the NZB for an unknown reason"):
        await client(sabnzbd).download(broken)
    with pytest.raises(DownloadRejected):
        await client(sabnzbd).download(GrabRequest("No.Nzb", DownloadProtocol.USENET))


async def test_a_job_is_followed_from_the_queue_to_a_completed_folder(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd)
    title = "Movie.Title.2020.1080p.WEB-DL-GRP"
    nzo_id = await sab.download(grab(title, 200))
    queued = await item(sab, nzo_id)
    assert queued is not None
    assert (queued.status, queued.title, queued.category) == (DownloadStatus.QUEUED, title, "movies")
    assert (queued.total_size, queued.remaining_size) == (200 * MB, 200 * MB)
    assert queued.can_be_removed
    assert queued.can_move_files

    sabnzbd.state.progress(nzo_id, left=50 * MB, timeleft="1:02:03:04")
    downloading = await item(sab, nzo_id)
    assert downloading is not None
    assert (downloading.status, downloading.remaining_size) == (DownloadStatus.DOWNLOADING, 50 * MB)
    assert downloading.remaining_time is not None
    assert downloading.remaining_time.total_seconds() == 26 * 3600 + 3 * 60 + 4

    sabnzbd.state.progress(nzo_id, status="Paused")
    paused = await item(sab, nzo_id)
    assert paused is not None
    assert (paused.status, paused.remaining_time) == (DownloadStatus.PAUSED, None)

    sabnzbd.state.post_process(nzo_id, "Extracting")
    extracting = await item(sab, nzo_id)
    assert extracting is not None
    assert extracting.status is DownloadStatus.DOWNLOADING

    folder = sabnzbd.state.complete(nzo_id, {"movie.mkv": b"\x1a\x45\xdf\xa3" * 1024})
    completed = await item(sab, nzo_id)
    assert completed is not None
    assert completed.status is DownloadStatus.COMPLETED
    assert completed.output_path == str(folder)
    assert (folder / "movie.mkv").is_file()
    assert (completed.remaining_size, completed.total_size) == (0, 200 * MB)
    assert completed.can_move_files
    assert completed.can_be_removed


async def test_a_failed_job_carries_sabnzbds_reason(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd)
    failed_id = await sab.download(grab("Failed.Movie.2020.1080p.WEB-DL-GRP"))
    full_id = await sab.download(grab("Full.Disk.Movie.2020.1080p.WEB-DL-GRP"))
    sabnzbd.state.fail(failed_id, "Repair failed, not enough repair blocks (12 short)")
    sabnzbd.state.fail(full_id, "Unpacking failed, write error or disk is full?")
    failed = await item(sab, failed_id)
    full = await item(sab, full_id)
    assert failed is not None
    assert full is not None
    assert (failed.status, failed.message) == (
        DownloadStatus.FAILED,
        "Repair failed, not enough repair blocks (12 short)",
    )
    assert (full.status, full.message) == (
        DownloadStatus.WARNING,
        "Unpacking failed, write error or disk is full?",
    )


async def test_only_the_categorys_jobs_are_listed(sabnzbd: SabnzbdFixtureServer) -> None:
    mine = await client(sabnzbd).download(grab("Movie.2020.1080p.WEB-DL-GRP"))
    await client(sabnzbd, movieCategory="tv").download(grab("Show.S01E01.1080p.WEB-DL-GRP"))
    assert [i.download_id for i in await client(sabnzbd).items()] == [mine]
    uncategorised = await client(sabnzbd, movieCategory="").download(grab("Other.2020.720p.HDTV-GRP"))
    assert [i.download_id for i in await client(sabnzbd, movieCategory="").items()] == [uncategorised]


async def test_a_paused_queue_pauses_every_job_but_a_forced_one(sabnzbd: SabnzbdFixtureServer) -> None:
    normal = await client(sabnzbd).download(grab("Normal.2020.1080p.WEB-DL-GRP"))
    forced = await client(sabnzbd, olderMoviePriority=2).download(grab("Forced.2020.1080p.WEB-DL-GRP"))
    sabnzbd.state.paused = True
    statuses = {i.download_id: i.status for i in await client(sabnzbd).items()}
    assert statuses == {normal: DownloadStatus.PAUSED, forced: DownloadStatus.QUEUED}


async def test_a_queued_job_is_removed_from_the_queue(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd)
    nzo_id = await sab.download(grab("Removed.2020.1080p.WEB-DL-GRP"))
    await sab.remove(nzo_id, delete_data=True)
    assert sabnzbd.state.queue == []
    assert await sab.items() == []
    delete = next(r for r in sabnzbd.state.requests if r.get("name") == "delete")
    assert (delete["mode"], delete["name"], delete["value"], delete["del_files"]) == (
        "queue",
        "delete",
        nzo_id,
        "1",
    )


async def test_finished_jobs_are_removed_from_the_history(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd)
    done = await sab.download(grab("Done.2020.1080p.WEB-DL-GRP"))
    failed = await sab.download(grab("Broke.2020.1080p.WEB-DL-GRP"))
    sabnzbd.state.complete(done, {"movie.mkv": b"x"})
    sabnzbd.state.fail(failed, "Download failed")
    leftovers = sabnzbd.state.history[0].incomplete
    assert leftovers is not None
    assert leftovers.exists()
    await sab.remove(done, delete_data=False)
    await sab.remove(failed, delete_data=True)
    deletes = [(r["value"], r["archive"]) for r in sabnzbd.state.requests if r.get("name") == "delete"]
    # A completed job is archived and a failed one deleted for good, as Radarr asks.
    assert deletes == [(done, "1"), (failed, "0")]
    assert sabnzbd.state.history == []
    assert not leftovers.exists()
    assert await sab.items() == []


async def test_status_names_the_categorys_folder_and_its_sorter(sabnzbd: SabnzbdFixtureServer) -> None:
    sab = client(sabnzbd)
    status = await sab.status()
    assert status.output_folders == (f"{sabnzbd.state.complete_dir}/movies",)
    assert status.sorting is None
    with sabnzbd.state.lock:
        sabnzbd.state.categories["movies"] = "/srv/films"
        sabnzbd.state.sorters.append({"name": "films", "is_active": True, "sort_cats": ["movies"]})
    status = await sab.status()
    assert (status.output_folders, status.sorting) == (("/srv/films",), "TV")
