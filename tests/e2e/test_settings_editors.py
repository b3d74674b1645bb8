"""Settings → Profiles, Quality, Tags and Metadata, and the mass editor, in a browser against a server."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX, FIGHT_CLUB, INCEPTION = 603, 550, 27205
ANY, ULTRA_HD = 1, 5


def wait_for(check: Callable[[], bool], what: str, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("movies")


@pytest.fixture(scope="module")
def library(server: ReelarrServer, root: Path) -> dict[int, dict[str, Any]]:
    """Three films with the Any profile (Fight Club with a file), by TMDB id."""
    folder = root / "Fight Club (1999)"
    folder.mkdir()
    (folder / "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv").write_bytes(b"\0" * 4096)
    with api_client(server) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        added = {}
        for tmdb_id in (MATRIX, FIGHT_CLUB, INCEPTION):
            body = {"tmdbId": tmdb_id, "qualityProfileId": ANY, "rootFolderPath": str(root)}
            added[tmdb_id] = api.post("/movie", json=body).raise_for_status().json()
        fight_club = added[FIGHT_CLUB]["id"]
        api.post("/command", json={"name": "RescanMovie", "movieId": fight_club}).raise_for_status()
        wait_for(lambda: api.get(f"/movie/{fight_club}").json()["hasFile"], "Fight Club's file was not found")
    return added


def api(server: ReelarrServer, path: str) -> Any:
    with api_client(server) as client:
        return client.get(path).raise_for_status().json()


def quality_row(dialog: Locator, name: str) -> Locator:
    return dialog.get_by_role("list", name="Qualities, most preferred first").get_by_role(
        "listitem", name=name, exact=True
    )


def option_texts(select: Locator) -> list[str]:
    return [text.strip() for text in select.locator("option").all_inner_texts()]


def names(items: list[dict[str, Any]]) -> list[str]:
    """A profile's rows, least preferred first: "Name" or "Group[member, ...]"."""
    rows = []
    for item in items:
        members = ", ".join(m["quality"]["name"] for m in item["items"])
        rows.append(f"{item['name']}[{members}]" if item["items"] else item["quality"]["name"])
    return rows


