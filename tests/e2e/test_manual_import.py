"""Activity → Queue → Manual Import in a browser: a download blocked because its file looks like a sample
is imported by hand (the person picks the file and Hardlink/Copy) and leaves the queue."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_activity import category, matrix_id, queue, server, sites, wait_for
from test_movies import log_in, nav
from tests.fixtures.indexers.releases import FixtureRelease
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.support.qbittorrent import QBittorrentServer
from tests.support.torrentfiles import make_torrent

from conftest import ReelarrServer, api_client

pytestmark = pytest.mark.e2e
__all__ = ["category", "sample_media", "server", "sites"]

TITLE = "The.Matrix.1999.1080p.BluRay.x264-HANDPICKED"


def blocked_in_queue(server: ReelarrServer) -> bool:
    with api_client(server) as api:
        api.post("/command", json={"name": "RefreshMonitoredDownloads"}).raise_for_status()
    return any(item["trackedDownloadState"] == "importBlocked" for item in queue(server))


def test_a_blocked_download_is_imported_by_hand_from_the_queue(
    server: ReelarrServer,
    sites: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
    page: Page,
) -> None:
    content = sample_media.path(MediaKind.SAMPLE_CLIP).read_bytes()
    torrent, _ = make_torrent(f"{TITLE}.mkv", content)
    (qbittorrent.save_path / f"{TITLE}.mkv").write_bytes(content)
    sites.site("torznab").releases = [
        FixtureRelease(TITLE, 8 * 1024**3, timedelta(hours=3), imdb_id=133093, tmdb_id=603, torrent=torrent)
    ]
    with api_client(server) as api:
        releases = api.get("/release", params={"movieId": matrix_id(server)}).raise_for_status().json()
        chosen = next(r for r in releases if r["title"] == TITLE)
        api.post(
            "/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
        ).raise_for_status()
    wait_for(lambda: blocked_in_queue(server), "the sample was not blocked in the queue", within=60)

    log_in(page, server, "/")
    nav(page, "Queue")
    row = page.get_by_role("table", name="Queue").get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Sample")
    row.get_by_role("button", name=f"Manual Import {TITLE}").click()

    dialog = page.get_by_role("dialog", name=f"Manual Import - {TITLE}")
    file_row = (
        dialog.get_by_role("table", name="Files to import").get_by_role("row").filter(has_text=f"{TITLE}.mkv")
    )
    expect(file_row.get_by_role("list", name=re.compile("^Rejections of"))).to_have_text("Sample")
    expect(file_row.get_by_role("combobox", name=re.compile("^Movie of"))).to_have_value(
        str(matrix_id(server))
    )
    expect(file_row.get_by_role("combobox", name=re.compile("^Quality of"))).to_contain_text("Bluray-1080p")
    choose = file_row.get_by_role("checkbox", name=f"Import {TITLE}.mkv")
    expect(choose).not_to_be_checked()  # refused by the rules: the person decides
    expect(dialog.get_by_role("button", name="Import")).to_be_disabled()
    choose.check()
    dialog.get_by_label("Import mode").select_option("copy")
    dialog.get_by_role("button", name="Import (1)").click()
    expect(dialog.get_by_role("status")).to_contain_text("Imported 1 of 1 file(s)", timeout=20_000)
    dialog.get_by_role("button", name="Done").click()

    expect(page.get_by_text("The queue is empty")).to_be_visible(timeout=20_000)
    with api_client(server) as api:
        film = api.get(f"/movie/{matrix_id(server)}").json()
    assert film["hasFile"]
    assert film["movieFile"]["quality"]["quality"]["name"] == "Bluray-1080p"
    assert (qbittorrent.save_path / f"{TITLE}.mkv").exists()  # copied: the torrent keeps seeding


def test_the_files_of_any_folder_are_matched_to_a_film_by_hand_and_moved_in(
    server: ReelarrServer, sample_media: SampleMedia, page: Page, tmp_path: Path
) -> None:
    video = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, tmp_path / "holiday" / "video01.mkv")
    content = video.read_bytes()
    log_in(page, server, "/add/import")
    form = page.get_by_role("form", name="Manual import from a folder")
    form.get_by_label("Folder to import from").fill(str(video.parent))
    form.get_by_role("button", name="Manual Import").click()

    dialog = page.get_by_role("dialog", name=f"Manual Import - {video.parent}")
    file_row = (
        dialog.get_by_role("table", name="Files to import").get_by_role("row").filter(has_text="video01.mkv")
    )
    expect(file_row.get_by_role("list", name=re.compile("^Rejections of"))).to_have_text("Unknown Movie")
    choose = file_row.get_by_role("checkbox", name="Import video01.mkv")
    expect(choose).to_be_disabled()
    file_row.get_by_role("combobox", name="Movie of video01.mkv").select_option(label="The Matrix (1999)")
    file_row.get_by_role("combobox", name="Quality of video01.mkv").select_option(label="Bluray-1080p")
    # Judged again for the film: no longer unknown (whether it is an upgrade is the person's call).
    expect(file_row).not_to_contain_text("Unknown Movie")
    expect(choose).to_be_enabled()
    choose.check()
    expect(dialog.get_by_label("Import mode")).to_have_value("move")
    dialog.get_by_role("button", name="Import (1)").click()
    expect(dialog.get_by_role("status")).to_contain_text("Imported 1 of 1 file(s)", timeout=20_000)

    assert not video.exists()
    with api_client(server) as api:
        film = api.get(f"/movie/{matrix_id(server)}").json()
    placed = Path(film["path"]) / film["movieFile"]["relativePath"]
    assert placed.read_bytes() == content
