"""Activity → Queue, History and Blocklist in a browser against a server that grabs from the fixture
Torznab site into the session's real qBittorrent."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in, nav
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.qbittorrent import QBittorrentServer, forget_category, qbittorrent_api

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX = 603
ANY = 1
MATRIX_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
MATRIX_720P = "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE"
MATRIX_2160P = "The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-OTHER"


def wait_for(check: Callable[[], bool], what: str, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.fixture(scope="module")
def sites() -> Iterator[IndexerFixtureServer]:
    with IndexerFixtureServer() as fixture_sites:
        yield fixture_sites


@pytest.fixture(scope="module")
def category(qbittorrent: QBittorrentServer) -> Iterator[str]:
    """A qBittorrent category of this module's own, emptied at the end (qBittorrent is shared)."""
    name = f"reelarr-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    forget_category(qbittorrent, name)


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer,
    sites: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    category: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ReelarrServer]:
    """A Reelarr with a root folder, the fixture Torznab indexer, qBittorrent and The Matrix (no search)."""
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    env |= {"REELARR_INDEXER_REQUEST_INTERVAL_SECONDS": "0", "REELARR_INDEXER_TIMEOUT_SECONDS": "5"}
    root = tmp_path_factory.mktemp("movies")
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        with api_client(reelarr) as api:
            api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
            api.post("/indexer", json=nab_resource(sites)).raise_for_status()
            schema = api.get("/downloadclient/schema").json()
            client = {
                **next(e for e in schema if e["implementation"] == "QBittorrent"),
                "name": "qBittorrent",
            }
            settings = qbittorrent.settings(movieCategory=category)
            client["fields"] = [
                {**f, "value": settings.get(f["name"], f.get("value"))} for f in client["fields"]
            ]
            api.post("/downloadclient", json=client).raise_for_status()
            body = {
                "tmdbId": MATRIX,
                "qualityProfileId": ANY,
                "rootFolderPath": str(root),
                "monitored": True,
                "minimumAvailability": "released",
                "addOptions": {"searchForMovie": False},
            }
            api.post("/movie", json=body).raise_for_status()
        yield reelarr


def matrix_id(server: ReelarrServer) -> int:
    with api_client(server) as api:
        return int(next(m["id"] for m in api.get("/movie").json() if m["tmdbId"] == MATRIX))


