"""The movie page's Rename action (Radarr's Organize modal) in a browser against a server: the new
names are previewed, and the chosen files are renamed on disk by RenameFiles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client, matrix_with_a_file

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

RAW = "Matrix.1999.1080p.BluRay.x264-GRP.mkv"
NAMED = "The Matrix (1999) Bluray-1080p.mkv"


@pytest.fixture(scope="module")
def film_folder(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Matrix with one file under its release name, and renaming turned on."""
    root = tmp_path_factory.mktemp("movies")
    folder = root / "The Matrix (1999)"
    with api_client(server) as api:
        matrix_with_a_file(api, root, RAW)
        naming = api.get("/config/naming").raise_for_status().json()
        fmt = "{Movie Title} ({Release Year}) {Quality Full}"
        api.put(
            "/config/naming/1", json={**naming, "renameMovies": True, "standardMovieFormat": fmt}
        ).raise_for_status()
    return folder


def test_the_rename_action_previews_the_new_name_and_renames_the_chosen_file(
    server: ReelarrServer, film_folder: Path, page: Page
) -> None:
    log_in(page, server, "/movie/603")
    page.get_by_role("toolbar", name="Movie actions").get_by_role("button", name="Rename").click()
    dialog = page.get_by_role("dialog", name="Organize & Rename — The Matrix")
    files = dialog.get_by_role("list", name="Files to rename")
    expect(files.get_by_role("listitem")).to_have_text([f"{RAW} → {NAMED}"])
    choice = dialog.get_by_role("checkbox", name=f"Rename {RAW}")
    expect(choice).to_be_checked()

    # With nothing chosen there is nothing to do.
    choice.uncheck()
    expect(dialog.get_by_role("button", name="Organize")).to_be_disabled()
    choice.check()
    dialog.get_by_role("button", name="Organize").click()

    expect(dialog.get_by_test_id("RenameFiles-state")).to_contain_text("1 selected movie files renamed")
    expect(dialog.get_by_text("Success! My work is done, no files to rename.")).to_be_visible()
    assert os.listdir(film_folder) == [NAMED]
    with api_client(server) as api:
        movie = api.get("/movie", params={"tmdbId": 603}).raise_for_status().json()[0]
    assert movie["movieFile"]["relativePath"] == NAMED

    dialog.locator(".dialog__actions").get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