def test_a_quality_profile_is_built_ordered_grouped_and_checked_by_the_server(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    log_in(page, server, "/settings/profiles")
    profiles = page.get_by_role("list", name="Quality profiles")
    expect(profiles.get_by_role("heading")).to_have_text(
        ["Any", "SD", "HD-720p", "HD-1080p", "Ultra-HD", "HD - 720p/1080p"]
    )

    # Saving an empty profile shows the server's messages on the fields they are about.
    page.get_by_role("button", name="Add profile").click()
    dialog = page.get_by_role("dialog", name="Add quality profile")
    dialog.get_by_role("button", name="Save").click()
    name = dialog.get_by_label("Name")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_text("'Name' must not be empty.")).to_be_visible()
    qualities = dialog.get_by_role("group", name="Qualities")
    expect(qualities).to_contain_text("Must contain at least one allowed quality")

    # Allow two qualities; the cutoff is chosen among them, most preferred first.
    name.fill("Films")
    dialog.get_by_role("checkbox", name="Remux-1080p", exact=True).check()
    dialog.get_by_role("checkbox", name="Bluray-1080p", exact=True).check()
    dialog.get_by_label("Upgrades allowed").check()
    cutoff = dialog.get_by_label("Upgrade until")
    assert option_texts(cutoff) == ["Remux-1080p", "Bluray-1080p"]
    expect(cutoff.locator("option:checked")).to_have_text("Remux-1080p")  # the first one allowed

    # Order: Bluray above Remux; then Remux joins the WEB 1080p group, renamed.
    dialog.get_by_role("button", name="Move Bluray-1080p up").click()
    assert option_texts(cutoff) == ["Bluray-1080p", "Remux-1080p"]
    dialog.get_by_role("button", name="Edit groups").click()
    dialog.get_by_role("button", name="Group Remux-1080p with WEB 1080p").click()
    group = quality_row(dialog, "WEB 1080p")
    members = group.get_by_role("list", name="Qualities in WEB 1080p")
    for quality in ("Remux-1080p", "WEBRip-1080p", "WEBDL-1080p"):
        expect(members.get_by_role("listitem", name=quality)).to_be_visible()
    group.get_by_label("Group name").fill("Remux and web")
    expect(cutoff.locator("option")).to_have_text(["Bluray-1080p", "Remux and web"])
    cutoff.select_option(label="Bluray-1080p")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()

    card = profiles.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Films"))
    expect(card.get_by_role("list", name="Allowed qualities").get_by_role("listitem")).to_have_text(
        ["Bluray-1080p", "Remux and web"]
    )
    expect(card).to_contain_text("Upgrades until Bluray-1080p")
    [films] = [p for p in api(server, "/qualityprofile") if p["name"] == "Films"]
    assert (films["upgradeAllowed"], films["cutoff"]) == (True, 7)
    rows = names(films["items"])
    group_row = "Remux and web[WEBDL-1080p, WEBRip-1080p, Remux-1080p]"
    assert rows.index("Bluray-1080p") == rows.index(group_row) + 1
    allowed = {(i.get("name") or i["quality"]["name"]) for i in films["items"] if i["allowed"]}
    assert allowed == {"Bluray-1080p", "Remux and web"}

    # Edit: take Remux out of the group, ungroup the rest, refuse WEBDL-1080p.
    card.get_by_role("button", name="Edit Films").click()
    dialog = page.get_by_role("dialog", name="Edit Films")
    dialog.get_by_role("button", name="Edit groups").click()
    dialog.get_by_role("button", name="Remove Remux-1080p from Remux and web").click()
    dialog.get_by_role("button", name="Ungroup Remux and web").click()
    dialog.get_by_role("checkbox", name="WEBDL-1080p", exact=True).uncheck()
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    [films] = [p for p in api(server, "/qualityprofile") if p["name"] == "Films"]
    rows = names(films["items"])
    # Remux went below its old group, the group's qualities stayed where it was.
    assert rows[rows.index("HDTV-1080p") + 1 : rows.index("HDTV-1080p") + 5] == [
        "Remux-1080p",
        "WEBDL-1080p",
        "WEBRip-1080p",
        "Bluray-1080p",
    ]
    allowed = [i["quality"]["name"] for i in films["items"] if i["allowed"]]
    assert allowed == ["Remux-1080p", "WEBRip-1080p", "Bluray-1080p"]

    # A copy needs a name of its own.
    card.get_by_role("button", name="Copy Films").click()
    dialog = page.get_by_role("dialog", name="Add quality profile")
    expect(dialog.get_by_label("Name")).to_have_value("Films (copy)")
    dialog.get_by_label("Name").fill("HD-1080p")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_text("Must be unique")).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()

    # A profile movies use cannot be deleted; an unused one can.
    profiles.get_by_role("button", name="Delete Any").click()
    dialog = page.get_by_role("dialog", name="Delete Any")
    expect(dialog).to_contain_text("3 movies use this profile")
    dialog.get_by_role("button", name="Delete").click()
    expect(dialog.get_by_role("alert")).to_contain_text("is in use")
    dialog.get_by_role("button", name="Cancel").click()
    card.get_by_role("button", name="Delete Films").click()
    page.get_by_role("dialog", name="Delete Films").get_by_role("button", name="Delete").click()
    expect(profiles.get_by_role("heading", name="Films")).to_have_count(0)
    assert "Films" not in [p["name"] for p in api(server, "/qualityprofile")]


def test_quality_sizes_are_saved_together_and_a_bad_one_is_shown_on_its_row(
    server: ReelarrServer, page: Page
) -> None:
    log_in(page, server, "/settings/quality")
    minimum = page.get_by_label("Minimum for Bluray-1080p (MB per minute)")
    maximum = page.get_by_label("Maximum for Bluray-1080p (MB per minute)")
    expect(maximum).to_have_value("")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Bluray-1080p", exact=True))
    expect(row).to_contain_text("Unlimited")

    minimum.fill("60")
    maximum.fill("50")
    page.get_by_role("button", name="Save").click()
    expect(maximum).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Must be at least the minimum size")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="Nothing was saved")).to_be_visible()
    expect(minimum).not_to_have_attribute("aria-invalid", "true")

    maximum.fill("lots")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Must be a number")).to_be_visible()
    bluray = next(d for d in api(server, "/qualitydefinition") if d["quality"]["name"] == "Bluray-1080p")
    assert (bluray["minSize"], bluray.get("maxSize")) == (0, None)

    minimum.fill("10")
    maximum.fill("50.5")
    page.get_by_label("Title of Bluray-1080p").fill("BluRay 1080p")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    expect(row).to_contain_text("3.0 GiB/h")
    bluray = next(d for d in api(server, "/qualitydefinition") if d["quality"]["name"] == "Bluray-1080p")
    assert (bluray["minSize"], bluray["maxSize"], bluray["title"]) == (10, 50.5, "BluRay 1080p")