def grab(server: ReelarrServer, title: str) -> None:
    """Grab one of the fixture site's releases of The Matrix, as interactive search does."""
    with api_client(server) as api:
        releases = api.get("/release", params={"movieId": matrix_id(server)}).raise_for_status().json()
        chosen = next(r for r in releases if r["title"] == title)
        api.post(
            "/release", json={"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
        ).raise_for_status()


def queue(server: ReelarrServer) -> list[dict[str, Any]]:
    with api_client(server) as api:
        return list(
            api.get("/queue", params={"includeUnknownMovieItems": "true"})
            .raise_for_status()
            .json()["records"]
        )


def test_the_queue_shows_a_grab_live_and_removes_it_from_qbittorrent(
    server: ReelarrServer, qbittorrent: QBittorrentServer, category: str, page: Page
) -> None:
    # Opened at the queue, the page has not loaded the library.
    log_in(page, server, "/activity/queue")
    expect(page.get_by_role("heading", name="Queue", level=1)).to_be_visible()
    expect(page.get_by_text("The queue is empty")).to_be_visible()

    # Grabbed and then seen by a refresh the server runs (not the page): the live message brings the row.
    grab(server, MATRIX_1080P)
    # ...and a toast tells of the grab as it happens, naming the film (which the page loads to name it).
    toasts = page.get_by_role("status", name="Notifications")
    expect(toasts).to_contain_text("Grabbed The Matrix (1999)")
    expect(toasts).to_contain_text(MATRIX_1080P)
    toasts.get_by_role("button", name="Dismiss: Grabbed The Matrix (1999)").click()
    expect(toasts).not_to_contain_text("Grabbed")
    with api_client(server) as api:
        api.post("/command", json={"name": "RefreshMonitoredDownloads"}).raise_for_status()
    table = page.get_by_role("table", name="Queue")
    row = table.get_by_role("row").filter(has_text=MATRIX_1080P)
    expect(row).to_be_visible(timeout=20_000)
    expect(row.get_by_role("link", name="The Matrix (1999)")).to_be_visible()
    expect(row).to_contain_text("Bluray-1080p")
    expect(row).to_contain_text("Torrent")
    expect(row).to_contain_text("qBittorrent")
    expect(row).to_contain_text("Fixture")
    expect(row.get_by_role("progressbar", name=re.compile(r"% downloaded$"))).to_be_visible()
    [item] = queue(server)
    assert item["trackedDownloadState"] == "downloading"

    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_role("status").filter(has_text="Completed")).to_be_visible(timeout=20_000)

    # The row's Remove (DELETE /queue/{id}) with a blocklist and no new search.
    row.get_by_role("button", name=re.compile(f"^Remove {re.escape(MATRIX_1080P)}")).click()
    dialog = page.get_by_role("dialog", name="Remove from queue")
    expect(dialog.get_by_label("Remove from download client")).to_be_checked()
    expect(dialog.get_by_label("Skip re-search")).to_be_disabled()
    dialog.get_by_label("Blocklist release").check()
    dialog.get_by_label("Skip re-search").check()
    dialog.get_by_role("button", name="Remove").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("The queue is empty")).to_be_visible(timeout=20_000)
    with api_client(server) as client:
        [entry] = client.get("/blocklist").json()["records"]
        assert entry["sourceTitle"] == MATRIX_1080P

    # A selection goes to DELETE /queue/bulk.
    grab(server, MATRIX_720P)
    with api_client(server) as api:
        api.post("/command", json={"name": "RefreshMonitoredDownloads"}).raise_for_status()
    row = table.get_by_role("row").filter(has_text=MATRIX_720P)
    expect(row).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name="Remove selected")).to_be_disabled()
    row.get_by_role("checkbox", name=re.compile(f"^Select {re.escape(MATRIX_720P)}")).check()
    page.get_by_role("button", name="Remove selected (1)").click()
    dialog = page.get_by_role("dialog", name="Remove from queue")
    expect(dialog.get_by_label("Blocklist release")).not_to_be_checked()
    dialog.get_by_role("button", name="Remove").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("The queue is empty")).to_be_visible()
    assert queue(server) == []
    api = qbittorrent_api(qbittorrent)
    wait_for(
        lambda: api.torrents_info(category=category) == [], "the torrents were not removed from qBittorrent"
    )
    with api_client(server) as client:
        assert client.get("/blocklist").json()["totalRecords"] == 1  # the bulk removal blocklisted nothing


def test_history_shows_the_grab_with_its_details_and_filters_by_event(
    server: ReelarrServer, page: Page
) -> None:
    grab(server, MATRIX_720P)
    log_in(page, server, "/")
    nav(page, "History")
    table = page.get_by_role("table", name="History")
    # The newest grab of it (the queue test grabbed it too).
    row = table.get_by_role("row").filter(has_text=MATRIX_720P).first
    expect(row).to_be_visible()
    expect(row.get_by_text("Grabbed", exact=True)).to_be_visible()
    expect(row.get_by_role("link", name="The Matrix (1999)")).to_be_visible()
    expect(row).to_contain_text("WEBDL-720p")
    row.get_by_text("Details", exact=True).click()
    details = row.locator("dl")
    expect(details).to_contain_text("Indexer")
    expect(details).to_contain_text("Fixture")
    # Only what Radarr shows: not the download URL with the indexer's key in it.
    expect(details).not_to_contain_text("apikey")

    events = page.get_by_label("Event type")
    events.select_option(label="Imported")
    expect(page.get_by_text("No events of this type yet.")).to_be_visible()
    events.select_option(label="Grabbed")
    expect(table.get_by_role("row").filter(has_text=MATRIX_720P).first).to_be_visible()
    for text in table.locator("tbody tr td:first-child").all_inner_texts():
        assert text == "Grabbed"


