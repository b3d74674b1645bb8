"""Collections in a browser: the collection of a film in the library, listed with its films (in the
library, missing, excluded); monitoring it adds the missing film; its options changed in the edit
dialog."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in, nav
from tests.fixtures.tmdb.server import TmdbFixtureServer

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX, RELOADED, REVOLUTIONS, INCEPTION = 603, 604, 605, 27205
COLLECTION = "The Matrix Collection"


def _collections(server: ReelarrServer) -> list[dict[str, Any]]:
    with api_client(server) as api:
        found: list[dict[str, Any]] = api.get("/collection").raise_for_status().json()
        return found


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """A Reelarr with The Matrix in its library (so its collection), and The Matrix Revolutions excluded."""
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    root = tmp_path_factory.mktemp("movies")
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        with api_client(reelarr) as api:
            api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
            exclusion = {"tmdbId": REVOLUTIONS, "movieTitle": "The Matrix Revolutions", "movieYear": 2003}
            api.post("/exclusions", json=exclusion).raise_for_status()
            body = {"tmdbId": MATRIX, "qualityProfileId": 1, "rootFolderPath": str(root), "monitored": True}
            api.post("/movie", json=body).raise_for_status()
        deadline = time.monotonic() + 30
        while not any(len(c["movies"]) == 4 for c in _collections(reelarr)):  # read from TMDB
            assert time.monotonic() < deadline, "The Matrix's collection was not read from TMDB"
            time.sleep(0.2)
        yield reelarr


def _film(page: Page, title: str) -> Locator:
    return (
        page.get_by_role("list", name=f"Films of {COLLECTION}").get_by_role("listitem").filter(has_text=title)
    )


def test_a_collection_is_listed_with_its_films_and_monitoring_it_adds_the_missing_one(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/")
    nav(page, "Collections")
    expect(page).to_have_url(re.compile(r"/collections$"))
    expect(page.get_by_role("heading", name="Collections", level=1)).to_be_visible()
    collection = page.get_by_role("article", name=COLLECTION)
    expect(collection.locator("img.collection__poster")).to_be_visible()
    expect(collection.get_by_text("1 of 4 films in the library, 2 missing")).to_be_visible()
    expect(_film(page, "The Matrix (1999)")).to_contain_text("In library")
    expect(_film(page, "The Matrix Reloaded (2003)")).to_contain_text("Missing")
    expect(_film(page, "The Matrix Revolutions (2003)")).to_contain_text("Excluded")

    monitor = page.get_by_role("button", name=f"Monitor {COLLECTION}")
    expect(monitor).to_have_attribute("aria-pressed", "false")
    expect(collection.get_by_text("Unmonitored", exact=True)).to_be_visible()
    monitor.click()

    expect(monitor).to_have_attribute("aria-pressed", "true")
    expect(collection.get_by_text("Monitored", exact=True)).to_be_visible()
    expect(_film(page, "The Matrix Reloaded (2003)")).to_contain_text("In library", timeout=30_000)
    expect(_film(page, "The Matrix Revolutions (2003)")).to_contain_text("Excluded")
    reloaded = _film(page, "The Matrix Reloaded (2003)").get_by_role(
        "link", name="The Matrix Reloaded (2003)"
    )
    expect(reloaded).to_have_attribute("href", re.compile(rf"/movie/{RELOADED}$"))
    with api_client(server) as api:
        in_library = {m["tmdbId"] for m in api.get("/movie").raise_for_status().json()}
    assert in_library == {MATRIX, RELOADED}


def test_the_edit_dialog_changes_the_options_films_are_added_with(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/collections")
    page.get_by_role("button", name=f"Edit {COLLECTION}").click()
    dialog = page.get_by_role("dialog", name=f"Edit {COLLECTION}")
    dialog.get_by_label("Minimum availability").select_option("inCinemas")
    dialog.get_by_label("Search on add").check()
    dialog.get_by_role("button", name="Save").click()

    expect(dialog).to_have_count(0)
    expect(page.get_by_role("article", name=COLLECTION).get_by_text(re.compile("In cinemas"))).to_be_visible()
    [collection] = _collections(server)
    assert (collection["minimumAvailability"], collection["searchOnAdd"]) == ("inCinemas", True)


def test_a_film_added_with_its_collection_brings_the_collection_monitored(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/add/new")
    page.get_by_label("Search for a movie").fill("dark knight")
    page.get_by_role("button", name="Add The Dark Knight (2008)").click()
    dialog = page.get_by_role("dialog", name="Add The Dark Knight (2008)")
    dialog.get_by_label("Monitor The Dark Knight Collection too").check()
    dialog.get_by_role("button", name="Add movie").click()
    expect(dialog).to_be_hidden()

    nav(page, "Collections")
    collection = page.get_by_role("article", name="The Dark Knight Collection")
    expect(collection.get_by_text("Monitored", exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name="Monitor The Dark Knight Collection")).to_have_attribute(
        "aria-pressed", "true"
    )


def test_discover_offers_tmdbs_recommendations_for_the_library_and_adds_one(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/")
    nav(page, "Discover")
    expect(page).to_have_url(re.compile(r"/add/discover$"))
    expect(page.get_by_role("heading", name="Discover", level=1)).to_be_visible()
    inception = page.get_by_role("article", name="Inception (2010)")
    expect(inception.get_by_text("Recommended", exact=True)).to_be_visible()
    expect(inception.locator("img.discover-film__poster")).to_be_visible()
    expect(inception.get_by_text(re.compile("Cobb, a skilled thief"))).to_be_visible()  # its overview
    expect(page.get_by_role("article", name="The Matrix Revolutions (2003)")).to_have_count(0)  # excluded

    inception.get_by_role("button", name="Add Inception (2010)").click()
    dialog = page.get_by_role("dialog", name="Add Inception (2010)")
    dialog.get_by_role("button", name="Add movie").click()
    expect(dialog).to_be_hidden(timeout=30_000)  # the add reads the film from TMDB
    expect(page.get_by_text("Inception was added to the library.")).to_be_visible()
    with api_client(server) as api:
        in_library = {m["tmdbId"] for m in api.get("/movie").raise_for_status().json()}
    assert INCEPTION in in_library
