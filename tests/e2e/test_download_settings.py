"""Settings → Download Clients (a real qBittorrent, the options, remote path mappings), Settings →
Connect (a webhook told of events) and Media Management's file management options, in a browser
against a server."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in, nav
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.net import free_port
from tests.support.qbittorrent import QBittorrentServer

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e


def api_get(server: ReelarrServer, path: str) -> Any:
    with api_client(server) as api:
        return api.get(path).raise_for_status().json()


def card(page: Page, name: str) -> Locator:
    return page.get_by_role("article", name=name, exact=True)


def test_a_qbittorrent_client_is_added_from_the_schema_tested_forced_and_deleted(
    server: ReelarrServer, qbittorrent: QBittorrentServer, page: Page
) -> None:
    log_in(page, server, "/")
    nav(page, "Download clients")
    expect(page.get_by_role("heading", name="Download clients", level=1)).to_be_visible()
    expect(page.get_by_text("No download clients yet")).to_be_visible()
    page.get_by_role("button", name="Add download client").click()
    choose = page.get_by_role("dialog", name="Add download client")
    expect(choose.get_by_role("heading", name="Torrents")).to_be_visible()
    expect(choose.get_by_role("heading", name="Usenet")).to_be_visible()
    expect(choose.get_by_role("button", name="SABnzbd")).to_be_visible()
    choose.get_by_role("button", name="qBittorrent", exact=True).click()

    form = page.get_by_role("dialog", name="Add download client - qBittorrent")
    expect(form.get_by_label("Enable", exact=True)).to_be_checked()
    form.get_by_label("Name", exact=True).fill("Seedbox")
    form.get_by_label("Host", exact=True).fill(qbittorrent.host)
    form.get_by_label("Port", exact=True).fill(str(qbittorrent.port))
    form.get_by_label("Username", exact=True).fill(qbittorrent.username)
    form.get_by_label("Password", exact=True).fill(qbittorrent.password)
    form.get_by_label("Category", exact=True).fill("reelarr-e2e-ui")
    form.get_by_role("button", name="Test").click()
    expect(form.get_by_text("Test passed")).to_be_visible()
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form).to_be_hidden()

    seedbox = card(page, "Seedbox")
    expect(seedbox).to_contain_text("qBittorrent · Torrent")
    expect(seedbox).to_contain_text("Enabled")
    saved = next(c for c in api_get(server, "/downloadclient") if c["name"] == "Seedbox")
    assert saved["protocol"] == "torrent"
    assert next(f["value"] for f in saved["fields"] if f["name"] == "password") == "********"

    page.get_by_role("button", name="Test all").click()
    expect(page.get_by_text("1 of 1 enabled download clients passed the test.")).to_be_visible()

    # A client that cannot be reached is refused, and kept when the user insists (forceSave).
    seedbox.get_by_role("button", name="Edit Seedbox").click()
    form = page.get_by_role("dialog", name="Edit download client - qBittorrent")
    form.get_by_label("Port", exact=True).fill(str(free_port()))
    expect(form.get_by_role("button", name="Save anyway")).to_have_count(0)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form.get_by_text("Unable to connect to qBittorrent")).to_be_visible()
    expect(form.get_by_label("Host", exact=True)).to_have_attribute("aria-invalid", "true")
    form.get_by_role("button", name="Save anyway").click()
    expect(form).to_be_hidden()
    forced = api_get(server, f"/downloadclient/{saved['id']}")
    assert next(f["value"] for f in forced["fields"] if f["name"] == "port") != qbittorrent.port

    card(page, "Seedbox").get_by_role("button", name="Edit Seedbox").click()
    form = page.get_by_role("dialog", name="Edit download client - qBittorrent")
    form.get_by_role("button", name="Delete").click()
    form.get_by_role("alertdialog", name="Delete Seedbox").get_by_role("button", name="Delete").click()
    expect(form).to_be_hidden()
    expect(card(page, "Seedbox")).to_have_count(0)
    assert api_get(server, "/downloadclient") == []


def test_download_handling_options_are_saved_and_a_bad_interval_is_named(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/settings/downloadclients")
    options = page.get_by_role("form", name="Download client options")
    interval = options.get_by_label("Check for finished downloads every (minutes)")
    expect(interval).to_have_value("1")
    expect(options.get_by_role("button", name="Remove _UNPACK_ from Working folders")).to_be_visible()
    interval.fill("500")
    options.get_by_role("button", name="Save options").click()
    expect(options.get_by_text("Must be between 1 and 120 minutes")).to_be_visible()
    expect(interval).to_have_attribute("aria-invalid", "true")

    interval.fill("5")
    options.get_by_label("Redownload failed", exact=True).uncheck()
    expect(options.get_by_label("Redownload failed from interactive search")).to_be_disabled()
    options.get_by_role("button", name="Save options").click()
    expect(options.get_by_role("status")).to_have_text("Options saved")
    saved = api_get(server, "/config/downloadclient")
    assert (saved["checkForFinishedDownloadInterval"], saved["autoRedownloadFailed"]) == (5, False)

    page.reload()
    options = page.get_by_role("form", name="Download client options")
    expect(options.get_by_label("Check for finished downloads every (minutes)")).to_have_value("5")
    expect(options.get_by_label("Redownload failed", exact=True)).not_to_be_checked()
    with api_client(server) as api:
        api.put(
            "/config/downloadclient/1",
            json={**saved, "checkForFinishedDownloadInterval": 1, "autoRedownloadFailed": True},
        ).raise_for_status()


def test_a_remote_path_mapping_is_checked_by_the_server_added_changed_and_deleted(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    local = tmp_path / "downloads"
    local.mkdir()
    log_in(page, server, "/settings/downloadclients")
    section = page.get_by_role("region", name="Remote path mappings")
    expect(section.get_by_text("No remote path mappings.")).to_be_visible()
    section.get_by_role("button", name="Add mapping").click()
    form = page.get_by_role("dialog", name="Add remote path mapping")
    form.get_by_role("combobox", name="Host").fill("seedbox")
    form.get_by_role("textbox", name="Remote path").fill("/data/downloads/")
    form.get_by_role("textbox", name="Local path").fill(str(tmp_path / "missing"))
    form.get_by_role("button", name="Save").click()
    local_path = form.get_by_role("textbox", name="Local path")
    expect(local_path).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text("does not exist")).to_be_visible()

    local_path.fill(f"{local}/")
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()
    table = section.get_by_role("table", name="Remote path mappings")
    expect(table.get_by_role("row", name="seedbox")).to_contain_text(str(local))
    [mapping] = api_get(server, "/remotepathmapping")
    assert (mapping["host"], mapping["remotePath"]) == ("seedbox", "/data/downloads/")

    table.get_by_role("button", name="Edit the mapping of /data/downloads/ on seedbox").click()
    form = page.get_by_role("dialog", name="Edit remote path mapping")
    form.get_by_role("combobox", name="Host").fill("nas")
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()
    expect(table.get_by_role("row", name="nas")).to_be_visible()

    table.get_by_role("button", name="Edit the mapping of /data/downloads/ on nas").click()
    form = page.get_by_role("dialog", name="Edit remote path mapping")
    form.get_by_role("button", name="Delete").click()
    form.get_by_role("alertdialog", name="Delete the mapping").get_by_role("button", name="Delete").click()
    expect(form).to_be_hidden()
    expect(section.get_by_text("No remote path mappings.")).to_be_visible()
    assert api_get(server, "/remotepathmapping") == []


def test_file_management_options_are_saved_reloaded_and_a_missing_recycle_bin_is_named(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    bin_folder = tmp_path / "recycle"
    bin_folder.mkdir()
    log_in(page, server, "/")
    nav(page, "Media management")
    options = page.get_by_role("form", name="File management options")
    recycle_bin = options.get_by_label("Recycle bin", exact=True)
    expect(recycle_bin).to_have_value("")
    recycle_bin.fill(str(tmp_path / "nowhere"))
    options.get_by_role("button", name="Save file management").click()
    expect(options.get_by_text("Path does not exist")).to_be_visible()
    expect(recycle_bin).to_have_attribute("aria-invalid", "true")

    recycle_bin.fill(str(bin_folder))
    options.get_by_label("Recycle bin cleanup (days)").fill("14")
    options.get_by_label("Propers and repacks").select_option("doNotPrefer")
    options.get_by_label("Use hardlinks instead of copy").uncheck()
    options.get_by_label("Import extra files").check()
    expect(options.get_by_role("textbox", name="Extra file extensions")).to_be_visible()
    options.get_by_role("button", name="Save file management").click()
    expect(options.get_by_role("status")).to_have_text("File management saved")

    page.reload()
    options = page.get_by_role("form", name="File management options")
    expect(options.get_by_label("Recycle bin", exact=True)).to_have_value(str(bin_folder))
    expect(options.get_by_label("Recycle bin cleanup (days)")).to_have_value("14")
    expect(options.get_by_label("Propers and repacks")).to_have_value("doNotPrefer")
    expect(options.get_by_label("Use hardlinks instead of copy")).not_to_be_checked()
    saved = api_get(server, "/config/mediamanagement")
    assert (saved["recycleBin"], saved["recycleBinCleanupDays"]) == (str(bin_folder), 14)
    assert (saved["downloadPropersAndRepacks"], saved["copyUsingHardlinks"]) == ("doNotPrefer", False)
    assert saved["importExtraFiles"] is True


def test_script_import_is_turned_on_with_its_script_and_a_relative_path_is_named(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    script = tmp_path / "import.sh"
    script.write_text("#!/bin/sh\necho '[MoveStatus] MoveComplete'\n")
    log_in(page, server, "/settings/mediamanagement")
    options = page.get_by_role("form", name="File management options")
    expect(options.get_by_label("Import script path")).to_be_hidden()
    options.get_by_label("Use script import").check()
    path = options.get_by_label("Import script path")
    path.fill("import.sh")
    options.get_by_role("button", name="Save file management").click()
    expect(path).to_have_attribute("aria-invalid", "true")

    path.fill(str(script))
    options.get_by_role("button", name="Save file management").click()
    expect(options.get_by_role("status")).to_have_text("File management saved")
    saved = api_get(server, "/config/mediamanagement")
    assert (saved["useScriptImport"], saved["scriptImportPath"]) == (True, str(script))


def test_a_webhook_connection_is_added_tested_told_of_a_film_and_deleted(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    with WebhookReceiver() as receiver:
        log_in(page, server, "/")
        nav(page, "Connect")
        expect(page.get_by_role("heading", name="Connect", level=1)).to_be_visible()
        expect(page.get_by_text("No connections yet")).to_be_visible()
        page.get_by_role("button", name="Add connection").click()
        page.get_by_role("dialog", name="Add connection").get_by_role("button", name="Webhook").click()

        form = page.get_by_role("dialog", name="Add connection - Webhook")
        # Reelarr tells of its own version changing since the last start; a dependent switch waits.
        expect(form.get_by_label("On application update")).to_be_enabled()
        expect(form.get_by_label("On file upgrade")).to_be_disabled()
        form.get_by_label("Name", exact=True).fill("Hook")
        form.get_by_label("Webhook URL").fill(receiver.url("/nope"))
        receiver.behaviour.status = 404
        form.get_by_role("button", name="Test").click()
        expect(form.get_by_label("Webhook URL")).to_have_attribute("aria-invalid", "true")

        receiver.behaviour.status = 200
        form.get_by_label("Webhook URL").fill(receiver.url("/hook"))
        form.get_by_role("button", name="Test").click()
        expect(form.get_by_text("Test passed")).to_be_visible()
        assert receiver.requests()[-1].json()["eventType"] == "Test"
        form.get_by_label("On file import").check()
        form.get_by_label("On file upgrade").check()
        form.get_by_label("On movie added").check()
        form.get_by_role("button", name="Save", exact=True).click()
        expect(form).to_be_hidden()

        hook = card(page, "Hook")
        expect(hook).to_contain_text("On file import, On file upgrade, On movie added")
        [saved] = api_get(server, "/notification")
        assert (saved["onDownload"], saved["onUpgrade"], saved["onMovieAdded"], saved["onGrab"]) == (
            True,
            True,
            True,
            False,
        )

        # A film added is told to the receiver.
        with api_client(server) as api:
            root = api.post("/rootfolder", json={"path": str(tmp_path)}).raise_for_status().json()
            body = {"tmdbId": 550, "qualityProfileId": 1, "rootFolderPath": root["path"]}
            movie = api.post("/movie", json=body).raise_for_status().json()
        deadline = time.monotonic() + 15
        while "MovieAdded" not in [r.json()["eventType"] for r in receiver.requests()]:
            assert time.monotonic() < deadline, "the webhook was not told of the film added"
            time.sleep(0.1)
        added = next(r.json() for r in receiver.requests() if r.json()["eventType"] == "MovieAdded")
        assert added["movie"]["tmdbId"] == 550

        hook.get_by_role("button", name="Edit Hook").click()
        edit = page.get_by_role("dialog", name="Edit connection - Webhook")
        edit.get_by_role("button", name="Delete").click()
        edit.get_by_role("alertdialog", name="Delete Hook").get_by_role("button", name="Delete").click()
        expect(page.get_by_text("No connections yet")).to_be_visible()
    assert api_get(server, "/notification") == []
    with api_client(server) as api:
        api.delete(f"/movie/{movie['id']}").raise_for_status()
        api.delete(f"/rootfolder/{root['id']}").raise_for_status()
