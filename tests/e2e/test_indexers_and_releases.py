"""Settings → Indexers, Custom Formats and Profiles, and the movie page's interactive search and kept
decisions, in a browser against a server whose indexers are the fixture Torznab and Newznab sites."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in
from tests.fixtures.indexers.resources import field_value, nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.tmdb.server import TmdbFixtureServer

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX = 603
TRASH = Path(__file__).parents[1] / "fixtures/trash_guides/radarr_cf"
DEFAULT_OPTIONS = {
    "minimumAge": 0,
    "maximumSize": 0,
    "retention": 0,
    "rssSyncInterval": 30,
    "preferIndexerFlags": False,
    "availabilityDelay": 0,
    "allowHardcodedSubs": False,
    "whitelistedHardcodedSubs": "",
}


@pytest.fixture(scope="module")
def sites() -> Iterator[IndexerFixtureServer]:
    """The fixture Torznab and Newznab sites for this module's server."""
    with IndexerFixtureServer() as fixture_sites:
        yield fixture_sites


@pytest.fixture(autouse=True)
def healthy_sites(sites: IndexerFixtureServer) -> Iterator[None]:
    """Every test starts and ends with the sites answering normally."""
    sites.reset()
    yield
    sites.reset()


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """One Reelarr for the module that asks indexers without Radarr's pacing."""
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    env |= {"REELARR_INDEXER_REQUEST_INTERVAL_SECONDS": "0", "REELARR_INDEXER_TIMEOUT_SECONDS": "5"}
    with running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr:
        yield reelarr


def api_get(server: ReelarrServer, path: str) -> Any:
    with api_client(server) as api:
        return api.get(path).raise_for_status().json()


def profile_named(server: ReelarrServer, name: str) -> dict[str, Any]:
    return next(p for p in api_get(server, "/qualityprofile") if p["name"] == name)