def test_tags_show_what_uses_them_and_only_unused_ones_can_be_deleted(
    server: ReelarrServer, library: dict[int, dict[str, Any]], page: Page
) -> None:
    matrix = library[MATRIX]
    with api_client(server) as client:
        kids = client.post("/tag", json={"label": "kids"}).raise_for_status().json()
        client.post("/tag", json={"label": "spare"}).raise_for_status()
        current = client.get(f"/movie/{matrix['id']}").json()
        client.put(f"/movie/{matrix['id']}", json={**current, "tags": [kids["id"]]}).raise_for_status()

    log_in(page, server, "/settings/tags")
    tags = page.get_by_role("list", name="Tags")
    used = tags.get_by_role("listitem").filter(has=page.get_by_role("heading", name="kids"))
    expect(used.get_by_role("list", name="What uses kids")).to_have_text("1 movie: The Matrix")
    expect(used.get_by_role("button", name="Delete tag kids")).to_be_disabled()
    spare = tags.get_by_role("listitem").filter(has=page.get_by_role("heading", name="spare"))
    expect(spare).to_contain_text("Not used")
    spare.get_by_role("button", name="Delete tag spare").click()
    page.get_by_role("dialog", name="Delete tag spare").get_by_role("button", name="Delete").click()
    expect(tags.get_by_role("heading", name="spare")).to_have_count(0)
    assert [t["label"] for t in api(server, "/tag")] == ["kids"]

    used.get_by_role("link", name="The Matrix").click()
    expect(page).to_have_url(f"{server.url}/movie/{MATRIX}")


def test_metadata_enables_kodi_with_a_setting_and_saves_the_certification_country(
    server: ReelarrServer, page: Page
) -> None:
    with api_client(server) as client:
        client.put("/config/metadata/1", json={"certificationCountry": "us"}).raise_for_status()
        for saved in client.get("/metadata").json():  # a writer saved by an earlier run of this test
            client.delete(f"/metadata/{saved['id']}").raise_for_status()

    log_in(page, server, "/settings/metadata")
    kodi_name = "Kodi (XBMC) / Emby"
    writers = page.get_by_role("list", name="Metadata writers")
    kodi = writers.get_by_role("listitem").filter(has=page.get_by_role("heading", name=kodi_name))
    expect(kodi).to_contain_text("Disabled")
    kodi.get_by_role("button", name=f"Edit {kodi_name}").click()
    dialog = page.get_by_role("dialog", name=f"Edit {kodi_name} metadata")
    dialog.get_by_label("Enable", exact=True).check()
    dialog.get_by_label("Use movie.nfo").check()
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)
    expect(kodi).to_contain_text("Enabled")
    (saved,) = api(server, "/metadata")
    values = {f["name"]: f["value"] for f in saved["fields"]}
    assert (saved["implementation"], saved["enable"], values["useMovieNfo"]) == ("XbmcMetadata", True, True)

    options = page.get_by_role("form", name="Metadata options")
    options.get_by_label("Certification Country").select_option(label="Great Britain")
    options.get_by_role("button", name="Save options").click()
    expect(options.get_by_role("status")).to_have_text("Options saved")
    assert api(server, "/config/metadata") == {"id": 1, "certificationCountry": "gb"}


