"""Importing an existing library in a browser: folders matched to the fixture TMDB, confirmed, added."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, Route, expect
from test_movies import api_get, log_in, nav

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX = "The Matrix (1999)"
INCEPTION = "Inception.2010.1080p.BluRay.x264-GRP"
SPIRITED = "Spirited Away (2001) {tmdb-129}"
UNKNOWN = "Unknown Thing (2003)"


def add_root_folder(page: Page, root: Path) -> Locator:
    """Add a root folder in Settings → Media management; its row in the root folders table."""
    nav(page, "Media management")
    page.get_by_label("Folder path").fill(str(root))
    page.get_by_role("button", name="Add root folder").click()
    return page.get_by_role("table", name="Root folders").get_by_role("row").filter(has_text=str(root))


def folder_row(page: Page, folder: str) -> Locator:
    """The row of a folder in the import page's table."""
    table = page.get_by_role("table", name="Folders")
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader").filter(has_text=folder))


def test_folders_on_disk_are_matched_confirmed_and_imported_in_place(
    server: ReelarrServer, tmp_path: Path, page: Page
) -> None:
    root = tmp_path / "movies"
    for name in (MATRIX, INCEPTION, SPIRITED, UNKNOWN):
        (root / name).mkdir(parents=True)

    log_in(page, server)
    expect(page.get_by_role("link", name="Import your library")).to_be_visible()

    # Settings → Media: the new root folder has four unmapped folders and a way to import them.
    row = add_root_folder(page, root)
    expect(row.get_by_role("cell").nth(1)).to_have_text("4")
    row.get_by_role("link", name=f"Import the unmapped folders of {root}").click()
    expect(page).to_have_url(re.compile(r"/add/import\?rootFolderId=\d+$"))
    expect(page.get_by_role("heading", name="Import library", level=1)).to_be_visible()

    # Each folder with what its name was read as and the film it was matched to.
    matrix = folder_row(page, MATRIX)
    expect(matrix).to_contain_text("Read as The Matrix (1999)")
    expect(matrix.get_by_role("cell").nth(1)).to_contain_text("The Matrix (1999)")
    expect(matrix.get_by_text("High confidence")).to_have_attribute("title", "Matched by title and year")
    expect(matrix.locator("img")).to_have_attribute("src", re.compile(r"/t/p/"))
    inception = folder_row(page, INCEPTION)
    expect(inception).to_contain_text("Read as Inception (2010)")
    expect(inception).to_contain_text("Inception (2010)")
    expect(inception).to_contain_text("High confidence")
    spirited = folder_row(page, SPIRITED)
    expect(spirited).to_contain_text("tmdb-129")
    expect(spirited).to_contain_text("Spirited Away (2001)")
    expect(spirited.get_by_text("High confidence")).to_have_attribute(
        "title", "Matched by the TMDB id in the folder name"
    )
    unknown = folder_row(page, UNKNOWN)
    expect(unknown).to_contain_text("No match")
    expect(unknown).to_contain_text("No movie found for this name")
    expect(page.get_by_role("progressbar")).to_have_count(0)

    # High-confidence matches are ticked; a folder without a film cannot be.
    for folder in (MATRIX, INCEPTION, SPIRITED):
        expect(page.get_by_role("checkbox", name=f"Import {folder}")).to_be_checked()
    expect(page.get_by_role("checkbox", name=f"Import {UNKNOWN}")).to_be_disabled()
    expect(page.get_by_test_id("import-summary")).to_have_text("3 of 4 folders ticked")

    page.get_by_role("checkbox", name=f"Import {INCEPTION}").uncheck()
    expect(page.get_by_test_id("import-summary")).to_have_text("2 of 4 folders ticked")
    page.get_by_role("button", name="Import 2 movies").click()

    result = page.get_by_role("status", name="Import result")
    expect(result).to_contain_text("Imported 2 movies.")
    imported = result.get_by_role("list", name="Imported movies")
    expect(imported.get_by_role("listitem")).to_have_count(2)
    expect(imported.get_by_role("listitem").filter(has_text="The Matrix (1999)")).to_contain_text(
        str(root / MATRIX)
    )
    expect(imported.get_by_role("link", name="Spirited Away (2001)")).to_be_visible()
    # The imported folders leave the list; the unticked and the unknown one stay.
    expect(page.get_by_role("table", name="Folders").get_by_role("rowheader")).to_have_count(2)
    expect(folder_row(page, INCEPTION)).to_be_visible()
    expect(folder_row(page, UNKNOWN)).to_be_visible()
    expect(page.get_by_test_id("import-summary")).to_have_text("0 of 2 folders ticked")

    # The library has the two films, each in its own folder.
    result.get_by_role("link", name="Go to the library").click()
    expect(page).to_have_url(re.compile(r"/\?view=\w+&filter=all&sortKey=title&sortDirection=ascending$"))
    expect(page.get_by_test_id("movie-count")).to_have_text("2 movies")
    page.get_by_role("button", name="Table").click()
    table = page.get_by_role("table", name="Movies")
    expect(table.get_by_role("link")).to_have_text(["The Matrix", "Spirited Away"])  # by sort title
    movies = api_get(page, server, "/movie")
    assert {m["tmdbId"]: m["path"] for m in movies} == {603: str(root / MATRIX), 129: str(root / SPIRITED)}
    assert all(m["qualityProfileId"] == 1 and m["monitored"] for m in movies)
    [root_folder] = [f for f in api_get(page, server, "/rootfolder") if f["path"] == str(root)]
    assert sorted(f["name"] for f in root_folder["unmappedFolders"]) == [INCEPTION, UNKNOWN]

    # The Movies page leads back to the import, which now offers the two folders left.
    page.get_by_role("link", name="Import library").first.click()
    expect(page.get_by_role("checkbox", name=f"Import {INCEPTION}")).to_be_checked()
    expect(page.get_by_test_id("import-summary")).to_have_text("1 of 2 folders ticked")


