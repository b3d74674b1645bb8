"""System → Events and System → Log Files in a browser: what the server logged, with its level and
details, and the log file listed and downloaded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

SMTP_PASSWORD = "smtp-secret-4711"
FAILED_EMAIL = "Error sending email. Subject: Radarr - Test Notification"


def _fail_an_email_test(server: ReelarrServer) -> None:
    """Test an Email connection to a closed port: the server logs an error (and no password)."""
    values: dict[str, Any] = {
        "server": "127.0.0.1",
        "port": 9,
        "useEncryption": 2,
        "from": "reelarr@example.com",
        "to": ["me@example.com"],
        "password": SMTP_PASSWORD,
    }
    with api_client(server) as api:
        email = next(s for s in api.get("/notification/schema").json() if s["implementation"] == "Email")
        email["fields"] = [{**f, "value": values.get(f["name"], f.get("value"))} for f in email["fields"]]
        response = api.post("/notification/test", json={**email, "name": "Mail"})
        assert response.status_code == 400, response.text


def test_an_error_logged_by_the_server_shows_in_events_with_its_level(
    server: ReelarrServer, page: Page
) -> None:
    _fail_an_email_test(server)
    log_in(page, server, "/")
    nav(page, "Events")
    expect(page).to_have_url(re.compile(r"/system/events$"))
    expect(page.get_by_role("heading", name="Events", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Events")
    failed = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=FAILED_EMAIL))
    expect(failed.first).to_be_visible()
    expect(failed.first.get_by_role("cell").first).to_have_text("Error")
    ready = table.get_by_role("row").filter(has_text=re.compile("ready on"))
    expect(ready).to_have_count(1)
    expect(ready.get_by_role("cell").first).to_have_text("Info")

    page.get_by_label("Level").select_option("Error")
    expect(ready).to_have_count(0)
    expect(failed.first).to_be_visible()
    for level in table.locator("tbody tr td:first-child").all_inner_texts():
        assert level in ("Error", "Fatal")

    failed.first.get_by_role("button", name=f"Details of {FAILED_EMAIL}").click()
    details = page.get_by_role("dialog", name="Details")
    expect(details).to_contain_text("reelarr.notifications.email")
    expect(details).to_contain_text(FAILED_EMAIL)
    expect(details).to_contain_text("Error")
    details.get_by_role("button", name="Close").first.click()
    expect(details).to_be_hidden()
    expect(page.get_by_text(SMTP_PASSWORD)).to_have_count(0)


def test_the_log_file_is_listed_and_downloads(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/")
    nav(page, "Log files")
    expect(page).to_have_url(re.compile(r"/system/logs/files$"))
    expect(page.get_by_role("heading", name="Log files", level=1)).to_be_visible()
    row = (
        page.get_by_role("table", name="Log files")
        .get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name="reelarr.log", exact=True))
    )
    expect(row).to_be_visible()
    with page.expect_download() as download_info:
        row.get_by_role("link", name="Download reelarr.log").click()
    download = download_info.value
    assert download.suggested_filename == "reelarr.log"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert '"logger":"reelarr.app"' in text
    assert "ready on" in text
