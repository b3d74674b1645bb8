"""The movie pages in a browser against a real server and the fixture TMDB: settings, add, library, detail."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from conftest import ACCOUNT, PASSWORD, USERNAME, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from tests.fixtures.tmdb.server import TmdbFixtureServer

    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def movies_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder to use as the root folder."""
    return tmp_path_factory.mktemp("library") / "movies"


def log_in(page: Page, server: ReelarrServer, path: str = "/") -> None:
    page.goto(f"{server.url}{path}")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def nav(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()


def api_get(page: Page, server: ReelarrServer, path: str) -> Any:
    """GET an API resource with the page's session, as the UI does."""
    response = page.request.get(f"{server.url}/api/v3{path}")
    assert response.ok, response.status
    return response.json()


def test_add_the_matrix_then_find_open_unmonitor_and_delete_it(
    server: ReelarrServer, movies_root: Path, page: Page
) -> None:
    log_in(page, server)
    expect(page).to_have_url(re.compile(r"/\?view=\w+&filter=all&sortKey=title&sortDirection=ascending$"))
    expect(page.get_by_role("heading", name="Your library is empty")).to_be_visible()

    # Settings → Media: a folder that does not exist is refused next to the field, then one is picked.
    nav(page, "Media management")
    path = page.get_by_label("Folder path")
    path.fill(str(movies_root))
    page.get_by_role("button", name="Add root folder").click()
    expect(page.get_by_text(re.compile("does not exist"))).to_be_visible()
    expect(path).to_have_attribute("aria-invalid", "true")

    movies_root.mkdir()
    path.fill(f"{movies_root.parent}/")
    page.get_by_role("button", name="Browse").click()
    page.get_by_role("group", name="Folders").get_by_role("button", name=movies_root.name).click()
    expect(path).to_have_value(f"{movies_root}/")
    page.get_by_role("button", name="Add root folder").click()
    folders = page.get_by_role("table", name="Root folders")
    free_space = re.compile(r"\d(\.\d)? [KMGT]iB")
    expect(folders.get_by_role("row").filter(has_text=str(movies_root))).to_contain_text(free_space)
    expect(path).to_have_value("")

    # Add movie: search, results with posters, then the add form.
    nav(page, "Add movie")
    page.get_by_label("Search for a movie").fill("matrix")
    result = page.get_by_role("article", name="The Matrix (1999)")
    expect(result).to_contain_text("Set in the 22nd century")
    expect(result.locator("img")).to_have_attribute("src", re.compile(r"/t/p/"))
    result.get_by_role("button", name="Add The Matrix (1999)").click()
    dialog = page.get_by_role("dialog", name="Add The Matrix (1999)")
    expect(dialog.get_by_label("Root folder")).to_have_value(str(movies_root))
    dialog.get_by_label("Quality profile").select_option(label="HD-1080p")
    dialog.get_by_role("button", name="Add movie").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="The Matrix was added")).to_be_visible()
    expect(result.get_by_text("In library")).to_be_visible()
    [movie] = api_get(page, server, "/movie")
    assert (movie["title"], movie["qualityProfileId"], movie["monitored"]) == ("The Matrix", 4, True)

    # The calendar shows its physical release (September 21, 1999).
    page.goto(f"{server.url}/calendar?month=1999-09")
    heading = page.get_by_role("heading", name=re.compile("September 21"))
    day = page.get_by_role("listitem").filter(has=heading)
    expect(day.get_by_role("link", name=re.compile("The Matrix"))).to_contain_text("Physical release")

    # The library grid, with the poster served from the local cover cache once it is there.
    nav(page, "Library")
    card = page.get_by_role("list", name="Movies").get_by_role("listitem").filter(has_text="The Matrix")
    expect(card).to_have_count(1)
    poster = card.locator("img")
    expect(poster).to_have_attribute("src", re.compile(rf"/MediaCover/{movie['id']}/poster\.jpg\?lastWrite="))
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=poster.element_handle())

    # Detail: unmonitor (saved), refresh with live status, then delete with its folder.
    card.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/movie/603$"))
    expect(page.get_by_role("heading", name="The Matrix", level=1)).to_be_visible()
    expect(page.get_by_text("Village Roadshow Pictures")).to_be_visible()
    neo = page.get_by_role("list", name="Cast").get_by_role("listitem").first
    expect(neo).to_contain_text("Keanu Reeves")
    expect(neo).to_contain_text("Thomas A. Anderson / Neo")
    expect(neo.locator("img")).to_have_attribute(
        "src", re.compile(r"/t/p/.+/tbe7tNf76vBBgnrl9QRb5bQDQqC\.jpg$")
    )
    directors = page.get_by_label("Crew").locator(".facts__row").first
    expect(directors).to_have_text("DirectorLilly Wachowski, Lana Wachowski")
    monitored = page.get_by_role("switch", name="Monitored")
    expect(monitored).to_be_checked()
    monitored.click()
    expect(monitored).not_to_be_checked()
    expect(monitored).to_be_enabled()
    assert api_get(page, server, f"/movie/{movie['id']}")["monitored"] is False

    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_test_id("RefreshMovie-state")).to_have_text("Completed Refreshed 1 movie(s)")

    page.get_by_role("toolbar", name="Movie actions").get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog", name="Delete The Matrix")
    dialog.get_by_label("Delete movie folder and files").check()
    dialog.get_by_role("button", name="Delete").click()
    expect(page).to_have_url(re.compile(r"/\?view=\w+&filter=all&sortKey=title&sortDirection=ascending$"))
    expect(page.get_by_role("heading", name="Your library is empty")).to_be_visible()
    assert api_get(page, server, "/movie") == []


