"""Discover in a browser: TMDB's trending and popular films beside the recommendations, the table view
sorted by its headers, and two films chosen and added at once; a chart TMDB cannot give is said so."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in
from tests.fixtures.tmdb.server import TmdbFixtureServer

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

FIGHT_CLUB, REVOLUTIONS, PARASITE, AMELIE = 550, 605, 496243, 194


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """A Reelarr with Fight Club in its library and The Matrix Revolutions excluded."""
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    root = tmp_path_factory.mktemp("movies")
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        with api_client(reelarr) as api:
            api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
            exclusion = {"tmdbId": REVOLUTIONS, "movieTitle": "The Matrix Revolutions", "movieYear": 2003}
            api.post("/exclusions", json=exclusion).raise_for_status()
            body = {"tmdbId": FIGHT_CLUB, "qualityProfileId": 1, "rootFolderPath": str(root)}
            api.post("/movie", json=body).raise_for_status()
        yield reelarr


def _include_charts(page: Page) -> None:
    page.get_by_label("Include trending").check()
    page.get_by_label("Include popular").check()


def _first_title(table: Locator) -> Locator:
    return table.locator("tbody tr").first.get_by_role("rowheader")


def test_a_chart_tmdb_cannot_give_is_said_so_and_the_others_are_shown(
    server: ReelarrServer, page: Page, tmdb_fixture: TmdbFixtureServer
) -> None:
    tmdb_fixture.fail(404, path="/trending/")
    try:
        log_in(page, server, "/add/discover")
        _include_charts(page)
        expect(
            page.get_by_role("alert").filter(has_text="Trending films could not be loaded: TMDB")
        ).to_be_visible()
        interstellar = page.get_by_role("article", name="Interstellar (2014)")
        expect(interstellar.get_by_text("Popular", exact=True)).to_be_visible()
        expect(page.get_by_text("Trending", exact=True)).to_have_count(0)
    finally:
        tmdb_fixture.clear_faults()


def test_trending_and_popular_films_sorted_in_the_table_and_two_added_at_once(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/add/discover")
    _include_charts(page)
    parasite = page.get_by_role("article", name="Parasite (2019)")
    expect(parasite.get_by_text("Trending", exact=True)).to_be_visible()
    expect(parasite.get_by_text("Popular", exact=True)).to_be_visible()
    expect(parasite.locator("img.discover-film__poster")).to_be_visible()
    revolutions = page.get_by_role("article", name="The Matrix Revolutions (2003)")
    expect(revolutions.get_by_text("Excluded", exact=True)).to_be_visible()
    expect(page.get_by_role("article", name="Fight Club (1999)").get_by_text("In library")).to_be_visible()

    page.get_by_role("group", name="View").get_by_role("button", name="Table").click()
    table = page.get_by_role("table", name="Films to discover")
    expect(table).to_be_visible()
    expect(_first_title(table)).to_have_text("Interstellar")  # most popular first, the default sort
    title = table.get_by_role("columnheader", name="Title")
    title.get_by_role("button").click()
    expect(title).to_have_attribute("aria-sort", "ascending")
    expect(_first_title(table)).to_have_text("Amélie")
    title.get_by_role("button").click()
    expect(title).to_have_attribute("aria-sort", "descending")
    expect(_first_title(table)).to_have_text("Spirited Away")
    rating = table.get_by_role("columnheader", name="Rating")
    rating.get_by_role("button").click()
    expect(rating).to_have_attribute("aria-sort", "descending")
    expect(_first_title(table)).to_have_text("Spirited Away")  # 8.537, the best rated

    page.get_by_role("button", name="Select films").click()
    table.get_by_label("Select Parasite (2019)").check()
    table.get_by_label("Select Amélie (2001)").check()
    bar = page.get_by_role("region", name="Add the selected films")
    expect(bar.get_by_test_id("selected-count")).to_have_text("2 films selected")
    bar.get_by_label("Monitor").select_option("movieOnly")
    bar.get_by_role("button", name="Add 2 films").click()

    toast = page.get_by_role("status", name="Notifications")
    expect(toast.get_by_text("Added 2 films")).to_be_visible(timeout=30_000)  # each add reads TMDB
    expect(bar.get_by_test_id("selected-count")).to_have_text("0 films selected")
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Parasite", exact=True))
    expect(row.get_by_text("In library")).to_be_visible()
    deadline = time.monotonic() + 10
    with api_client(server) as api:
        while True:
            added = {m["tmdbId"]: m for m in api.get("/movie").raise_for_status().json()}
            if {PARASITE, AMELIE} <= set(added) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    assert {PARASITE, AMELIE} <= set(added)
    assert added[PARASITE]["monitored"] is True
    assert added[AMELIE]["qualityProfileId"] == 1
