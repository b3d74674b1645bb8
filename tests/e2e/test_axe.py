"""An automated accessibility audit: axe-core (the UI's devDependency) run on each main page and
dialog, in the dark and the light colour scheme.

Each page is its own test and fails on a WCAG 2.1 A/AA violation axe rates serious or critical,
printing the rule, its help and the elements that break it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Page, expect
from test_accessibility import library  # noqa: F401  (the module's small library, reused)
from test_movies import log_in
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.qbittorrent import QBittorrentServer, forget_category

from conftest import ACCOUNT, API_KEY, api_client, running_reelarr, tmdb_env

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
# Rules left out, each with the reason it is a false positive here. None so far.
EXCLUDED_RULES: dict[str, str] = {}

AUDIT = """async ({ tags, rules }) => {
    const options = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
    if (rules.length) options.rules = Object.fromEntries(rules.map((id) => [id, { enabled: false }]));
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
}"""


@pytest.fixture(scope="module")
def sites() -> Iterator[IndexerFixtureServer]:
    with IndexerFixtureServer() as fixture_sites:
        yield fixture_sites


@pytest.fixture(scope="module")
def furnished(
    server: ReelarrServer,
    library: dict[str, Any],  # noqa: F811
    sites: IndexerFixtureServer,
) -> dict[str, Any]:
    """The small library with something on every page: The Matrix with a file, Inception unmonitored,
    two unmapped folders, a tag, the fixture Torznab indexer and a qBittorrent that does not answer
    (its health warns)."""
    movie = library["movie"]
    folder = Path(movie["path"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv").write_bytes(b"\0" * 4096)
    for unmapped in ("Fight Club (1999)", "Qwzx Nothing Like It (2003)"):  # for Import library
        (library["root"] / unmapped).mkdir()
    with api_client(server) as api:
        api.post("/command", json={"name": "RescanMovie", "movieId": movie["id"]}).raise_for_status()
        body = {"tmdbId": 27205, "qualityProfileId": 1, "rootFolderPath": str(library["root"])}
        api.post("/movie", json=body | {"monitored": False}).raise_for_status()
        api.post("/tag", json={"label": "films"}).raise_for_status()
        api.post("/indexer", json=nab_resource(sites)).raise_for_status()
        schema = api.get("/downloadclient/schema").raise_for_status().json()
        client = next(c for c in schema if c["implementation"] == "QBittorrent") | {"name": "Seedbox"}
        unanswered = {"host": "127.0.0.1", "port": 9}
        client["fields"] = [
            {**f, "value": unanswered.get(f["name"], f.get("value"))} for f in client["fields"]
        ]
        api.post("/downloadclient", params={"forceSave": "true"}, json=client).raise_for_status()
        deadline = time.monotonic() + 30
        while not api.get(f"/movie/{movie['id']}").json()["hasFile"]:
            assert time.monotonic() < deadline, "The Matrix's file was not found"
            time.sleep(0.2)
    return library


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    """conftest's page, in a context that lets axe's script past the server's Content-Security-Policy
    (`script-src 'self'` refuses the script Playwright injects); the policy stays on for the app."""
    context = browser.new_context(viewport={"width": 1200, "height": 800}, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        page.screenshot(path=str(tmp_path / "last-page.png"))
        context.close()


def audit(page: Page) -> list[dict[str, Any]]:
    """axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `cd frontend && npm ci` (make ui does it)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(AUDIT, {"tags": WCAG_21_A_AA, "rules": list(EXCLUDED_RULES)})
    return [v for v in found if v["impact"] in FAILING_IMPACTS]


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["targets"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}\n        {summary}")
    return "\n".join(lines)


def expect_no_violations(page: Page) -> None:
    """Audit the page in both colour schemes (the UI is dark first, light when the system asks)."""
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
        violations = audit(page)
        if violations:
            found.append(f"in the {scheme} scheme, {len(violations)} violation(s):\n{report(violations)}")
    assert not found, "\n".join(found)