def test_the_mass_editor_changes_moves_and_deletes_several_films(
    server: ReelarrServer, library: dict[int, dict[str, Any]], root: Path, tmp_path: Path, page: Page
) -> None:
    gone = tmp_path / "gone"
    elsewhere = tmp_path / "elsewhere"
    for folder in (gone, elsewhere):
        folder.mkdir()
        with api_client(server) as client:
            client.post("/rootfolder", json={"path": str(folder)}).raise_for_status()
    shutil.rmtree(gone)  # a root folder that vanished from the disk

    log_in(page, server, "/?view=table&filter=all&sortKey=title&sortDirection=ascending")
    page.get_by_role("button", name="Select movies").click()
    table = page.get_by_role("table", name="Movies")
    table.get_by_role("checkbox", name="Select The Matrix").check()
    table.get_by_role("checkbox", name="Select Inception").check()
    expect(page.get_by_test_id("selected-count")).to_have_text("2 movies selected")

    # One change to both: unmonitored, Ultra-HD, tagged.
    editor = page.get_by_role("region", name="Mass editor")
    editor.get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit 2 movies")
    dialog.get_by_label("Monitored").select_option(label="Unmonitored")
    dialog.get_by_label("Quality profile").select_option(label="Ultra-HD")
    dialog.get_by_label("Tags", exact=True).fill("4k")
    dialog.get_by_label("Tags", exact=True).press("Enter")
    dialog.get_by_role("button", name="Apply to 2 movies").click()
    expect(dialog).to_be_hidden()
    for title in ("The Matrix", "Inception"):
        row = table.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
        expect(row).to_contain_text("Unmonitored")
        expect(row).to_contain_text("Ultra-HD")
    [four_k] = [t for t in api(server, "/tag") if t["label"] == "4k"]
    movies = {m["tmdbId"]: m for m in api(server, "/movie")}
    for tmdb_id in (MATRIX, INCEPTION):
        assert (movies[tmdb_id]["monitored"], movies[tmdb_id]["qualityProfileId"]) == (False, ULTRA_HD)
        assert four_k["id"] in movies[tmdb_id]["tags"]
    assert movies[FIGHT_CLUB]["monitored"] is True

    # A root folder that is gone is refused on its field, and nothing changes.
    table.get_by_role("checkbox", name="Select The Matrix").uncheck()
    table.get_by_role("checkbox", name="Select Inception").uncheck()
    table.get_by_role("checkbox", name="Select Fight Club").check()
    editor.get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog", name="Edit 1 movie")
    dialog.get_by_label("Root folder", exact=True).select_option(str(gone))
    dialog.get_by_role("button", name="Apply to 1 movie").click()
    expect(dialog.get_by_label("Root folder", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(dialog).to_contain_text("does not exist")
    assert api(server, f"/movie/{library[FIGHT_CLUB]['id']}")["rootFolderPath"] == str(root)

    # Another root folder, with the files: the folder moves on disk.
    dialog.get_by_label("Root folder", exact=True).select_option(str(elsewhere))
    dialog.get_by_label("Move files to the new root folder").check()
    dialog.get_by_role("button", name="Apply to 1 movie").click()
    expect(dialog).to_be_hidden()
    moved = elsewhere / "Fight Club (1999)" / "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv"
    wait_for(moved.exists, "Fight Club's folder was not moved")
    assert not (root / "Fight Club (1999)").exists()
    assert api(server, f"/movie/{library[FIGHT_CLUB]['id']}")["path"] == str(elsewhere / "Fight Club (1999)")

    # Posters can be chosen too; then all shown go, with their folders.
    page.get_by_role("button", name="Posters").click()
    grid = page.get_by_role("list", name="Movies")
    expect(grid.get_by_role("checkbox", name="Select Fight Club")).to_be_checked()
    grid.get_by_role("checkbox", name="Select Fight Club").uncheck()
    expect(page.get_by_test_id("selected-count")).to_have_text("0 movies selected")
    editor.get_by_role("button", name="Select all shown (3)").click()
    expect(page.get_by_test_id("selected-count")).to_have_text("3 movies selected")
    editor.get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog", name="Delete 3 movies")
    expect(dialog.get_by_role("list", name="Movies to delete").get_by_role("listitem")).to_have_count(3)
    dialog.get_by_label("Delete movie folders and files").check()
    dialog.get_by_role("button", name="Delete 3 movies").click()
    expect(page.get_by_role("heading", name="Your library is empty")).to_be_visible()
    assert api(server, "/movie") == []
    assert not (elsewhere / "Fight Club (1999)").exists()
