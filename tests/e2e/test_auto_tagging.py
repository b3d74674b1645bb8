"""Settings → Tags → Auto Tagging in a browser against a server: a rule made in its dialog tags films."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Page, expect
from test_movies import log_in

from conftest import api_client

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

MATRIX, FIGHT_CLUB = 603, 550
ANY = 1


def _add(server: ReelarrServer, root: Path, tmdb_id: int) -> dict[str, Any]:
    with api_client(server) as api:
        body = {"tmdbId": tmdb_id, "qualityProfileId": ANY, "rootFolderPath": str(root)}
        added: dict[str, Any] = api.post("/movie", json=body).raise_for_status().json()
        return added


def test_a_rule_made_in_the_dialog_tags_the_films_it_matches_and_a_bad_one_is_explained(
    server: ReelarrServer, page: Page, tmp_path: Path
) -> None:
    root = tmp_path / "movies"
    root.mkdir()
    with api_client(server) as api:
        api.post("/rootfolder", json={"path": str(root)}).raise_for_status()

    log_in(page, server, "/settings/tags")
    section = page.get_by_role("region", name="Auto Tagging")
    expect(section).to_contain_text("No auto tags yet.")
    section.get_by_role("button", name="Add auto tag").click()
    dialog = page.get_by_role("dialog", name="Add auto tag")
    dialog.get_by_label("Name", exact=True).fill("Sci-fi")
    dialog.get_by_role("button", name="Save").click()
    # Nothing chosen yet: the server's reasons are shown, nothing is saved.
    expect(dialog.get_by_role("alert")).to_contain_text("Must contain at least one Condition")

    dialog.get_by_label("Add condition").select_option("GenreSpecification")
    condition = dialog.get_by_role("group", name="Genre: Genre")
    genres = condition.get_by_label("Genre(s)")
    genres.fill("Science Fiction")
    genres.press("Enter")
    dialog.get_by_label("Add condition").select_option("QualityProfileSpecification")
    dialog.get_by_role("group", name="Quality Profile: Quality Profile").get_by_label(
        "Quality Profile"
    ).select_option(label="Any")
    tags = dialog.get_by_label("Tags", exact=True)
    tags.fill("scifi")
    tags.press("Enter")
    dialog.get_by_label("Remove tags automatically").check()
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)

    card = section.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Sci-fi"))
    expect(card.get_by_role("list", name="Tags given")).to_have_text("scifi")
    expect(card.get_by_role("list", name="Conditions")).to_contain_text("Genre: Science Fiction")
    expect(card.get_by_role("list", name="Conditions")).to_contain_text("Quality Profile: Any")
    with api_client(server) as api:
        [rule] = api.get("/autotagging").raise_for_status().json()
        scifi = next(t["id"] for t in api.get("/tag").json() if t["label"] == "scifi")
    assert (rule["name"], rule["tags"], rule["removeTagsAutomatically"]) == ("Sci-fi", [scifi], True)
    assert [[(f["name"], f["value"]) for f in s["fields"]] for s in rule["specifications"]] == [
        [("value", ["Science Fiction"])],
        [("value", ANY)],
    ]

    assert _add(server, root, MATRIX)["tags"] == [scifi]
    assert _add(server, root, FIGHT_CLUB)["tags"] == []
    page.reload()
    scifi_card = (
        page.get_by_role("list", name="Tags")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name="scifi"))
    )
    expect(scifi_card.get_by_role("list", name="What uses scifi")).to_contain_text("1 auto tagging rule")
    expect(scifi_card.get_by_role("list", name="What uses scifi")).to_contain_text("1 movie: The Matrix")