def settled(page: Page, heading: str | None = None) -> None:
    """Wait until the page has drawn its heading and nothing is loading any more."""
    if heading is None:
        expect(page.locator("main h1").first).to_be_visible()
    else:
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)


SIGNED_IN_PAGES = {
    "library-posters": "/?view=posters",
    "library-table": "/?view=table",
    "add-movie": "/add/new",
    "import-library": "/add/import",
    "collections": "/collections",
    "discover": "/add/discover",
    "calendar": "/calendar",
    "calendar-with-films": "/calendar?month=1999-09",
    "queue": "/activity/queue",
    "history": "/activity/history",
    "blocklist": "/activity/blocklist",
    "wanted-missing": "/wanted/missing",
    "wanted-cutoff-unmet": "/wanted/cutoffunmet",
    "settings": "/settings",
    "media-management": "/settings/mediamanagement",
    "profiles": "/settings/profiles",
    "quality": "/settings/quality",
    "custom-formats": "/settings/customformats",
    "indexers": "/settings/indexers",
    "download-clients": "/settings/downloadclients",
    "connect": "/settings/connect",
    "import-lists": "/settings/importlists",
    "metadata": "/settings/metadata",
    "tags": "/settings/tags",
    "tmdb": "/settings/tmdb",
    "general": "/settings/general",
    "ui-settings": "/settings/ui",
    "updates": "/system/updates",
    "status": "/system/status",
    "tasks": "/system/tasks",
    "events": "/system/events",
    "log-files": "/system/logs/files",
    "backup": "/system/backup",
    "not-found": "/no/such/page",
    "movie-not-in-library": "/movie/155",
}


@pytest.mark.parametrize("address", SIGNED_IN_PAGES.values(), ids=SIGNED_IN_PAGES.keys())
def test_page_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
    address: str,
) -> None:
    log_in(page, server, address)
    settled(page)
    expect_no_violations(page)


def test_movie_page_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    log_in(page, server, f"/movie/{furnished['movie']['titleSlug']}")
    settled(page, "The Matrix")
    expect(page.get_by_role("list", name="Cast")).to_be_visible()
    expect_no_violations(page)


def test_add_movie_search_results_have_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    log_in(page, server, "/add/new")
    page.get_by_label("Search for a movie").fill("matrix")
    expect(page.get_by_role("article", name="The Matrix (1999)")).to_be_visible()
    expect_no_violations(page)

    page.get_by_label("Search for a movie").fill("tmdb:155")
    page.get_by_role("button", name="Add The Dark Knight (2008)").click()
    expect(page.get_by_role("dialog", name="Add The Dark Knight (2008)")).to_be_visible()
    expect_no_violations(page)


def test_import_library_with_folders_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    log_in(page, server, "/add/import?rootFolderId=1")
    expect(page.get_by_test_id("import-summary")).to_have_text("1 of 2 folders ticked")
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect_no_violations(page)


def test_folder_browser_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    log_in(page, server, "/settings/mediamanagement")
    page.get_by_label("Folder path").fill(f"{furnished['root'].parent}/")
    page.get_by_role("button", name="Browse").click()
    expect(page.get_by_role("group", name="Folders")).to_be_visible()
    expect_no_violations(page)


def test_login_page_has_no_serious_violations(server: ReelarrServer, page: Page) -> None:
    page.goto(f"{server.url}/login")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    expect_no_violations(page)

    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect_no_violations(page)


def test_setup_page_has_no_serious_violations(reelarr_server: ReelarrServer, page: Page) -> None:
    page.goto(f"{reelarr_server.url}/setup")
    expect(page.get_by_role("button", name="Create account")).to_be_visible()
    expect_no_violations(page)


def test_narrow_screen_with_the_menu_open_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    page.set_viewport_size({"width": 600, "height": 800})
    log_in(page, server, "/?view=posters")
    settled(page)
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect_no_violations(page)


