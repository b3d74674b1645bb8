"""Radarr's page addresses, the movie page at /movie/{titleSlug}, and the library's view in the address."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

ADDRESSES = json.loads(
    (Path(__file__).parents[2] / "frontend/src/routes/radarrAddresses.json").read_text("utf-8")
)
# The main heading of each page the address list names (a page added there is added here too).
HEADINGS = {
    "movies": "Movies",
    "addMovie": "Add movie",
    "importLibrary": "Import library",
    "collections": "Collections",
    "discover": "Discover",
    "movie": "The Matrix",
    "calendar": "Calendar",
    "queue": "Queue",
    "history": "History",
    "blocklist": "Blocklist",
    "missing": "Missing",
    "cutoffUnmet": "Cutoff unmet",
    "settings": "Settings",
    "mediaManagement": "Media management",
    "profiles": "Profiles",
    "quality": "Quality",
    "customFormats": "Custom formats",
    "indexers": "Indexers",
    "downloadClients": "Download clients",
    "connect": "Connect",
    "metadata": "Metadata",
    "importLists": "Import Lists",
    "tags": "Tags",
    "general": "General",
    "ui": "UI",
    "updates": "Updates",
    "status": "Status",
    "tasks": "Tasks",
    "events": "Events",
    "logFiles": "Log files",
    "backup": "Backup",
}
MATRIX, FIGHT_CLUB, INCEPTION = 603, 550, 27205


@pytest.fixture(scope="module")
def library(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    """Three films in the library (Fight Club with a file), by TMDB id."""
    root = tmp_path_factory.mktemp("movies")
    (root / "Fight Club (1999)").mkdir()
    (root / "Fight Club (1999)" / "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv").write_bytes(b"\0" * 4096)
    with api_client(server) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        added = {}
        for tmdb_id in (MATRIX, FIGHT_CLUB, INCEPTION):
            body = {"tmdbId": tmdb_id, "qualityProfileId": 1, "rootFolderPath": str(root)}
            response = api.post("/movie", json=body)
            response.raise_for_status()
            added[tmdb_id] = response.json()
        fight_club = added[FIGHT_CLUB]["id"]
        api.post("/command", json={"name": "RescanMovie", "movieId": fight_club}).raise_for_status()
        deadline = time.monotonic() + 30
        while not api.get(f"/movie/{fight_club}").json()["hasFile"]:
            assert time.monotonic() < deadline, "the rescan did not find Fight Club's file"
            time.sleep(0.2)
    return added


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_each_of_radarrs_addresses_opens_reelarrs_page_or_says_it_does_not_exist(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    assert len(ADDRESSES) == 31
    log_in(page, server)
    for entry in ADDRESSES:
        address = entry["address"].replace(":titleSlug", str(MATRIX))
        page.goto(f"{server.url}{address}")
        heading = page.get_by_role("heading", level=1)
        if entry["page"] is None:
            expect(heading, address).to_have_text("Page not found")
        else:
            expect(heading, address).to_have_text(HEADINGS[entry["page"]])
            assert urlsplit(page.url).path == urlsplit(f"{server.url}{address}").path, address


def test_reelarrs_former_addresses_lead_to_the_same_page_with_its_query(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    log_in(page, server)
    moves = {
        "/movies?view=table&filter=all&sortKey=title&sortDirection=ascending": "/?view=table&",
        "/add?term=matrix": "/add/new?term=matrix",
        "/import?rootFolderId=1": "/add/import?rootFolderId=1",
        "/settings/media": "/settings/mediamanagement",
        "/system": "/system/status",
    }
    for former, address in moves.items():
        page.goto(f"{server.url}{former}")
        expect(page).to_have_url(re.compile(re.escape(f"{server.url}{address}")))
    expect(page.get_by_role("heading", name="Status", level=1)).to_be_visible()


def test_an_open_in_radarr_link_opens_the_film_of_that_tmdb_id(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    # Overseerr links to /movie/{titleSlug}; the API's titleSlug is the TMDB id.
    inception = library[INCEPTION]
    assert inception["titleSlug"] == str(INCEPTION)
    assert inception["id"] != INCEPTION
    log_in(page, server, f"/movie/{inception['titleSlug']}")
    expect(page.get_by_role("heading", name="Inception", level=1)).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Inception", level=1)).to_be_visible()

    # A film's own library id is not its address: /movie/1 means TMDB id 1, not in the library.
    matrix_id = library[MATRIX]["id"]
    page.goto(f"{server.url}/movie/{matrix_id}")
    expect(page.get_by_role("heading", name="Movie not found", level=1)).to_be_visible()
    expect(page.get_by_text(f"No film with TMDB id {matrix_id} is in the library")).to_be_visible()

    # A film not in the library is offered for adding.
    page.goto(f"{server.url}/movie/155")
    expect(page.get_by_role("heading", name="Movie not found", level=1)).to_be_visible()
    page.get_by_role("link", name="Find it on TMDB to add it").click()
    expect(page).to_have_url(re.compile(r"/add/new\?term=tmdb%3A155$"))
    expect(page.get_by_role("article", name="The Dark Knight (2008)")).to_be_visible()

    page.goto(f"{server.url}/movie/the-matrix-1999")
    expect(page.get_by_role("heading", name="Movie not found", level=1)).to_be_visible()
    expect(page.get_by_text("is not a movie address")).to_be_visible()

    # Links inside Reelarr use the same address.
    page.goto(f"{server.url}/?view=table&filter=all&sortKey=title&sortDirection=ascending")
    page.get_by_role("table", name="Movies").get_by_role("link", name="The Matrix").click()
    expect(page).to_have_url(f"{server.url}/movie/{MATRIX}")
    expect(page.get_by_role("heading", name="The Matrix", level=1)).to_be_visible()


def test_the_librarys_view_filter_and_sort_live_in_the_address(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    log_in(page, server, "/")
    # An address that says nothing shows the remembered view (the defaults at first), spelled out.
    expect(page).to_have_url(f"{server.url}/?view=posters&filter=all&sortKey=title&sortDirection=ascending")
    expect(page.get_by_test_id("movie-count")).to_have_text("3 movies")

    page.get_by_role("button", name="Table").click()
    page.get_by_label("Show").select_option("missing")
    page.get_by_label("Sort by").select_option("year")
    table = page.get_by_role("table", name="Movies")
    expect(table.get_by_role("link")).to_have_text(["The Matrix", "Inception"])
    assert query(page) == {
        "view": ["table"],
        "filter": ["missing"],
        "sortKey": ["year"],
        "sortDirection": ["ascending"],
    }
    page.get_by_label("Filter by title").fill("matr")
    expect(table.get_by_role("link")).to_have_text(["The Matrix"])
    expect(page).to_have_url(re.compile(r"&q=matr$"))

    # Opening a film and coming back keeps all of it.
    table.get_by_role("link", name="The Matrix").click()
    expect(page.get_by_role("heading", name="The Matrix", level=1)).to_be_visible()
    page.go_back()
    expect(page.get_by_label("Filter by title")).to_have_value("matr")
    expect(page.get_by_label("Show")).to_have_value("missing")
    expect(table.get_by_role("link")).to_have_text(["The Matrix"])

    # Back walks through the earlier choices (the typed text replaced its entry).
    page.go_back()
    expect(page.get_by_label("Sort by")).to_have_value("title")
    expect(page.get_by_label("Filter by title")).to_have_value("")
    expect(table.get_by_role("link")).to_have_text(["Inception", "The Matrix"])
    page.go_back()
    expect(page.get_by_label("Show")).to_have_value("all")
    expect(table.get_by_role("link")).to_have_text(["Fight Club", "Inception", "The Matrix"])
    page.go_back()
    expect(page.get_by_role("list", name="Movies")).to_be_visible()
    expect(page.get_by_role("button", name="Posters")).to_have_attribute("aria-pressed", "true")

    # A bookmark opens exactly what it names, in a new tab with other remembered choices.
    bookmark = f"{server.url}/?view=table&filter=downloaded&sortKey=sizeOnDisk&sortDirection=descending"
    other = page.context.new_page()
    other.goto(bookmark)
    expect(other.get_by_test_id("movie-count")).to_have_text("1 of 3 movies")
    expect(other.get_by_role("table", name="Movies").get_by_role("link")).to_have_text(["Fight Club"])
    expect(other.get_by_label("Sort by")).to_have_value("sizeOnDisk")
    expect(other).to_have_url(bookmark)

    # What the address leaves out comes from the last choices made (a bookmark is not a choice).
    other.goto(f"{server.url}/?filter=all")
    expect(other).to_have_url(f"{server.url}/?view=table&filter=all&sortKey=year&sortDirection=ascending")
    other.get_by_role("button", name="Posters").click()
    other.goto(f"{server.url}/")
    expect(other).to_have_url(f"{server.url}/?view=posters&filter=all&sortKey=year&sortDirection=ascending")
    other.close()
