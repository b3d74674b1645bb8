"""Activity → History in a browser: a film's file deleted by hand is told in Radarr's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav

from conftest import api_client, matrix_with_a_file

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

RAW = "Matrix.1999.1080p.BluRay.x264-GRP.mkv"


@pytest.fixture(scope="module")
def deleted_file(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Matrix given a file, which is then deleted through the API; the file's full path."""
    root = tmp_path_factory.mktemp("movies")
    with api_client(server) as api:
        found = matrix_with_a_file(api, root, RAW)
        api.delete(f"/moviefile/{found['movieFileId']}").raise_for_status()
    return str(root / "The Matrix (1999)" / RAW)


def test_history_tells_why_a_file_was_deleted(server: ReelarrServer, deleted_file: str, page: Page) -> None:
    log_in(page, server, "/")
    nav(page, "History")
    table = page.get_by_role("table", name="History")
    row = table.get_by_role("row").filter(has_text=deleted_file)
    expect(row).to_be_visible()
    expect(row.get_by_text("File deleted", exact=True)).to_be_visible()
    row.get_by_text("Details", exact=True).click()
    expect(row.locator("dl")).to_contain_text(
        "File was deleted using Reelarr, either manually or by another tool through the API"
    )
