"""The UI under its content security policy in Chromium: nothing it needs is blocked, framing is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD, USERNAME

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

# Collects what the page's content security policy blocked, from the first script on.
WATCH_POLICY = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__blocked.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


def blocked(page: Page) -> list[str]:
    return list(page.evaluate("window.__blocked || []"))


def test_the_ui_works_with_nothing_blocked_by_its_policy(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    page.add_init_script(WATCH_POLICY)
    page.goto(f"{server.url}/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    assert blocked(page) == []

    csrf = {"X-CSRF-Token": next(c["value"] for c in page.context.cookies() if c["name"] == "reelarr_csrf")}
    root = tmp_path / "movies"
    root.mkdir()
    folder = page.request.post(f"{server.url}/api/v3/rootfolder", data={"path": str(root)}, headers=csrf)
    assert folder.status == 201, folder.text()
    movie = {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)}
    added = page.request.post(f"{server.url}/api/v3/movie", data=movie, headers=csrf)
    assert added.status == 201, added.text()
    slug = added.json()["titleSlug"]

    page.goto(f"{server.url}/movies")
    expect(page.get_by_text("The Matrix").first).to_be_visible()
    # The detail page shows TMDB's headshots from TMDB's own (here the fixture's) image address.
    page.goto(f"{server.url}/movie/{slug}")
    headshot = page.get_by_role("list", name="Cast").locator("img.headshot").first
    expect(headshot).to_be_visible(timeout=20_000)
    expect(headshot).to_have_attribute("src", re.compile(r"^http://127\.0\.0\.1:\d+/t/p/"))
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=headshot.element_handle())
    page.goto(f"{server.url}/system/status")
    expect(page.get_by_role("heading", name="Status", level=1)).to_be_visible()
    assert blocked(page) == []


def test_another_page_cannot_frame_the_login_page(server: ReelarrServer, page: Page) -> None:
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text))
    page.set_content(f'<iframe id="framed" src="{server.url}/login" width="600" height="400"></iframe>')
    frame = page.frame_locator("#framed")
    expect(frame.get_by_role("button", name="Log in")).to_have_count(0)
    page.wait_for_timeout(500)
    assert any(
        re.search(r"frame-ancestors|X-Frame-Options|Refused to (frame|display)", text) for text in refused
    ), refused