def fake_library(count: int) -> list[dict[str, Any]]:
    """Library movies as the API sends them, without covers (so no image requests)."""
    return [
        {
            "id": i + 1,
            "title": f"Film {i:05d}",
            "sortTitle": f"film {i:05d}",
            "year": 1950 + i % 70,
            "status": "released",
            "monitored": i % 3 != 0,
            "hasFile": i % 2 == 0,
            "isAvailable": True,
            "qualityProfileId": 1,
            "minimumAvailability": "released",
            "sizeOnDisk": 4_000_000_000 if i % 2 == 0 else 0,
            "images": [],
            "tags": [],
            "tmdbId": 100_000 + i,
            "added": "2025-01-01T00:00:00Z",
        }
        for i in range(count)
    ]


def test_a_library_of_10000_movies_keeps_only_the_visible_ones_in_the_page(
    server: ReelarrServer, page: Page
) -> None:
    body = json.dumps(fake_library(10_000))

    def library(route: Route) -> None:
        route.fulfill(status=200, content_type="application/json", body=body)

    page.route("**/api/v3/movie", library)
    log_in(page, server, "/")
    expect(page.get_by_test_id("movie-count")).to_have_text("10,000 movies")
    page.get_by_role("button", name="Posters").click()
    grid = page.get_by_role("list", name="Movies")
    expect(grid.get_by_role("link", name=re.compile("Film 00000"))).to_be_visible()
    assert grid.get_by_role("listitem").count() < 100

    page.locator(".library__scroller").evaluate("element => { element.scrollTop = element.scrollHeight; }")
    expect(grid.get_by_role("link", name=re.compile("Film 09999"))).to_be_visible()
    assert grid.get_by_role("listitem").count() < 100

    page.get_by_role("button", name="Table").click()
    table = page.get_by_role("table", name="Movies")
    expect(table.get_by_role("link", name="Film 00000")).to_be_visible()
    assert table.get_by_role("row").count() < 100
    page.get_by_label("Show").select_option("downloaded")
    page.get_by_label("Filter by title").fill("film 0999")
    expect(page.get_by_test_id("movie-count")).to_have_text("5 of 10,000 movies")
    expect(table.get_by_role("row")).to_have_count(6)