def test_a_folder_gets_another_candidate_or_a_film_found_by_search(
    server: ReelarrServer, tmp_path: Path, page: Page
) -> None:
    root = tmp_path / "films"
    for name in ("Matrix", "Home Videos (1985)"):
        (root / name).mkdir(parents=True)
    log_in(page, server)
    add_root_folder(page, root).get_by_role("link", name=re.compile("^Import")).click()

    # A bare title is unsure: not ticked; the other films of that name are offered.
    matrix = page.get_by_role("checkbox", name="Import Matrix")
    expect(matrix).not_to_be_checked()
    page.get_by_role("button", name="Change the movie for Matrix").click()
    dialog = page.get_by_role("dialog", name="Movie in “Matrix”")
    suggested = dialog.get_by_role("group", name="Suggested")
    expect(suggested.get_by_role("radio", name="The Matrix Reloaded (2003)")).to_be_visible()
    suggested.get_by_role("radio", name="The Matrix Revolutions (2003)").check()
    dialog.get_by_role("button", name="Use this movie").click()
    expect(dialog).to_be_hidden()
    row = folder_row(page, "Matrix")
    expect(row).to_contain_text("The Matrix Revolutions (2003)")
    expect(row).to_contain_text("Your choice")
    expect(matrix).to_be_checked()

    # No match: the search starts from the folder name; any TMDB search finds the film.
    expect(page.get_by_role("checkbox", name="Import Home Videos (1985)")).to_be_disabled()
    # Its button says what it does, in its name too.
    search_button = page.get_by_role("button", name="Search for the movie in Home Videos (1985)", exact=True)
    expect(search_button).to_have_text("Search")
    search_button.click()
    dialog = page.get_by_role("dialog", name="Movie in “Home Videos (1985)”")
    search = dialog.get_by_label("Search TMDB")
    expect(search).to_have_value("Home Videos 1985")
    expect(dialog.get_by_text("No films found")).to_be_visible()
    search.fill("tmdb:550")
    dialog.get_by_role("group", name="Search results").get_by_role("radio", name="Fight Club (1999)").check()
    dialog.get_by_role("button", name="Use this movie").click()
    expect(page.get_by_role("checkbox", name="Import Home Videos (1985)")).to_be_checked()

    page.get_by_role("button", name="Import 2 movies").click()
    expect(page.get_by_role("status", name="Import result")).to_contain_text("Imported 2 movies.")
    paths = {m["tmdbId"]: m["path"] for m in api_get(page, server, "/movie")}
    assert (paths[605], paths[550]) == (str(root / "Matrix"), str(root / "Home Videos (1985)"))