@pytest.fixture(scope="module")
def matrix(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Matrix in the library with the HD-720p profile: 1080p and 2160p releases are not wanted."""
    root = tmp_path_factory.mktemp("movies")
    hd720 = profile_named(server, "HD-720p")["id"]
    with api_client(server) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        body = {"tmdbId": MATRIX, "qualityProfileId": hd720, "rootFolderPath": str(root), "monitored": True}
        return dict(api.post("/movie", json=body).raise_for_status().json())


@pytest.fixture(scope="module")
def prowlarr_indexers(server: ReelarrServer, sites: IndexerFixtureServer) -> dict[str, int]:
    """A Torznab and a Newznab indexer as Prowlarr's sync adds them ("<name> (Prowlarr)"), by name."""
    ids = {}
    with api_client(server) as api:
        for site, name in (("torznab", "Torrents (Prowlarr)"), ("newznab", "Usenet (Prowlarr)")):
            created = (
                api.post("/indexer", json=nab_resource(sites, site, name=name)).raise_for_status().json()
            )
            ids[name] = created["id"]
    return ids


def dd_scored(server: ReelarrServer, score: int) -> None:
    """TRaSH-Guides' DD format exists and HD-720p scores it `score` (set up through the API)."""
    with api_client(server) as api:
        if not any(f["name"] == "DD" for f in api.get("/customformat").json()):
            api.post("/customformat", json=json.loads((TRASH / "dd.json").read_text())).raise_for_status()
        profile = profile_named(server, "HD-720p")
        for item in profile["formatItems"]:
            if item["name"] == "DD":
                item["score"] = score
        api.put(f"/qualityprofile/{profile['id']}", json=profile).raise_for_status()


def card(page: Page, name: str) -> Locator:
    return page.get_by_role("article", name=name, exact=True)


def body_rows(table: Locator) -> Locator:
    return table.locator("tbody tr")


# --- Settings → Indexers -------------------------------------------------------------------------


def test_an_indexer_is_drawn_from_its_schema_tested_saved_with_its_key_masked_and_deleted(
    server: ReelarrServer, sites: IndexerFixtureServer, page: Page
) -> None:
    torznab = sites.site("torznab")
    log_in(page, server, "/settings/indexers")
    page.get_by_role("button", name="Add indexer").click()
    choose = page.get_by_role("dialog", name="Add indexer")
    expect(choose.get_by_role("heading", name="Usenet")).to_be_visible()
    expect(choose.get_by_role("button", name="PassThePopcorn")).to_be_visible()
    expect(choose.get_by_role("button", name="Jackett (Torznab)")).to_be_visible()
    choose.get_by_role("button", name="Torznab", exact=True).click()

    form = page.get_by_role("dialog", name="Add indexer - Torznab")
    form.get_by_label("Name", exact=True).fill("Tracker")
    form.get_by_label("URL", exact=True).fill(sites.site_url("torznab"))
    # Advanced settings wait behind "Show advanced".
    expect(form.get_by_label("API Path")).to_have_count(0)
    form.get_by_role("button", name="Show advanced").click()
    expect(form.get_by_label("API Path")).to_have_value("/api")
    key = form.get_by_label("API Key")
    expect(key).to_have_attribute("type", "password")
    key.fill("wrong")
    form.get_by_role("button", name="Test").click()
    expect(form.get_by_text("Invalid API Key")).to_be_visible()
    expect(key).to_have_attribute("aria-invalid", "true")

    key.fill(torznab.api_key)
    # The categories are the site's own (asked with the form's settings), sub-categories named
    # after their parent.
    categories = form.get_by_role("group", name="Categories")
    expect(categories.get_by_role("button", name="Remove Movies/Foreign")).to_be_visible()
    categories.get_by_role("button", name="Remove Movies/Foreign").click()
    categories.get_by_role("combobox", name="Add to Categories").select_option(label="TV/HD (5040)")
    form.get_by_label("Minimum Seeders").fill("3")
    form.get_by_label("Seed Ratio").fill("1.5")
    form.get_by_label("Queries per hour").fill("20")
    form.get_by_role("button", name="Test").click()
    expect(form.get_by_text("Test passed")).to_be_visible()
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form).to_be_hidden()

    tracker = card(page, "Tracker")
    expect(tracker).to_contain_text("Torznab · Torrent")
    expect(tracker).to_contain_text("20 backlog searches an hour")
    saved = next(i for i in api_get(server, "/indexer") if i["name"] == "Tracker")
    assert field_value(saved, "categories") == [2000, 2020, 2030, 2040, 2045, 2050, 2060, 5040]
    assert field_value(saved, "minimumSeeders") == 3
    assert field_value(saved, "seedCriteria.seedRatio") == 1.5
    assert field_value(saved, "apiKey") == "********"
    assert saved["queriesPerHour"] == 20

    # The key reads back masked; saving with the mask keeps it (the server tests the saved key again).
    tracker.get_by_role("button", name="Edit Tracker").click()
    form = page.get_by_role("dialog", name="Edit indexer - Torznab")
    expect(form.get_by_label("API Key")).to_have_value("********")
    form.get_by_label("Name", exact=True).fill("Tracker renamed")
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form).to_be_hidden()
    with api_client(server) as api:
        renamed = api.get(f"/indexer/{saved['id']}").json()
        assert renamed["name"] == "Tracker renamed"
        assert api.post("/indexer/test", json=renamed).status_code == 200

    card(page, "Tracker renamed").get_by_role("button", name="Edit Tracker renamed").click()
    form = page.get_by_role("dialog", name="Edit indexer - Torznab")
    form.get_by_role("button", name="Delete").click()
    form.get_by_role("alertdialog", name="Delete Tracker renamed").get_by_role(
        "button", name="Delete"
    ).click()
    expect(form).to_be_hidden()
    expect(card(page, "Tracker renamed")).to_have_count(0)
    assert all(i["id"] != saved["id"] for i in api_get(server, "/indexer"))