def test_a_blocklisted_release_is_listed_removed_and_the_list_cleared(
    server: ReelarrServer, qbittorrent: QBittorrentServer, category: str, page: Page
) -> None:
    grab(server, MATRIX_2160P)
    with api_client(server) as api:
        api.post("/command", json={"name": "RefreshMonitoredDownloads"}).raise_for_status()
        wait_for(lambda: any(MATRIX_2160P in i["title"] for i in queue(server)), "the grab is not queued")
        item = next(i for i in queue(server) if MATRIX_2160P in i["title"])
        flags = {"removeFromClient": "true", "blocklist": "true", "skipRedownload": "true"}
        api.delete(f"/queue/{item['id']}", params=flags).raise_for_status()

    log_in(page, server, "/")
    nav(page, "Blocklist")
    table = page.get_by_role("table", name="Blocklist")
    row = table.get_by_role("row").filter(has_text=MATRIX_2160P)
    expect(row).to_be_visible()
    expect(row.get_by_role("link", name="The Matrix (1999)")).to_be_visible()
    expect(row).to_contain_text("Fixture")
    row.get_by_role("button", name=re.compile(f"^Remove {re.escape(MATRIX_2160P)}")).click()
    dialog = page.get_by_role("dialog", name="Remove from blocklist")
    dialog.get_by_role("button", name="Remove").click()
    expect(dialog).to_be_hidden()
    expect(table.get_by_role("row").filter(has_text=MATRIX_2160P)).to_have_count(0)

    # What else is blocklisted (the queue test's release) goes with Clear.
    with api_client(server) as api:
        assert api.get("/blocklist").json()["totalRecords"] >= 1
    page.get_by_role("button", name="Clear").click()
    page.get_by_role("dialog", name="Clear the blocklist").get_by_role("button", name="Clear").click()
    expect(page.get_by_text("The blocklist is empty")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name="Clear")).to_be_disabled()
    with api_client(server) as api:
        assert api.get("/blocklist").json()["totalRecords"] == 0


def test_the_blocklist_page_says_when_it_is_empty(server: ReelarrServer, page: Page) -> None:
    with api_client(server) as api:
        api.post("/command", json={"name": "ClearBlocklist"}).raise_for_status()
        wait_for(lambda: api.get("/blocklist").json()["totalRecords"] == 0, "the blocklist was not cleared")
    log_in(page, server, "/")
    nav(page, "Blocklist")
    expect(page.get_by_role("heading", name="Blocklist", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Remove selected")).to_be_disabled()
    expect(page.get_by_text("The blocklist is empty")).to_be_visible()
    expect(page.get_by_role("button", name="Clear")).to_be_disabled()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_the_interactive_searchs_grab_button_sends_the_release_to_qbittorrent(
    server: ReelarrServer, qbittorrent: QBittorrentServer, category: str, page: Page
) -> None:
    log_in(page, server, f"/movie/{MATRIX}")
    page.get_by_role("button", name="Interactive search").click()
    search = page.get_by_role("dialog", name="Interactive search - The Matrix")
    search.get_by_role("button", name=f"Grab {MATRIX_1080P}").click()
    expect(search.get_by_role("button", name=f"Grabbed {MATRIX_1080P}")).to_be_disabled(timeout=20_000)
    api = qbittorrent_api(qbittorrent)
    wait_for(
        lambda: f"{MATRIX_1080P}.mkv" in [t.name for t in api.torrents_info(category=category)],
        "the grabbed release is not in qBittorrent",
    )
    search.get_by_role("button", name="Done").click()
    nav(page, "Queue")
    expect(
        page.get_by_role("table", name="Queue").get_by_role("row").filter(has_text=MATRIX_1080P)
    ).to_be_visible(timeout=20_000)
