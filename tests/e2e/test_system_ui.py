"""A newcomer in a browser: commands that say how they went, the queue, the API key and the iCal feed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav

from conftest import ACCOUNT, API_KEY, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from tests.fixtures.tmdb.server import TmdbFixtureServer

    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

NOTHING_SEARCHED = "No indexers are configured, so nothing was searched"
# How every page writes an instant: "Today at 3:05pm", "Friday at 9am", "Nov 25 2025 3pm".
TIME = r"\d{1,2}(:\d{2})?[ap]m"
DATE_TIME = rf"(Today|Yesterday|Tomorrow|[A-Z][a-z]+day) at {TIME}|[A-Z][a-z]{{2}} \d{{1,2}} \d{{4}} {TIME}"


def api_key_of(page: Page, server: ReelarrServer) -> str:
    """The key as the signed-in UI is given it."""
    key = page.request.get(f"{server.url}/initialize.json").json()["apiKey"]
    assert re.fullmatch(r"[0-9a-f]{32}", key)
    return str(key)


def api(server: ReelarrServer, key: str) -> httpx.Client:
    return httpx.Client(base_url=f"{server.url}/api/v3", headers={"X-Api-Key": key}, timeout=30)


@pytest.fixture(scope="module")
def matrix(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Matrix in the library of the module's server (added through the API)."""
    root = tmp_path_factory.mktemp("library")
    with httpx.Client(base_url=server.url, timeout=30) as browser:
        browser.post(
            "/login",
            json={"username": ACCOUNT["REELARR_ADMIN_USER"], "password": ACCOUNT["REELARR_ADMIN_PASSWORD"]},
        )
        key = browser.get("/initialize.json").json()["apiKey"]
    with api(server, key) as client:
        client.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        added = client.post(
            "/movie", json={"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)}
        )
        added.raise_for_status()
        return dict(added.json()) | {"rootFolderId": client.get("/rootfolder").json()[0]["id"]}


def test_a_movie_search_says_that_nothing_was_searched_there_and_in_the_queue(
    server: ReelarrServer, matrix: dict[str, Any], page: Page
) -> None:
    log_in(page, server, f"/movie/{matrix['titleSlug']}")
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    page.get_by_role("toolbar", name="Movie actions").get_by_role("button", name="Search", exact=True).click()
    state = page.get_by_test_id("MoviesSearch-state")
    expect(state).to_have_text(f"Completed {NOTHING_SEARCHED}")

    nav(page, "Tasks")
    queue = page.get_by_role("table", name="Queue")
    search = queue.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=re.compile("^Movies Search"))
    )
    expect(search.first).to_contain_text("The Matrix")
    expect(search.first).to_contain_text(NOTHING_SEARCHED)
    expect(search.first.get_by_role("cell").nth(1)).to_have_text(re.compile(f"^({DATE_TIME})$"))


def test_the_add_form_and_the_import_page_do_not_offer_a_search_that_cannot_happen(
    server: ReelarrServer, matrix: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/add/new")
    page.get_by_label("Search for a movie").fill("tmdb:27205")
    page.get_by_role("button", name="Add Inception (2010)").click()
    dialog = page.get_by_role("dialog", name="Add Inception (2010)")
    search = dialog.get_by_role("checkbox", name="Start search for this movie")
    expect(search).to_be_disabled()
    expect(search).not_to_be_checked()
    expect(search).to_have_accessible_description(re.compile("No indexer with automatic search"))
    dialog.get_by_role("button", name="Cancel").click()

    page.goto(f"{server.url}/add/import?rootFolderId={matrix['rootFolderId']}")
    search = page.get_by_role("checkbox", name="Start searching for missing movies")
    expect(search).to_be_disabled()
    expect(search).to_have_accessible_description(re.compile("No indexer with automatic search"))


def test_the_queue_and_the_scheduled_tasks_follow_a_run_live(
    server: ReelarrServer, matrix: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/system/tasks")
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    scheduled = page.get_by_role("table", name="Scheduled")
    # Refreshing the film just added is not the library's refresh.
    refresh = scheduled.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Refresh Movie"))
    expect(refresh.get_by_role("cell").nth(1)).to_have_text("Never")
    expect(refresh.get_by_role("cell").nth(2)).to_have_text("—")
    health = scheduled.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Check Health", exact=True)
    )
    cells = health.get_by_role("cell")
    # Columns: interval, last start, last duration, next run, last run.
    if cells.nth(1).text_content() == "Never":  # not run yet by an earlier test
        expect(cells.nth(2)).to_have_text("—")
    expect(cells.nth(3)).to_have_text(re.compile(f"^({DATE_TIME})$"))

    health.get_by_role("button", name="Run Check Health").click()
    expect(cells.nth(4)).to_have_text(re.compile(r"^Completed"))
    expect(cells.nth(1)).to_have_text(re.compile(r"^Today at \d{1,2}(:\d{2})?[ap]m$"))
    expect(cells.nth(2)).to_have_text(re.compile(r"^\d+(\.\d+)? (s|min)"))
    queue = page.get_by_role("table", name="Queue")
    row = (
        queue.get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=re.compile("^Check Health")))
        .first
    )
    expect(row).to_contain_text("Manual")
    expect(row.get_by_role("cell").first).to_have_text(re.compile(r"^Completed"))


