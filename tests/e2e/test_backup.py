"""System → Backup in a browser: Backup Now lists a manual backup, restore from the list and from an
uploaded file bring it back (a file that is no backup is refused with the reason), delete removes it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


def _labels(server: ReelarrServer) -> list[str]:
    with api_client(server) as api:
        return sorted(t["label"] for t in api.get("/tag").raise_for_status().json())


def _add_tag(server: ReelarrServer, label: str) -> None:
    with api_client(server) as api:
        api.post("/tag", json={"label": label}).raise_for_status()


def test_backup_now_restore_upload_and_delete(server: ReelarrServer, page: Page) -> None:
    _add_tag(server, "kept")
    log_in(page, server, "/system/backup")
    expect(page.get_by_role("heading", name="Backup", level=1)).to_be_visible()
    expect(page.get_by_text("No backups yet.")).to_be_visible()

    page.get_by_role("button", name="Backup Now").click()
    table = page.get_by_role("table", name="Backups")
    row = table.get_by_role("row").nth(1)
    expect(row.get_by_role("rowheader")).to_have_text(re.compile(r"^reelarr_backup_v.+\.zip$"))
    name = row.get_by_role("rowheader").inner_text()
    expect(row.get_by_role("cell").nth(0)).to_have_text("Manual")
    expect(row.get_by_role("cell").nth(1)).to_have_text(re.compile(r"^\d+(\.\d)? (B|KiB|MiB)$"))
    href = row.get_by_role("link", name=name).get_attribute("href") or ""
    zipped = page.request.get(urljoin(server.url, href)).body()
    assert zipped[:2] == b"PK"

    _add_tag(server, "gone")
    page.get_by_role("button", name=f"Restore {name}").click()
    dialog = page.get_by_role("dialog", name=f"Restore {name}")
    dialog.get_by_role("button", name="Restore").click()
    # The server serves the restored database at once; its settings file is unchanged: no restart.
    expect(dialog.get_by_role("status")).to_have_text("Backup restored.")
    assert _labels(server) == ["kept"]
    dialog.get_by_role("button", name="Done").click()

    _add_tag(server, "gone")
    page.get_by_role("button", name="Restore Backup").click()
    upload = page.get_by_role("dialog", name="Restore a backup file")
    upload.get_by_label("Backup file").set_input_files(
        files=[{"name": "notes.zip", "mimeType": "application/zip", "buffer": b"just notes"}]
    )
    upload.get_by_role("button", name="Restore").click()
    expect(upload.get_by_role("alert")).to_contain_text("Not restored: notes.zip is not a zip file")
    assert _labels(server) == ["gone", "kept"]
    upload.get_by_label("Backup file").set_input_files(
        files=[{"name": name, "mimeType": "application/zip", "buffer": zipped}]
    )
    upload.get_by_role("button", name="Restore").click()
    expect(upload.get_by_role("status")).to_have_text(re.compile("^Backup restored."))
    assert _labels(server) == ["kept"]
    upload.get_by_role("button", name="Done").click()

    page.get_by_role("button", name=f"Delete {name}").click()
    page.get_by_role("dialog", name=f"Delete {name}").get_by_role("button", name="Delete").click()
    expect(page.get_by_text("No backups yet.")).to_be_visible()