# A dialog: the page it opens on, the buttons pressed in turn (the last opens it) and its name.
DIALOGS = {
    "edit-movie": ("/movie/603", ["Edit"], "Edit The Matrix"),
    "delete-movie": ("/movie/603", ["Delete"], "Delete The Matrix"),
    "interactive-search": ("/movie/603", ["Interactive search"], "Interactive search - The Matrix"),
    "mass-editor": ("/?view=table", ["Select movies", "Select all shown (2)", "Edit"], "Edit 2 movies"),
    "edit-indexer": ("/settings/indexers", ["Edit Fixture"], "Edit indexer - Torznab"),
    "edit-download-client": (
        "/settings/downloadclients",
        ["Edit Seedbox"],
        "Edit download client - qBittorrent",
    ),
    "mass-delete": ("/?view=table", ["Select movies", "Select all shown (2)", "Delete"], "Delete 2 movies"),
    "rename-files": ("/movie/603", ["Rename"], "Organize & Rename — The Matrix"),
    "delete-tag": ("/settings/tags", ["Delete tag films"], "Delete tag films"),
    "auto-tag": ("/settings/tags", ["Add auto tag"], "Add auto tag"),
    "calendar-feed": ("/calendar", ["iCal link"], "Calendar feed"),
    "indexer-chooser": ("/settings/indexers", ["Add indexer"], "Add indexer"),
    "indexer-form": ("/settings/indexers", ["Add indexer", "Newznab"], "Add indexer - Newznab"),
    "download-client-form": (
        "/settings/downloadclients",
        ["Add download client", "qBittorrent"],
        "Add download client - qBittorrent",
    ),
    "remote-path-mapping": ("/settings/downloadclients", ["Add mapping"], "Add remote path mapping"),
    "connection-form": ("/settings/connect", ["Add connection", "Webhook"], "Add connection - Webhook"),
    "import-list-form": ("/settings/importlists", ["Add list", "TMDb Popular"], "Add list - TMDb Popular"),
    "metadata-form": ("/settings/metadata", ["Edit Kodi (XBMC) / Emby"], "Edit Kodi (XBMC) / Emby metadata"),
    "quality-profile": ("/settings/profiles", ["Add profile"], "Add quality profile"),
    "delay-profile": ("/settings/profiles", ["Add delay profile"], "Add delay profile"),
    "release-profile": ("/settings/profiles", ["Add release profile"], "Add release profile"),
    "custom-format": ("/settings/customformats", ["Add custom format"], "Add custom format"),
    "custom-format-import": ("/settings/customformats", ["Import"], "Import custom format"),
    "edit-collection": ("/collections", ["Edit The Matrix Collection"], "Edit The Matrix Collection"),
}


@pytest.mark.parametrize(("address", "buttons", "dialog"), DIALOGS.values(), ids=DIALOGS.keys())
def test_dialog_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
    address: str,
    buttons: list[str],
    dialog: str,
) -> None:
    log_in(page, server, address)
    settled(page)
    for button in buttons:
        page.get_by_role("button", name=button, exact=True).first.click()
    opened = page.get_by_role("dialog", name=dialog, exact=True)
    expect(opened).to_be_visible()
    expect(opened.get_by_role("status").filter(has_text=re.compile("Loading|Searching"))).to_have_count(0)
    expect_no_violations(page)


def test_the_audit_reports_a_violation_it_is_shown(page: Page) -> None:
    """The audit is not silently empty: an unlabelled field and faint text are caught and listed."""
    page.set_content(
        "<html lang='en'><title>t</title><main><h1>Form</h1><input type='text'>"
        "<p style='color:#ccc;background:#fff'>faint</p></main></html>"
    )
    violations = audit(page)
    assert {v["id"] for v in violations} == {"label", "color-contrast"}
    assert "\n    input\n" in report(violations)


