"""Wanted → Missing and Cutoff Unmet in a browser: the films still wanted, sorted by a column, and the
search of the selected films and of the whole list started from the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav
from tests.fixtures.tmdb.server import TmdbFixtureServer

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX, FIGHT_CLUB = 603, 550


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """A Reelarr with a root folder and two monitored films without a file: The Matrix and Fight Club."""
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    root = tmp_path_factory.mktemp("movies")
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        with api_client(reelarr) as api:
            api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
            for tmdb_id in (MATRIX, FIGHT_CLUB):
                body = {
                    "tmdbId": tmdb_id,
                    "qualityProfileId": 1,
                    "rootFolderPath": str(root),
                    "monitored": True,
                    "addOptions": {"searchForMovie": False},
                }
                api.post("/movie", json=body).raise_for_status()
        yield reelarr


def _finished(page: Page) -> None:
    """Wait until the page says its search command ended (with no indexer, nothing is searched)."""
    outcome = page.get_by_role("status").filter(has_text=re.compile("Completed|nothing was searched"))
    expect(outcome).to_be_visible(timeout=20_000)


def _commands(server: ReelarrServer, name: str) -> list[dict[str, Any]]:
    with api_client(server) as api:
        return [c for c in api.get("/command").raise_for_status().json() if c["name"] == name]


def _movie_id(server: ReelarrServer, tmdb_id: int) -> int:
    with api_client(server) as api:
        return int(next(m["id"] for m in api.get("/movie").json() if m["tmdbId"] == tmdb_id))


def test_missing_lists_sorts_and_searches_the_selected_films(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/")
    nav(page, "Missing")
    expect(page).to_have_url(re.compile(r"/wanted/missing$"))
    expect(page.get_by_role("heading", name="Missing", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Missing")
    titles = table.get_by_role("rowheader")
    expect(titles).to_have_text(["Fight Club", "The Matrix"])  # by sort title

    # By cinema date: The Matrix (March 1999) before Fight Club (October 1999), then the other way round.
    page.get_by_role("button", name="In cinemas").click()
    expect(table.get_by_role("columnheader", name="In cinemas")).to_have_attribute("aria-sort", "ascending")
    expect(titles).to_have_text(["The Matrix", "Fight Club"])
    page.get_by_role("button", name="In cinemas").click()
    expect(table.get_by_role("columnheader", name="In cinemas")).to_have_attribute("aria-sort", "descending")
    expect(titles).to_have_text(["Fight Club", "The Matrix"])

    expect(page.get_by_role("button", name="Search selected")).to_be_disabled()
    table.get_by_role("checkbox", name="Select The Matrix").check()
    page.get_by_role("button", name="Search selected (1)").click()
    _finished(page)
    [search] = _commands(server, "MoviesSearch")
    assert search["body"]["movieIds"] == [_movie_id(server, MATRIX)]


def test_cutoff_unmet_says_when_every_file_meets_its_cutoff_and_search_all_runs_the_backlog_search(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/wanted/cutoffunmet")
    expect(page.get_by_role("heading", name="Cutoff unmet", level=1)).to_be_visible()
    everything_met = "Every monitored film's file meets its quality profile's cutoff."
    expect(page.get_by_text(everything_met)).to_be_visible()
    expect(page.get_by_role("button", name="Search all")).to_be_disabled()

    nav(page, "Missing")
    page.get_by_role("button", name="Search all").click()
    _finished(page)
    assert len(_commands(server, "MissingMoviesSearch")) == 1
