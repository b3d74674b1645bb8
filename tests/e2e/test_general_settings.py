"""Settings → General, Settings → UI and System → Updates in a browser: a saved setting shown and kept,
the restart a start-up setting waits for, the theme switching at once, the language film information
comes in, and the running version."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav

from conftest import ACCOUNT, api_client, running_reelarr
from reelarr import __version__
from reelarr.host.lifecycle import RESTART_EXIT_CODE

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e
DARK_BACKGROUND, LIGHT_BACKGROUND = "rgb(21, 23, 28)", "rgb(244, 245, 247)"


def _save_general(page: Page) -> None:
    page.get_by_role("button", name="Save general settings").click()
    expect(page.get_by_role("status").filter(has_text="General settings saved")).to_be_visible()


def test_a_saved_instance_name_is_shown_again_and_used(server: ReelarrServer, page: Page) -> None:
    log_in(page, server)
    nav(page, "General")
    page.get_by_label("Instance name").fill("Home Films")
    _save_general(page)
    page.reload()
    expect(page.get_by_label("Instance name")).to_have_value("Home Films")
    with api_client(server) as api:
        assert api.get("/system/status").json()["instanceName"] == "Home Films"


def test_a_value_the_environment_sets_is_refused_under_its_field(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/settings/general")
    page.get_by_label("Port number").fill("8123")
    page.get_by_role("button", name="Save general settings").click()
    expect(page.get_by_text("Set by REELARR_PORT; change it there instead")).to_be_visible()


def test_a_new_url_base_asks_for_a_restart_which_ends_the_server_with_its_code(
    page: Page, tmp_path: Path
) -> None:
    with running_reelarr(tmp_path, env=ACCOUNT) as own:
        log_in(page, own, "/settings/general")
        page.get_by_label("URL base").fill("/films")
        _save_general(page)
        notice = page.get_by_role("alert").filter(
            has_text="Restart Reelarr for the new URL base to take effect"
        )
        expect(notice).to_be_visible()
        notice.get_by_role("button", name="Restart now").click()
        expect(page.get_by_text("Reelarr is restarting")).to_be_visible()
        process = own._process
        assert process is not None
        assert process.wait(30) == RESTART_EXIT_CODE
        assert 'url_base = "/films"' in (own.data_dir / "config.toml").read_text()


def test_the_theme_switches_at_once_over_the_systems_preference(server: ReelarrServer, page: Page) -> None:
    page.emulate_media(color_scheme="dark")
    log_in(page, server)
    nav(page, "UI")
    expect(page.get_by_role("heading", name="UI", level=1)).to_be_visible()
    root = page.locator("html")
    expect(root).to_have_css("background-color", DARK_BACKGROUND)
    page.get_by_label("Theme").select_option("light")
    page.get_by_role("button", name="Save UI settings").click()
    expect(page.get_by_role("status").filter(has_text="UI settings saved")).to_be_visible()
    expect(root).to_have_css("background-color", LIGHT_BACKGROUND)
    # Kept: a new visit starts light although the system prefers dark.
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    expect(root).to_have_css("background-color", LIGHT_BACKGROUND)
    page.get_by_label("Theme").select_option("auto")
    page.get_by_role("button", name="Save UI settings").click()
    expect(root).to_have_css("background-color", DARK_BACKGROUND)


def test_the_updates_page_shows_the_running_version_and_how_to_upgrade(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server)
    nav(page, "Updates")
    expect(page.get_by_test_id("running-version")).to_have_text(__version__)
    expect(page.get_by_text(re.compile(r"pip install --upgrade reelarr"))).to_be_visible()


def test_the_first_day_of_the_week_reorders_the_calendar(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/settings/ui")
    page.get_by_label("First day of week").select_option(label="Sunday")
    page.get_by_role("button", name="Save UI settings").click()
    expect(page.get_by_role("status").filter(has_text="UI settings saved")).to_be_visible()
    nav(page, "Calendar")
    expect(page.locator(".calendar__weekdays > *").first).to_have_text("Sun")
    page.goto(f"{server.url}/settings/ui")
    page.get_by_label("First day of week").select_option(label="Monday")
    page.get_by_role("button", name="Save UI settings").click()
    expect(page.get_by_role("status").filter(has_text="UI settings saved")).to_be_visible()
    nav(page, "Calendar")
    expect(page.locator(".calendar__weekdays > *").first).to_have_text("Mon")


def _lookup_title(server: ReelarrServer, tmdb_id: int) -> str:
    with api_client(server) as api:
        found = api.get("/movie/lookup", params={"term": f"tmdb:{tmdb_id}"}).raise_for_status().json()
    return str(found[0]["title"])


def test_the_movie_info_language_asks_tmdb_in_it(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/settings/ui")
    page.get_by_label("Movie info language").select_option(label="French")
    page.get_by_role("button", name="Save UI settings").click()
    expect(page.get_by_role("status").filter(has_text="UI settings saved")).to_be_visible()
    try:
        assert _lookup_title(server, 603) == "Matrix"
        page.reload()
        expect(page.get_by_label("Movie info language")).to_have_value("2")
    finally:
        page.get_by_label("Movie info language").select_option(label="English")
        page.get_by_role("button", name="Save UI settings").click()
        expect(page.get_by_role("status").filter(has_text="UI settings saved")).to_be_visible()
    assert _lookup_title(server, 603) == "The Matrix"


def test_shut_down_on_the_status_page_ends_the_server_with_zero(page: Page, tmp_path: Path) -> None:
    with running_reelarr(tmp_path, env=ACCOUNT) as own:
        log_in(page, own, "/system/status")
        page.get_by_role("button", name="Shut down").click()
        dialog = page.get_by_role("dialog", name="Shut down Reelarr?")
        dialog.get_by_role("button", name="Shut down").click()
        expect(page.get_by_role("status").filter(has_text="Reelarr is shutting down")).to_be_visible()
        process = own._process
        assert process is not None
        assert process.wait(30) == 0