def test_every_implementations_form_draws_each_of_its_settings(server: ReelarrServer, page: Page) -> None:
    schema = api_get(server, "/indexer/schema")
    assert len(schema) == 9
    log_in(page, server, "/settings/indexers")
    for implementation in schema:
        name = implementation["implementationName"]
        page.get_by_role("button", name="Add indexer").click()
        page.get_by_role("dialog", name="Add indexer").get_by_role("button", name=name, exact=True).click()
        form = page.get_by_role("dialog", name=f"Add indexer - {name}")
        form.get_by_role("button", name="Show advanced").click()
        drawn = form.locator("label, legend").all_inner_texts()
        for field in implementation["fields"]:
            label = field["label"] + (f" ({field['unit']})" if field.get("unit") else "")
            assert label in drawn, f"{name}: {label}"
            if field["privacy"] in ("apiKey", "password"):
                expect(form.get_by_label(label, exact=True)).to_have_attribute("type", "password")
        expect(form.get_by_text("cannot be changed here yet")).to_have_count(0)
        form.get_by_role("button", name="Cancel").click()
        expect(form).to_be_hidden()


def test_a_save_the_indexer_refuses_can_be_forced(
    server: ReelarrServer, sites: IndexerFixtureServer, page: Page
) -> None:
    log_in(page, server, "/settings/indexers")
    page.get_by_role("button", name="Add indexer").click()
    page.get_by_role("dialog", name="Add indexer").get_by_role("button", name="Newznab", exact=True).click()
    form = page.get_by_role("dialog", name="Add indexer - Newznab")
    form.get_by_label("Name", exact=True).fill("Down for now")
    form.get_by_label("URL", exact=True).fill(sites.site_url("newznab"))
    form.get_by_label("API Key").fill("not the key")
    expect(form.get_by_role("button", name="Save anyway")).to_have_count(0)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form.get_by_text("Invalid API Key")).to_be_visible()
    form.get_by_role("button", name="Save anyway").click()
    expect(form).to_be_hidden()
    forced = next(i for i in api_get(server, "/indexer") if i["name"] == "Down for now")
    with api_client(server) as api:
        api.delete(f"/indexer/{forced['id']}").raise_for_status()


def test_prowlarrs_indexers_are_marked_and_testing_all_names_the_failing_one(
    server: ReelarrServer, prowlarr_indexers: dict[str, int], sites: IndexerFixtureServer, page: Page
) -> None:
    log_in(page, server, "/settings/indexers")
    torrents = card(page, "Torrents (Prowlarr)")
    expect(torrents).to_contain_text("Added by Prowlarr")
    expect(torrents.get_by_role("list", name="Used for")).to_contain_text("Interactive search")
    torrents.get_by_role("button", name="Edit Torrents (Prowlarr)").click()
    form = page.get_by_role("dialog", name="Edit indexer - Torznab")
    expect(form).to_contain_text("Prowlarr added this indexer")
    form.get_by_role("button", name="Cancel").click()

    sites.fail("status", path="/newznab/", status=503)
    page.get_by_role("button", name="Test all").click()
    expect(page.get_by_role("status").filter(has_text="enabled indexers passed")).to_have_text(
        "1 of 2 enabled indexers passed the test."
    )
    expect(torrents).to_contain_text("Test passed")
    expect(card(page, "Usenet (Prowlarr)")).to_contain_text("Test failed")


