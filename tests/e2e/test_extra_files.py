"""The movie page's Extra files section in a browser against a server: the subtitles and other files
a rescan found beside the video, with their language, kept up to date live as the folder changes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

VIDEO = "Matrix.1999.1080p.BluRay.x264-GRP"


def _rescan(server: ReelarrServer, movie_id: int) -> None:
    """Queue RescanMovie and wait until it ends."""
    with api_client(server) as api:
        command = api.post("/command", json={"name": "RescanMovie", "movieId": movie_id}).raise_for_status()
        deadline = time.monotonic() + 30
        while api.get(f"/command/{command.json()['id']}").json()["status"] not in ("completed", "failed"):
            assert time.monotonic() < deadline, "the rescan did not end"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def film(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Matrix with its video, an English and a forced English subtitle and an .nfo, rescanned."""
    root = tmp_path_factory.mktemp("movies")
    folder = root / "The Matrix (1999)"
    folder.mkdir()
    (folder / f"{VIDEO}.mkv").write_bytes(b"\0" * 4096)
    (folder / f"{VIDEO}.en.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    (folder / f"{VIDEO}.eng.forced.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    (folder / f"{VIDEO}.nfo").write_text("notes")
    with api_client(server) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        body = {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)}
        movie: dict[str, Any] = api.post("/movie", json=body).raise_for_status().json()
        deadline = time.monotonic() + 30
        while not api.get(f"/movie/{movie['id']}").json()["hasFile"]:
            assert time.monotonic() < deadline, "the film's file was not found"
            time.sleep(0.2)
    _rescan(server, movie["id"])
    return movie


def test_the_movie_page_lists_the_extra_files_with_type_path_and_language(
    server: ReelarrServer, film: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/movie/603")

    table = page.get_by_role("table", name="Extra files")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator("td")).to_have_text(["Subtitle", f"{VIDEO}.en.srt", "English"])
    expect(rows.nth(1).locator("td")).to_have_text(
        ["Subtitle", f"{VIDEO}.eng.forced.srt", "English (forced)"]
    )
    expect(rows.nth(2).locator("td")).to_have_text(["Other", f"{VIDEO}.nfo", ""])


def test_the_extra_files_follow_the_folder_live_after_a_rescan(
    server: ReelarrServer, film: dict[str, Any], page: Page
) -> None:
    folder = Path(film["path"])
    log_in(page, server, "/movie/603")
    table = page.get_by_role("table", name="Extra files")
    expect(table.locator("tbody tr")).to_have_count(3)

    (folder / f"{VIDEO}.fr.sdh.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nBonjour\n")
    (folder / f"{VIDEO}.nfo").unlink()
    _rescan(server, film["id"])

    # No reload: the page hears of the change over the WebSocket.
    paths = table.locator("tbody tr td:nth-child(2)")
    expect(paths).to_have_text([f"{VIDEO}.en.srt", f"{VIDEO}.eng.forced.srt", f"{VIDEO}.fr.sdh.srt"])
    expect(table.get_by_role("row", name=f"Subtitle {VIDEO}.fr.sdh.srt French (sdh)")).to_be_visible()
