"""A browser session over the served library: log in, time the first poster cards, browse, filter.

Chromium (Debian's, as the end-to-end tests use it) drives the real UI through Playwright; the
server's memory is read around it, so the peak includes what a person's session makes it hold.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from playwright.sync_api import Page, sync_playwright
from serving import Server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@dataclass(frozen=True)
class BrowserFigures:
    """What one session measured."""

    first_cards_s: float  # the library address asked for until the first poster card is drawn
    first_cards_again_s: float  # the same on a second visit (the server's list already kept)
    list_fetched_s: float  # of which the browser's fetch of the whole list, decoded and parsed (JSON.parse)
    server_peak_mb: float


# The library's own request, as the page makes it (same origin, the session's cookie), timed in the page.
_FETCH_LIST = """async () => {
  const started = performance.now();
  const movies = await (await fetch("/api/v3/movie", {credentials: "same-origin"})).json();
  if (!Array.isArray(movies)) throw new Error("not a list");
  return performance.now() - started;
}"""


def _time_first_cards(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.get_by_role("list", name="Movies").get_by_role("listitem").first.wait_for(timeout=120_000)
    return time.perf_counter() - started


def browse(server: Server, username: str, password: str) -> BrowserFigures:
    """Log in, open the library twice (timed), scroll through it, filter and sort it; the server's peak."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{server.url}/login")
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill(password)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(lambda url: "/login" not in url, timeout=60_000)
            library = f"{server.url}/?view=posters&filter=all&sortKey=title&sortDirection=ascending"
            first = _time_first_cards(page, library)
            fetched_ms = page.evaluate(_FETCH_LIST)
            page.goto(f"{server.url}/system/status")
            again = _time_first_cards(page, library)
            for _ in range(20):  # covers load as rows come into view
                page.mouse.wheel(0, 2500)
                page.wait_for_timeout(150)
            page.goto(f"{server.url}/?view=table&filter=all&sortKey=sizeOnDisk&sortDirection=descending")
            page.get_by_role("table").first.wait_for(timeout=120_000)
            page.goto(f"{server.url}/?view=posters&filter=missing&sortKey=year&sortDirection=descending")
            page.wait_for_timeout(1000)
        finally:
            browser.close()
    _, peak = server.memory_mb()
    return BrowserFigures(
        first_cards_s=first, first_cards_again_s=again, list_fetched_s=fetched_ms / 1000, server_peak_mb=peak
    )