def test_refused_form_has_no_serious_violations(
    server: ReelarrServer,
    furnished: dict[str, Any],
    page: Page,
) -> None:
    """Forms showing the server's messages on their fields (the colours of errors)."""
    log_in(page, server, "/settings/profiles")
    page.get_by_role("button", name="Add profile").click()
    dialog = page.get_by_role("dialog", name="Add quality profile")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    expect_no_violations(page)

    page.keyboard.press("Escape")
    page.goto(f"{server.url}/settings/downloadclients")
    page.get_by_role("button", name="Edit Seedbox").click()
    form = page.get_by_role("dialog", name="Edit download client - qBittorrent")
    form.get_by_label("Port", exact=True).fill("10")
    form.get_by_role("button", name="Save", exact=True).click()
    expect(form.get_by_label("Host", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_role("button", name="Save anyway")).to_be_visible()
    expect_no_violations(page)


def _wait(check: Callable[[], object], what: str, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


@pytest.fixture(scope="module")
def busy_server(
    tmdb_fixture: TmdbFixtureServer,
    sites: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ReelarrServer]:
    """A Reelarr whose Activity pages have rows: two releases of The Matrix grabbed into the session's
    qBittorrent, one of them removed again and blocklisted (history has both)."""
    category = f"reelarr-axe-{time.monotonic_ns():x}"
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    env |= {"REELARR_INDEXER_REQUEST_INTERVAL_SECONDS": "0", "REELARR_INDEXER_TIMEOUT_SECONDS": "5"}
    root = tmp_path_factory.mktemp("movies")
    try:
        with (
            running_reelarr(tmp_path_factory.mktemp("reelarr"), env=env) as reelarr,
            api_client(reelarr) as api,
        ):
            api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
            api.post("/indexer", json=nab_resource(sites)).raise_for_status()
            schema = api.get("/downloadclient/schema").raise_for_status().json()
            client = next(c for c in schema if c["implementation"] == "QBittorrent") | {"name": "qBittorrent"}
            settings = qbittorrent.settings(movieCategory=category)
            fields = client["fields"]
            client["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in fields]
            api.post("/downloadclient", json=client).raise_for_status()
            body = {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)}
            movie = api.post(
                "/movie", json=body | {"addOptions": {"searchForMovie": False}}
            ).raise_for_status()
            releases = api.get("/release", params={"movieId": movie.json()["id"]}).raise_for_status().json()
            for title in (
                "The.Matrix.1999.1080p.BluRay.x264-GROUP",
                "The.Matrix.1999.720p.WEB-DL.DD5.1.H.264-SCENE",
            ):
                chosen = next(r for r in releases if r["title"] == title)
                grabbed = {"guid": chosen["guid"], "indexerId": chosen["indexerId"]}
                api.post("/release", json=grabbed).raise_for_status()

            def records() -> list[dict[str, Any]]:
                api.post("/command", json={"name": "RefreshMonitoredDownloads"}).raise_for_status()
                return list(api.get("/queue").raise_for_status().json()["records"])

            _wait(lambda: len(records()) == 2, "the two grabs did not reach the queue")
            first = next(r for r in records() if "720p" in r["title"])
            removal = {"removeFromClient": "true", "blocklist": "true", "skipRedownload": "true"}
            api.delete(f"/queue/{first['id']}", params=removal).raise_for_status()
            _wait(lambda: api.get("/blocklist").json()["records"], "nothing was blocklisted")
            yield reelarr
    finally:
        forget_category(qbittorrent, category)


ACTIVITY = {"queue": "/activity/queue", "history": "/activity/history", "blocklist": "/activity/blocklist"}


@pytest.mark.parametrize("address", ACTIVITY.values(), ids=ACTIVITY.keys())
def test_activity_page_with_rows_has_no_serious_violations(
    busy_server: ReelarrServer, page: Page, address: str
) -> None:
    log_in(page, busy_server, address)
    settled(page)
    expect(
        page.get_by_role("table").get_by_role("row").filter(has_text="The.Matrix.1999").first
    ).to_be_visible()
    expect_no_violations(page)
