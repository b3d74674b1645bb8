"""Settings → Import Lists in a browser against a server: a list added from the schema with its
options, saved, and the clean-up options with the preview of what a sync would remove; a Trakt list
signed in with the device code against the fixture Trakt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav
from tests.fixtures.importlists.server import MATRIX, ListServer
from tests.fixtures.importlists.trakt import CLIENT_ID, CLIENT_SECRET, TraktServer
from tests.fixtures.tmdb.server import TmdbFixtureServer

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def trakt() -> Iterator[TraktServer]:
    """The fixture Trakt, its device codes polled every second (not Trakt's 5 s) so the test waits less."""
    with TraktServer() as server:
        server.state.interval = 1
        yield server


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, trakt: TraktServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """conftest's server, with the Trakt application pointed at the fixture Trakt."""
    trakt_env = {
        "REELARR_TRAKT_API_URL": trakt.url,
        "REELARR_TRAKT_CLIENT_ID": CLIENT_ID,
        "REELARR_TRAKT_CLIENT_SECRET": CLIENT_SECRET,
    }
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY} | trakt_env
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        yield reelarr


def api_get(server: ReelarrServer, path: str) -> Any:
    with api_client(server) as api:
        return api.get(path).raise_for_status().json()


def test_a_stevenlu_list_is_added_from_the_schema_and_the_clean_up_preview_says_it_holds(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    with ListServer() as lists, api_client(server) as api:
        lists.offer(MATRIX)
        root = api.post("/rootfolder", json={"path": str(tmp_path)}).raise_for_status().json()
        try:
            log_in(page, server, "/")
            nav(page, "Import lists")
            expect(page.get_by_role("heading", name="Import Lists", level=1)).to_be_visible()
            expect(page.get_by_text("No lists yet")).to_be_visible()
            page.get_by_role("button", name="Add list").click()
            choose = page.get_by_role("dialog", name="Add list")
            expect(choose.get_by_role("button", name="IMDb Watchlist")).to_be_visible()
            choose.get_by_role("button", name="StevenLu Custom", exact=True).click()

            form = page.get_by_role("dialog", name="Add list - StevenLu Custom")
            form.get_by_label("Name", exact=True).fill("Popular")
            form.get_by_label("URL", exact=True).fill(lists.url("/stevenlu.json"))
            form.get_by_label("Enable automatic add").uncheck()
            form.get_by_label("Monitor").select_option("none")
            form.get_by_label("Quality profile").select_option(index=1)
            form.get_by_label("Root folder").select_option(root["path"])
            form.get_by_role("button", name="Test").click()
            expect(form.get_by_text("Test passed")).to_be_visible()
            form.get_by_role("button", name="Save", exact=True).click()
            expect(form).to_be_hidden()

            expect(page.get_by_role("article", name="Popular")).to_contain_text("Offers only")
            [saved] = api_get(server, "/importlist")
            assert (saved["enableAuto"], saved["monitor"], saved["rootFolderPath"]) == (
                False,
                "none",
                root["path"],
            )

            page.get_by_label("Clean library level").select_option("removeAndKeep")
            page.get_by_role("button", name="Save options").click()
            expect(page.get_by_role("status").filter(has_text="Options saved")).to_be_visible()
            expect(page.get_by_role("note")).to_contain_text("Popular was never fetched")
            assert api_get(server, "/config/importlist")["listSyncLevel"] == "removeAndKeep"
        finally:
            for found in api.get("/importlist").json():
                api.delete(f"/importlist/{found['id']}")
            api.put("/config/importlist", json={"listSyncLevel": "disabled"})
            api.delete(f"/rootfolder/{root['id']}")


def test_a_trakt_list_is_signed_in_with_the_device_code_and_saved_with_its_token_masked(
    server: ReelarrServer, trakt: TraktServer, page: Page, tmp_path: Path
) -> None:
    trakt.offer("users/ann/watchlist", MATRIX)
    with api_client(server) as api:
        root = api.post("/rootfolder", json={"path": str(tmp_path)}).raise_for_status().json()
        try:
            log_in(page, server, "/")
            nav(page, "Import lists")
            page.get_by_role("button", name="Add list").click()
            page.get_by_role("dialog", name="Add list").get_by_role(
                "button", name="Trakt User", exact=True
            ).click()

            form = page.get_by_role("dialog", name="Add list - Trakt User")
            form.get_by_label("Name", exact=True).fill("Ann's watchlist")
            form.get_by_label("Enable automatic add").uncheck()
            form.get_by_label("Quality profile").select_option(index=1)
            form.get_by_label("Root folder").select_option(root["path"])
            sign_in = form.get_by_role("group", name="Authenticate with Trakt")
            expect(sign_in).to_contain_text("Not signed in")
            sign_in.get_by_role("button", name="Sign in").click()

            expect(sign_in.get_by_label("Code to enter")).to_have_text("5055CC52")
            link = sign_in.get_by_role("link", name="Enter it at trakt.tv/activate")
            expect(link).to_have_attribute("href", "https://trakt.tv/activate")
            expect(sign_in).to_contain_text("Waiting for the code to be entered")
            [code] = trakt.pending_device_codes()
            trakt.approve(code, "ann")  # the user entered the code at trakt.tv/activate
            expect(sign_in).to_contain_text("Signed in as ann.")
            expect(sign_in.get_by_role("button", name="Sign in again")).to_be_visible()
            # The form now holds the tokens: the list's test reads the watchlist with them.
            form.get_by_role("button", name="Test").click()
            expect(form.get_by_text("Test passed")).to_be_visible()
            [*_, (_, _, headers, _)] = trakt.requests("/users/ann/watchlist")
            assert headers["authorization"].startswith("Bearer access-ann-")

            form.get_by_role("button", name="Save", exact=True).click()
            expect(form).to_be_hidden()
            expect(page.get_by_role("article", name="Ann's watchlist")).to_be_visible()
            [saved] = api_get(server, "/importlist")
            fields = {f["name"]: f.get("value") for f in saved["fields"]}
            assert (saved["implementation"], fields["accessToken"], fields["refreshToken"]) == (
                "TraktUserImport",
                "********",
                "********",
            )
            assert fields["authUser"] == "ann"
            assert fields["expires"]
        finally:
            for found in api.get("/importlist").json():
                api.delete(f"/importlist/{found['id']}")
            api.delete(f"/rootfolder/{root['id']}")