def fake_suggestion(name: str, root: str) -> dict[str, Any]:
    """A high-confidence suggestion as the API sends it, without covers (so no image requests)."""
    year = 1950 + int(name[-3:]) % 70
    film = {"tmdbId": 100_000 + int(name[-3:]), "title": name, "year": year, "images": [], "tags": []}
    return {
        "folder": name,
        "path": f"{root}/{name}",
        "relativePath": name,
        "parsedTitle": name,
        "confidence": "high",
        "matchedBy": "title",
        "match": film,
        "candidates": [],
        "excluded": False,
    }


def test_hundreds_of_folders_are_matched_in_batches_and_only_the_visible_rows_rendered(
    server: ReelarrServer, page: Page
) -> None:
    root = "/srv/movies"
    names = [f"Film {i:03d}" for i in range(300)]
    folders = [{"name": n, "path": f"{root}/{n}", "relativePath": n} for n in names]
    root_folder = {"id": 77, "path": root, "accessible": True, "freeSpace": 1, "unmappedFolders": folders}
    asked: list[list[str]] = []

    def root_folders(route: Route) -> None:
        route.fulfill(status=200, content_type="application/json", body=json.dumps([root_folder]))

    def suggestions(route: Route) -> None:
        query = parse_qs(urlsplit(route.request.url).query)
        assert query["rootFolderId"] == ["77"]
        asked.append(query["folder"])
        body = [fake_suggestion(name, root) for name in query["folder"]]
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/api/v3/rootfolder", root_folders)
    page.route("**/api/v3/movie/import/suggestions?*", suggestions)
    log_in(page, server, "/add/import")

    expect(page).to_have_url(re.compile(r"/add/import\?rootFolderId=77$"))
    expect(page.get_by_test_id("import-summary")).to_have_text("300 of 300 folders ticked")
    assert sorted(name for batch in asked for name in batch) == names
    assert max(len(batch) for batch in asked) <= 10
    table = page.get_by_role("table", name="Folders")
    expect(table.get_by_role("rowheader").filter(has_text="Film 000")).to_be_visible()
    assert table.get_by_role("rowheader").count() < 60

    page.locator(".import-table__scroller").evaluate(
        "element => { element.scrollTop = element.scrollHeight; }"
    )
    expect(table.get_by_role("rowheader").filter(has_text="Film 299")).to_be_visible()
    assert table.get_by_role("rowheader").count() < 60

    page.get_by_label("Filter folders").fill("film 29")  # 029, 129, 229 and 290 to 299
    expect(table.get_by_role("rowheader")).to_have_count(13)
    page.get_by_role("button", name="Untick all shown").click()
    expect(page.get_by_test_id("import-summary")).to_have_text("287 of 300 folders ticked")
    expect(page.get_by_role("button", name="Import 287 movies")).to_be_enabled()


