"""Settings → Import Lists in a browser against a server: a list added from the schema with its
options, saved, and the clean-up options with the preview of what a sync would remove."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav
from tests.fixtures.importlists.server import MATRIX, ListServer

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


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