@pytest.fixture
def regenerable_server(tmdb_fixture: TmdbFixtureServer, tmp_path: Path) -> Iterator[ReelarrServer]:
    """A Reelarr whose API key is its own (the module's server fixes it with REELARR_API_KEY)."""
    with running_reelarr(tmp_path, env=ACCOUNT | tmdb_env(tmdb_fixture)) as reelarr:
        yield reelarr


def test_the_api_key_is_shown_copied_and_regenerated(regenerable_server: ReelarrServer, page: Page) -> None:
    server = regenerable_server
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(page, server)
    nav(page, "General")
    expect(page).to_have_url(re.compile(r"/settings/general$"))
    old = api_key_of(page, server)
    field = page.get_by_role("textbox", name="API key")
    expect(field).to_have_value(old)

    page.get_by_role("button", name="Copy the API key").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == old

    regenerate = page.get_by_role("button", name="Regenerate")
    regenerate.click()
    dialog = page.get_by_role("dialog", name="Regenerate the API key?")
    dialog.get_by_role("button", name="Regenerate").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("ResetApiKey-state")).to_contain_text("Completed")
    expect(field).not_to_have_value(old)
    new = field.input_value()
    assert new == api_key_of(page, server)
    with api(server, old) as client:
        assert client.get("/system/status").status_code == 401
    with api(server, new) as client:
        assert client.get("/system/status").status_code == 200


def test_a_key_fixed_by_the_environment_is_not_regenerated_and_the_page_says_why(
    server: ReelarrServer, page: Page
) -> None:
    # The module's server fixes its key with REELARR_API_KEY.
    log_in(page, server, "/settings/general")
    expect(page.get_by_role("textbox", name="API key")).to_have_value(API_KEY)
    page.get_by_role("button", name="Regenerate").click()
    page.get_by_role("dialog", name="Regenerate the API key?").get_by_role(
        "button", name="Regenerate"
    ).click()
    state = page.get_by_test_id("ResetApiKey-state")
    expect(state).to_contain_text("Failed")
    expect(state).to_contain_text("The API key is set by REELARR_API_KEY")
    expect(page.get_by_role("textbox", name="API key")).to_have_value(API_KEY)


def test_the_calendar_gives_the_ical_feed_address_with_its_options(
    server: ReelarrServer, matrix: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/calendar")
    page.get_by_role("button", name="iCal link").click()
    dialog = page.get_by_role("dialog", name="Calendar feed")
    address = dialog.get_by_role("textbox", name="iCal feed")
    key = api_key_of(page, server)
    expect(address).to_have_value(
        f"{server.url}/feed/v3/calendar/radarr.ics?pastDays=7&futureDays=28&apikey={key}"
    )
    dialog.get_by_label("Past days").fill("9000")
    dialog.get_by_label("Future days").fill("400")
    dialog.get_by_label("Include unmonitored movies").check()
    expect(address).to_have_value(
        f"{server.url}/feed/v3/calendar/radarr.ics?unmonitored=true&pastDays=3650&futureDays=400&apikey={key}"
    )
    expect(dialog.get_by_role("link", name="Subscribe")).to_have_attribute(
        "href", re.compile(r"^webcal://127\.0\.0\.1:\d+/feed/v3/calendar/radarr\.ics\?unmonitored=true&")
    )
    feed = httpx.get(address.input_value(), timeout=30)
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert feed.text.startswith("BEGIN:VCALENDAR")

    dialog.locator(".dialog__actions").get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="iCal link")).to_be_focused()