def test_excluded_unknown_and_owned_films_and_import_errors_are_shown_on_their_folders(
    server: ReelarrServer, page: Page
) -> None:
    root = "/srv/movies"
    owned = fake_suggestion("Owned 003", root)
    owned["match"]["id"] = 9
    excluded = fake_suggestion("Excluded 002", root) | {"excluded": True}
    excluded["match"]["excluded"] = True
    down = {**fake_suggestion("Down 004", root), "confidence": "none", "error": "TMDB is not answering"}
    del down["match"], down["matchedBy"]
    listed = [fake_suggestion("Good 001", root), excluded, owned, down]
    folders = [{"name": s["folder"], "path": s["path"], "relativePath": s["folder"]} for s in listed]
    root_folder = {"id": 5, "path": root, "accessible": True, "freeSpace": 1, "unmappedFolders": folders}
    answers = [
        (
            400,
            [{"propertyName": "path", "errorMessage": "Path is used", "attemptedValue": f"{root}/Good 001/"}],
        ),
        (503, {"message": "TMDB is down, try again later"}),
        (
            200,
            {
                "added": [
                    {
                        "id": 41,
                        "tmdbId": 100_001,
                        "title": "Good 001",
                        "year": 1951,
                        "titleSlug": "100001",
                        "path": f"{root}/Good 001",
                        "images": [],
                        "tags": [],
                        "monitored": False,
                        "hasFile": False,
                    }
                ],
                "skipped": [
                    {
                        "index": 1,
                        "tmdbId": 100_002,
                        "path": f"{root}/Excluded 002",
                        "alreadyAdded": False,
                        "errors": [
                            {"propertyName": "tmdbId", "errorMessage": "TMDB does not know the movie 100002"}
                        ],
                    }
                ],
            },
        ),
    ]
    sent: list[Any] = []

    def import_movies(route: Route) -> None:
        sent.append(route.request.post_data_json)
        status, body = answers.pop(0)
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    page.route(
        "**/api/v3/rootfolder",
        lambda route: route.fulfill(content_type="application/json", body=json.dumps([root_folder])),
    )
    page.route(
        "**/api/v3/movie/import/suggestions?*",
        lambda route: route.fulfill(content_type="application/json", body=json.dumps(listed)),
    )
    page.route("**/api/v3/movie/import?*", import_movies)
    log_in(page, server, "/add/import?rootFolderId=5")

    expect(page.get_by_role("checkbox", name="Import Good 001")).to_be_checked()
    excluded_row = folder_row(page, "Excluded 002")
    expect(excluded_row.get_by_text("Excluded", exact=True)).to_be_visible()
    expect(page.get_by_role("checkbox", name="Import Excluded 002")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Import Excluded 002")).to_be_enabled()
    expect(folder_row(page, "Owned 003").get_by_role("link", name="Open Owned 003 (1953)")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Import Owned 003")).to_be_disabled()
    expect(folder_row(page, "Down 004")).to_contain_text("TMDB error")
    expect(folder_row(page, "Down 004")).to_contain_text("TMDB is not answering")
    page.get_by_role("checkbox", name="Import Excluded 002").check()
    page.get_by_label("Quality profile").select_option(label="HD-1080p")
    page.get_by_label("Monitored").uncheck()

    # A failure about a folder is shown on it; nothing was imported.
    page.get_by_role("button", name="Import 2 movies").click()
    expect(page.get_by_role("alert").filter(has_text="Nothing was imported")).to_contain_text(
        "shown next to it"
    )
    expect(folder_row(page, "Good 001")).to_contain_text("Path is used")
    assert sent[0] == [
        {
            "tmdbId": 100_001,
            "title": "Good 001",
            "year": 1951,
            "qualityProfileId": 4,
            "path": f"{root}/Good 001",
            "monitored": False,
            "minimumAvailability": "released",
            "tags": [],
            "addOptions": {"searchForMovie": False},
        },
        {
            "tmdbId": 100_002,
            "title": "Excluded 002",
            "year": 1952,
            "qualityProfileId": 4,
            "path": f"{root}/Excluded 002",
            "monitored": False,
            "minimumAvailability": "released",
            "tags": [],
            "addOptions": {"searchForMovie": False},
        },
    ]

    # TMDB down: the server's message.
    page.get_by_role("button", name="Import 2 movies").click()
    expect(page.get_by_role("alert").filter(has_text="Nothing was imported")).to_contain_text(
        "TMDB is down, try again later"
    )
    expect(folder_row(page, "Good 001")).not_to_contain_text("Path is used")

    # Some added, some skipped: each skipped folder with the server's reason, left unticked.
    page.get_by_role("button", name="Import 2 movies").click()
    result = page.get_by_role("status", name="Import result")
    expect(result).to_contain_text("Imported 1 movie.")
    expect(result.get_by_role("list", name="Skipped folders")).to_have_text(
        "Excluded 002: TMDB does not know the movie 100002"
    )
    expect(page.get_by_role("checkbox", name="Import Excluded 002")).not_to_be_checked()
