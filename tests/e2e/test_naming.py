"""Settings → Media management's movie naming, in a browser against a server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


def test_naming_is_previewed_as_it_is_typed_checked_by_the_server_and_saved(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/settings/mediamanagement")
    form = page.get_by_role("form", name="Movie naming")
    # Renaming is off: the sample keeps its release name.
    expect(form.get_by_text("The.Movie.Title.2010.1080p.BluRay.DTS.x264-EVOLVE")).to_be_visible()
    expect(form.get_by_text("The Movie - Title (2010)", exact=True)).to_be_visible()

    form.get_by_label("Rename movies").check()
    movie_format = form.get_by_label("Standard movie format")
    movie_format.fill("{Movie CleanTitle} {(Release Year)} {[Quality Full]}{-Release Group}")
    example = "The Movie Title (2010) [Bluray-1080p Proper]-EVOLVE"
    expect(form.get_by_text(example, exact=True)).to_be_visible()
    form.get_by_label("Colon replacement").select_option("delete")
    form.get_by_label("Movie folder format").fill("{Movie TitleThe} {imdb-{ImdbId}}")
    expect(form.get_by_text("Movie Title, The {imdb-tt0066921}", exact=True)).to_be_visible()

    # The server's rules show on the field they are about; nothing is saved.
    movie_format.fill("{Quality Full}")
    form.get_by_role("button", name="Save naming").click()
    expect(movie_format).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text("Must contain either movie title and release year")).to_be_visible()

    movie_format.fill("{Movie CleanTitle} {(Release Year)} {[Quality Full]}{-Release Group}")
    form.get_by_role("button", name="Save naming").click()
    expect(form.get_by_role("status")).to_have_text("Naming saved")
    with api_client(server) as api:
        saved = api.get("/config/naming").raise_for_status().json()
    assert saved["renameMovies"] is True
    assert saved["colonReplacementFormat"] == "delete"
    assert saved["movieFolderFormat"] == "{Movie TitleThe} {imdb-{ImdbId}}"

    page.reload()
    expect(page.get_by_role("form", name="Movie naming").get_by_label("Rename movies")).to_be_checked()
