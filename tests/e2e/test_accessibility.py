"""For keyboards, small screens and any font: menu, skip link, focus, icons, poster legend, dates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect
from test_movies import log_in, nav
from test_system_ui import DATE_TIME

from conftest import PASSWORD, USERNAME

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

SHORT_DATE = r"[A-Z][a-z]{2} \d{1,2} \d{4}"
# Emoji and pictographs are drawn from an emoji font; without one they are empty boxes.
HAS_PICTOGRAPH = r"() => /\p{Extended_Pictographic}/u.test(document.body.innerText)"


@pytest.fixture(scope="module")
def library(server: ReelarrServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A root folder holding The Matrix, added through the API: its movie resource and the root's path."""
    root = tmp_path_factory.mktemp("library")
    with httpx.Client(base_url=server.url, timeout=30) as browser:
        browser.post("/login", json={"username": USERNAME, "password": PASSWORD})
        key = browser.get("/initialize.json").json()["apiKey"]
    with httpx.Client(base_url=f"{server.url}/api/v3", headers={"X-Api-Key": key}, timeout=30) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
        added = api.post("/movie", json={"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)})
        added.raise_for_status()
    return {"movie": added.json(), "root": root}


def test_below_768px_the_navigation_waits_behind_a_menu_button(server: ReelarrServer, page: Page) -> None:
    page.set_viewport_size({"width": 600, "height": 800})
    log_in(page, server)
    navigation = page.get_by_role("navigation", name="Main")
    menu = page.get_by_role("button", name="Menu")
    expect(navigation).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    navigation.get_by_role("link", name="Tasks").click()
    expect(page).to_have_url(re.compile(r"/system/tasks$"))
    expect(navigation).to_be_hidden()
    # Wide tables scroll in their own box; the page itself does not scroll sideways.
    expect(page.get_by_role("table", name="Scheduled")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

    menu.click()
    expect(navigation).to_be_visible()
    page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    expect(menu).to_be_focused()

    page.set_viewport_size({"width": 1000, "height": 800})
    expect(menu).to_be_hidden()
    expect(navigation.get_by_role("link", name="Library", exact=True)).to_be_visible()


def test_a_skip_link_leads_past_the_navigation_to_the_page(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/system/status")
    page.reload()
    expect(page.get_by_role("heading", name="Status", level=1)).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/system/status$"))


def expect_focus_returns(opener: Locator, dialog: Locator, close: str) -> None:
    opener.click()
    expect(dialog).to_be_visible()
    if close == "Escape":
        dialog.page.keyboard.press("Escape")
    else:
        dialog.get_by_role("button", name=close, exact=True).first.click()
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()


def test_focus_returns_to_the_opener_when_a_dialog_closes(
    server: ReelarrServer, library: dict[str, Any], page: Page
) -> None:
    movie = library["movie"]
    log_in(page, server, f"/movie/{movie['titleSlug']}")
    actions = page.get_by_role("toolbar", name="Movie actions")
    edit = page.get_by_role("dialog", name="Edit The Matrix")
    expect_focus_returns(actions.get_by_role("button", name="Edit"), edit, "Escape")
    expect_focus_returns(actions.get_by_role("button", name="Delete"), page.get_by_role("dialog"), "Cancel")

    nav(page, "Add movie")
    page.get_by_label("Search for a movie").fill("tmdb:27205")
    add = page.get_by_role("button", name="Add Inception (2010)")
    expect_focus_returns(add, page.get_by_role("dialog", name="Add Inception (2010)"), "Close")


def ring_inside(link: Locator) -> object:
    """Whether the focus ring drawn for the card's link lies inside the scrolling grid that clips it."""
    return link.evaluate(
        """link => {
            const box = link.closest('.library__scroller').getBoundingClientRect();
            const ring = [link, ...link.querySelectorAll('*')].find((el) => {
                const style = getComputedStyle(el);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            });
            if (!ring) return 'no ring';
            const style = getComputedStyle(ring);
            const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
            const r = ring.getBoundingClientRect();
            return r.left - out >= box.left && r.top - out >= box.top
                && r.right + out <= box.right && r.bottom + out <= box.bottom;
        }"""
    )


def test_the_poster_cards_focus_ring_is_not_cut_off(
    server: ReelarrServer, library: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/")
    page.get_by_role("button", name="Posters").click()
    card = page.get_by_role("list", name="Movies").get_by_role("link", name=re.compile("The Matrix"))
    expect(card).to_be_visible()
    page.get_by_placeholder("Filter by title or year").focus()
    page.keyboard.press("Tab")
    expect(card).to_be_focused()
    assert ring_inside(card) is True


def test_the_poster_bar_has_a_legend_in_the_same_colours(
    server: ReelarrServer, library: dict[str, Any], page: Page
) -> None:
    log_in(page, server, "/")
    page.get_by_role("button", name="Posters").click()
    legend = page.get_by_role("list", name="Legend")
    expect(legend.get_by_role("listitem")).to_have_text(
        ["Downloaded", "Missing", "Not available yet", "Missing (unmonitored)"]
    )
    card = page.get_by_role("list", name="Movies").get_by_role("listitem").filter(has_text="The Matrix")
    expect(card).to_contain_text("Missing")  # monitored, released, no file
    colour = "el => getComputedStyle(el).backgroundColor"
    bar = card.locator(".movie-card__bar").evaluate(colour)
    items = legend.get_by_role("listitem").all()
    swatches = [item.locator(".movie-card__bar").evaluate(colour) for item in items]
    assert bar == swatches[1]
    assert len(set(swatches)) == 4, "each state has its own colour"


def test_icons_are_svg_and_no_page_needs_an_emoji_font(
    server: ReelarrServer, library: dict[str, Any], page: Page, tmp_path: Path
) -> None:
    # A folder of its own: the session's temporary folder holds every other test's folders too.
    (tmp_path / "Films").mkdir()
    log_in(page, server, "/settings/mediamanagement")
    page.get_by_label("Folder path").fill(f"{tmp_path}/")
    page.get_by_role("button", name="Browse").click()
    folder = page.get_by_role("button", name="Films", exact=True)
    expect(folder.locator("svg")).to_have_count(1)
    expect(page.get_by_role("button", name="Parent folder").locator("svg")).to_have_count(1)
    assert page.evaluate(HAS_PICTOGRAPH) is False

    nav(page, "Library")
    page.get_by_role("button", name="Table").click()
    expect(page.get_by_role("columnheader", name="Title").locator("svg")).to_have_count(1)
    direction = page.get_by_role("button", name=re.compile("^Sort (de|a)scending$"))
    expect(direction.locator("svg")).to_have_count(1)
    assert page.evaluate(HAS_PICTOGRAPH) is False

    nav(page, "Calendar")
    expect(page.get_by_role("button", name="Previous month").locator("svg")).to_have_count(1)
    page.get_by_role("button", name="iCal link").click()
    close = page.get_by_role("dialog").get_by_role("button", name="Close").first
    expect(close.locator("svg")).to_have_count(1)
    assert page.evaluate(HAS_PICTOGRAPH) is False


def test_dates_and_times_read_the_same_on_every_page(
    server: ReelarrServer, library: dict[str, Any], page: Page
) -> None:
    log_in(page, server, f"/movie/{library['movie']['titleSlug']}")
    details = page.get_by_role("region", name="Details")

    def fact(term: str) -> Locator:
        return details.locator(".facts__row").filter(has_text=term).locator("dd")

    expect(fact("In cinemas")).to_have_text("Mar 31 1999")
    expect(fact("Added")).to_have_text(re.compile(f"^{SHORT_DATE}$"))

    nav(page, "Status")
    started = page.locator(".facts__row").filter(has_text="Started").locator("dd")
    expect(started).to_have_text(re.compile(rf"^({DATE_TIME}) \(up "))

    nav(page, "Tasks")
    first_task = page.get_by_role("table", name="Scheduled").get_by_role("row").nth(1)
    next_run = first_task.get_by_role("cell").nth(3)
    expect(next_run).to_have_text(re.compile(f"^({DATE_TIME})$"))


# Every form control names itself: a <label>, aria-label or aria-labelledby.
UNNAMED_CONTROLS = """() => [...document.querySelectorAll('main :is(input, select, textarea, button)')]
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
        && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize(
    ("address", "heading"),
    [
        ("/activity/queue", "Queue"),
        ("/activity/history", "History"),
        ("/activity/blocklist", "Blocklist"),
        ("/collections", "Collections"),
        ("/settings/downloadclients", "Download clients"),
        ("/settings/mediamanagement", "Media management"),
        ("/system/events", "Events"),
        ("/system/logs/files", "Log files"),
    ],
)
def test_the_activity_and_download_pages_name_every_control_and_need_no_emoji_font(
    server: ReelarrServer, page: Page, address: str, heading: str
) -> None:
    log_in(page, server, address)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    assert page.evaluate(HAS_PICTOGRAPH) is False
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_download_clients_and_mappings_are_added_from_the_keyboard(server: ReelarrServer, page: Page) -> None:
    log_in(page, server, "/settings/downloadclients")
    add = page.get_by_role("button", name="Add download client")
    add.focus()
    page.keyboard.press("Enter")
    choose = page.get_by_role("dialog", name="Add download client")
    expect(choose).to_be_visible()
    page.keyboard.press("Escape")
    expect(choose).to_be_hidden()
    expect(add).to_be_focused()

    mapping = page.get_by_role("button", name="Add mapping")
    expect_focus_returns(mapping, page.get_by_role("dialog", name="Add remote path mapping"), "Cancel")