def test_the_indexer_options_are_saved_and_a_bad_interval_is_named(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/settings/indexers")
    options = page.get_by_role("form", name="Indexer options")
    try:
        interval = options.get_by_label("RSS sync interval (minutes)")
        interval.fill("5")
        options.get_by_role("button", name="Save options").click()
        expect(options.get_by_text("Must be between 10 and 120 or 0 to disable")).to_be_visible()
        expect(interval).to_have_attribute("aria-invalid", "true")

        interval.fill("60")
        options.get_by_label("Minimum age (minutes)").fill("30")
        options.get_by_label("Retention (days)").fill("1500")
        options.get_by_label("Prefer indexer flags").check()
        subs = options.get_by_role("textbox", name="Whitelisted subtitle tags")
        for tag in ("kor", "chs"):
            subs.fill(tag)
            subs.press("Enter")
        options.get_by_role("button", name="Save options").click()
        expect(options.get_by_role("status")).to_have_text("Options saved")
        saved = api_get(server, "/config/indexer")
        assert saved | {"id": 1} == DEFAULT_OPTIONS | {
            "id": 1,
            "rssSyncInterval": 60,
            "minimumAge": 30,
            "retention": 1500,
            "preferIndexerFlags": True,
            "whitelistedHardcodedSubs": "kor,chs",
        }
        page.reload()
        expect(options.get_by_label("RSS sync interval (minutes)")).to_have_value("60")
        chips = options.get_by_role("list", name="Chosen: Whitelisted subtitle tags").get_by_role("listitem")
        expect(chips).to_have_text(["kor", "chs"])
    finally:
        with api_client(server) as api:
            api.put("/config/indexer", json=DEFAULT_OPTIONS).raise_for_status()


# --- Custom formats and profiles -----------------------------------------------------------------


def test_a_trash_guides_format_is_imported_fixed_exported_and_scored(
    server: ReelarrServer, page: Page
) -> None:
    trash = json.loads((TRASH / "dd.json").read_text())
    log_in(page, server, "/settings/customformats")
    page.get_by_role("button", name="Import").click()
    paste = page.get_by_role("dialog", name="Import custom format")
    unknown = {
        "name": "x",
        "specifications": [{"name": "c", "implementation": "NoSuchSpecification", "fields": {}}],
    }
    paste.get_by_label("Custom format JSON").fill(json.dumps(unknown))
    paste.get_by_role("button", name="Import").click()
    expect(paste.get_by_role("alert")).to_have_text(
        "Condition 'c': unknown condition type 'NoSuchSpecification'"
    )
    paste.get_by_label("Custom format JSON").fill(json.dumps(trash))
    paste.get_by_role("button", name="Import").click()

    editor = page.get_by_role("dialog", name="Add custom format")
    expect(editor.get_by_label("Name", exact=True)).to_have_value("DD")
    basic = editor.get_by_role("group", name="Release Title: Basic Dolby Digital")
    expect(basic.get_by_label("Required")).to_be_checked()
    expect(editor.get_by_role("group", name="Release Title: Not DTS").get_by_label("Negate")).to_be_checked()
    # A pattern .NET refuses is named on its condition's field.
    pattern = basic.get_by_label("Regular Expression")
    pattern.fill(r"\bDD(?P<x>5)")
    editor.get_by_role("button", name="Save").click()
    expect(
        basic.get_by_text(re.compile(r"Condition 'Basic Dolby Digital': Invalid regular expression"))
    ).to_be_visible()
    expect(pattern).to_have_attribute("aria-invalid", "true")
    pattern.fill(trash["specifications"][0]["fields"]["value"])
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()

    dd = card(page, "DD")
    expect(dd.get_by_role("list", name="Conditions").get_by_role("listitem")).to_have_count(7)
    dd.get_by_role("button", name="Export DD").click()
    exported = page.get_by_role("dialog", name="Export DD").get_by_label("Custom format JSON").input_value()
    assert json.loads(exported) == {k: v for k, v in trash.items() if not k.startswith("trash_")}
    page.get_by_role("dialog", name="Export DD").get_by_role("button", name="Done").click()

    # Quality profiles score it, as Radarr shows it: the minimum and each format's score.
    page.goto(f"{server.url}/settings/profiles")
    page.get_by_role("button", name="Edit HD-720p").click()
    profile = page.get_by_role("dialog", name="Edit HD-720p")
    scores = profile.get_by_role("table", name="Custom format scores")
    expect(scores.get_by_role("row").filter(has_text="DD")).to_be_visible()
    scores.get_by_label("Score of DD").fill("750")
    profile.get_by_label("Minimum custom format score", exact=True).fill("-5")
    profile.get_by_role("button", name="Save").click()
    expect(profile).to_be_hidden()
    saved = profile_named(server, "HD-720p")
    assert saved["minFormatScore"] == -5
    assert [i["score"] for i in saved["formatItems"] if i["name"] == "DD"] == [750]
    with api_client(server) as api:  # the minimum back to what the search test expects
        api.put(f"/qualityprofile/{saved['id']}", json=saved | {"minFormatScore": 0}).raise_for_status()


def test_delay_and_release_profiles_are_added_ordered_and_checked(
    server: ReelarrServer, prowlarr_indexers: dict[str, int], page: Page
) -> None:
    log_in(page, server, "/settings/profiles")
    delay = page.get_by_role("region", name="Delay profiles")
    expect(body_rows(delay.get_by_role("table"))).to_have_count(1)
    expect(body_rows(delay.get_by_role("table")).first).to_contain_text("Global")

    delay.get_by_role("button", name="Add delay profile").click()
    form = page.get_by_role("dialog", name="Add delay profile")
    form.get_by_label("Preferred protocol").select_option(label="Only Torrent")
    expect(form.get_by_label("Usenet delay (minutes)")).to_have_count(0)
    form.get_by_label("Torrent delay (minutes)").fill("90")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_text("'Tags' must not be empty.")).to_be_visible()
    form.get_by_label("Tags").fill("anime")
    form.get_by_label("Tags").press("Enter")
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()

    delay.get_by_role("button", name="Add delay profile").click()
    form = page.get_by_role("dialog", name="Add delay profile")
    form.get_by_label("Preferred protocol").select_option(label="Prefer Torrent")
    form.get_by_label("Tags").fill("kids")
    form.get_by_label("Tags").press("Enter")
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()

    rows = body_rows(delay.get_by_role("table"))
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("anime")
    expect(rows.nth(0)).to_contain_text("Only Torrent")
    expect(rows.nth(0)).to_contain_text("1 hour 30 minutes")
    expect(rows.nth(1)).to_contain_text("kids")
    expect(delay.get_by_role("button", name="Move Delay profile 2 down")).to_be_disabled()
    delay.get_by_role("button", name="Move Delay profile 2 up").click()
    expect(rows.nth(0)).to_contain_text("kids")
    expect(rows.nth(2)).to_contain_text("Global")
    in_order = api_get(server, "/delayprofile")
    assert [p["id"] for p in in_order][-1] == 1
    assert in_order[0]["preferredProtocol"] == "torrent"
    assert in_order[1]["enableUsenet"] is False

    release = page.get_by_role("region", name="Release profiles")
    release.get_by_role("button", name="Add release profile").click()
    form = page.get_by_role("dialog", name="Add release profile")
    ignored = form.get_by_role("textbox", name="Must not contain")
    ignored.fill("/(?P<x>cam)/")
    ignored.press("Enter")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_text(re.compile(r"Invalid regular expression /\(\?P<x>cam\)/"))).to_be_visible()
    form.get_by_role("button", name="Remove /(?P<x>cam)/ from Must not contain").click()
    ignored.fill(r"/\bcam\b/i")
    ignored.press("Enter")
    required = form.get_by_role("textbox", name="Must contain", exact=True)
    required.fill("x264")
    required.press("Enter")
    form.get_by_label("Indexer").select_option(label="Torrents (Prowlarr)")
    form.get_by_label("Tags").fill("kids")
    form.get_by_label("Tags").press("Enter")
    form.get_by_role("button", name="Save").click()
    expect(form).to_be_hidden()

    saved = card(page, "Release profile")
    expect(saved.get_by_role("list", name="Must contain")).to_have_text("x264")
    expect(saved.get_by_role("list", name="Must not contain")).to_have_text(r"/\bcam\b/i")
    expect(saved).to_contain_text("only Torrents (Prowlarr)")
    [profile] = api_get(server, "/releaseprofile")
    kids = next(t["id"] for t in api_get(server, "/tag") if t["label"] == "kids")
    assert (profile["required"], profile["ignored"], profile["tags"]) == (["x264"], [r"/\bcam\b/i"], [kids])
    assert profile["indexerId"] == prowlarr_indexers["Torrents (Prowlarr)"]