def test_the_first_movies_show_while_the_whole_library_is_on_its_way(
    server: ReelarrServer, page: Page
) -> None:
    held: list[Route] = []
    page.route(re.compile(r".*/api/v3/movie$"), lambda route: held.append(route))  # released below
    first_page = {
        "page": 1,
        "pageSize": 60,
        "sortKey": "title",
        "sortDirection": "ascending",
        "totalRecords": 10_000,
        "records": fake_library(60),
    }
    page.route(
        re.compile(r".*/api/v3/movie\?page=1&pageSize=\d+&sortKey=title&sortDirection=ascending$"),
        lambda route: route.fulfill(json=first_page),
    )
    log_in(page, server, "/?view=posters&filter=all&sortKey=title&sortDirection=ascending")
    grid = page.get_by_role("list", name="Movies")
    expect(grid.get_by_role("link", name=re.compile("Film 00000"))).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="The first 60 of 10,000 movies")).to_be_visible()
    expect(page.get_by_test_id("movie-count")).to_have_count(0)
    assert held, "the whole list was asked for too"

    held[0].fulfill(json=fake_library(10_000))
    expect(page.get_by_test_id("movie-count")).to_have_text("10,000 movies")
    expect(page.get_by_role("status").filter(has_text="The first 60")).to_have_count(0)


def test_tmdb_key_is_checked_by_tmdb_before_it_is_saved(
    tmdb_fixture: TmdbFixtureServer, tmp_path: Path, page: Page
) -> None:
    with running_reelarr(tmp_path, env=ACCOUNT | tmdb_env(tmdb_fixture, with_key=False)) as reelarr:
        log_in(page, reelarr, "/settings/tmdb")
        expect(page.get_by_test_id("tmdb-state")).to_have_text("Not configured")
        key = page.get_by_label("API key")
        key.fill("not-a-key")
        page.get_by_role("button", name="Save").click()
        # TMDB's refusal is a validation failure of the key, shown at the field.
        expect(key).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_text("TMDB did not accept these settings")).to_be_visible()
        expect(page.get_by_test_id("tmdb-state")).to_have_text("Not configured")

        key.fill(tmdb_fixture.api_key)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_test_id("tmdb-state")).to_have_text("Configured")
        expect(page.get_by_role("status").filter(has_text="TMDB accepted the key")).to_be_visible()

        nav(page, "Add movie")
        page.get_by_label("Search for a movie").fill("tmdb:27205")
        expect(page.get_by_role("article", name="Inception (2010)")).to_be_visible()


def test_covers_and_pages_work_under_a_url_base(
    tmdb_fixture: TmdbFixtureServer, tmp_path: Path, page: Page
) -> None:
    api_key = "0123456789abcdef0123456789abcdef"
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": api_key}
    with running_reelarr(tmp_path, url_base="/reelarr", env=env) as reelarr:
        root = str(tmp_path / "movies")
        (tmp_path / "movies").mkdir()
        api = httpx.Client(base_url=f"{reelarr.url}/api/v3", headers={"X-Api-Key": api_key}, timeout=30)
        with api:
            api.post("/rootfolder", json={"path": root}).raise_for_status()
            added = api.post("/movie", json={"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": root})
            added.raise_for_status()
        movie_id = added.json()["id"]

        log_in(page, reelarr, "/")
        poster = page.get_by_role("list", name="Movies").get_by_role("listitem").locator("img")
        local = re.compile(rf"^/reelarr/MediaCover/{movie_id}/poster\.jpg\?lastWrite=")
        expect(poster).to_have_attribute("src", local)
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=poster.element_handle())

        page.get_by_role("link", name=re.compile("The Matrix")).click()
        expect(page).to_have_url(f"{reelarr.url}/movie/603")
        page.reload()  # a nested route straight from the server
        expect(page.get_by_role("heading", name="The Matrix", level=1)).to_be_visible()
        expect(page.get_by_role("img", name="The Matrix poster")).to_have_attribute("src", local)