# --- The movie page ------------------------------------------------------------------------------


def test_interactive_search_shows_every_release_its_score_and_every_rejection_sortably(
    server: ReelarrServer,
    matrix: dict[str, Any],
    prowlarr_indexers: dict[str, int],
    sites: IndexerFixtureServer,
    page: Page,
) -> None:
    dd_scored(server, 750)
    sites.fail("status", path="/newznab/", status=503)
    log_in(page, server, f"/movie/{MATRIX}")
    page.get_by_role("button", name="Interactive search").click()
    search = page.get_by_role("dialog", name="Interactive search - The Matrix")
    # The failing indexer is named; the others' releases are there.
    expect(search.get_by_role("alert")).to_contain_text("Usenet (Prowlarr)")
    table = search.get_by_role("table", name="Releases")
    rows = body_rows(table)
    expect(rows).to_have_count(3)
    expect(search.get_by_role("status").first).to_have_text("3 releases found, 1 acceptable.")

    hd = rows.filter(has_text="720p.WEB-DL")
    for shown in (
        "Torrent",
        "30.0 hours",
        "Torrents (Prowlarr)",
        "4.0 GiB",
        "3 / 1",
        "WEBDL-720p",
        "+750",
        "DD",
        "Halfleech, Scene",
    ):
        expect(hd).to_contain_text(shown)
    expect(hd).to_contain_text("Acceptable")
    full_hd = rows.filter(has_text="1080p.BluRay")
    expect(full_hd).to_contain_text("Rejected")
    expect(full_hd.get_by_role("list", name="Why not")).to_have_text("Bluray-1080p is not wanted in profile")
    expect(rows.filter(has_text="2160p").get_by_role("list", name="Why not")).to_contain_text(
        "Remux-2160p is not wanted in profile"
    )

    # Sortable as Radarr's table: a new column starts at its natural direction, again flips it.
    first_title = rows.first.locator(".release-table__title")
    table.get_by_role("button", name="Score", exact=True).click()
    expect(first_title).to_contain_text("720p")
    table.get_by_role("button", name="Size", exact=True).click()
    expect(table.get_by_role("columnheader", name="Size")).to_have_attribute("aria-sort", "descending")
    expect(first_title).to_contain_text("2160p")
    table.get_by_role("button", name="Size", exact=True).click()
    expect(table.get_by_role("columnheader", name="Size")).to_have_attribute("aria-sort", "ascending")
    expect(first_title).to_contain_text("720p")
    table.get_by_role("button", name="Age", exact=True).click()
    expect(first_title).to_contain_text("1080p")
    table.get_by_role("button", name="Peers", exact=True).click()
    expect(first_title).to_contain_text("1080p")
    expect(rows.last.locator(".release-table__title")).to_contain_text("720p")
    # Each release has its grab button, whatever the decision (Radarr lets the user overrule it).
    expect(search.get_by_role("button", name=re.compile("^Grab "))).to_have_count(3)
    search.get_by_role("button", name="Done").click()

    # The search's decisions are kept and shown on the page; the failing indexer shows its status.
    decisions = page.get_by_role("table", name="Release decisions")
    expect(body_rows(decisions).filter(has_text="Interactive search")).to_have_count(3)
    page.goto(f"{server.url}/settings/indexers")
    expect(card(page, "Usenet (Prowlarr)").get_by_role("note")).to_contain_text("503")


def test_the_decision_history_says_what_a_search_chose_and_why_the_rest_were_refused(
    server: ReelarrServer, matrix: dict[str, Any], prowlarr_indexers: dict[str, int], page: Page
) -> None:
    log_in(page, server, f"/movie/{MATRIX}")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_test_id("MoviesSearch-state")).to_contain_text("Completed", timeout=30_000)
    # This search's rows: "Search" (Reelarr's name for a search the user started), not "Interactive search".
    rows = body_rows(page.get_by_role("table", name="Release decisions")).filter(
        has_text=re.compile("Search")
    )
    # The best release is chosen, but this server has no download client: it waits for one.
    chosen = rows.filter(has_text="Download client unavailable")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("720p.WEB-DL")
    expect(chosen).to_contain_text(re.compile(r"No (torrent|usenet) download client is available"))
    refused = rows.filter(has_text="1080p.BluRay").first
    expect(refused).to_contain_text("Rejected")
    expect(refused.get_by_role("list", name="Why not")).to_have_text("Bluray-1080p is not wanted in profile")
