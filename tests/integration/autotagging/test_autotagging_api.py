"""/api/v3/autotagging: rules in Radarr's shape, its schema, and its 400s and 404s (both databases)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

from tests.integration.autotagging.conftest import Films, spec
from tests.support.live import API_KEY

RADARR_SCHEMA_ORDER = [
    "MonitoredSpecification",
    "OriginalLanguageSpecification",
    "QualityProfileSpecification",
    "RootFolderSpecification",
    "RuntimeSpecification",
    "StatusSpecification",
    "StudioSpecification",
    "TagSpecification",
    "YearSpecification",
    "GenreSpecification",
    "KeywordSpecification",
]


async def test_the_schema_lists_radarrs_eleven_conditions_with_their_fields(films: Films) -> None:
    response = await films.server.client.get("/api/v3/autotagging/schema")
    assert response.status_code == 200
    schema = response.json()
    assert [s["implementation"] for s in schema] == RADARR_SCHEMA_ORDER
    by_kind = {s["implementation"]: s for s in schema}
    assert by_kind["GenreSpecification"]["implementationName"] == "Genre"
    assert [
        (f["name"], f["label"], f["type"], f["value"]) for f in by_kind["GenreSpecification"]["fields"]
    ] == [("value", "Genre(s)", "tag", [])]
    runtime = by_kind["RuntimeSpecification"]["fields"]
    assert [(f["name"], f["type"], f.get("unit")) for f in runtime] == [
        ("min", "number", "minutes"),
        ("max", "number", "minutes"),
    ]
    status = by_kind["StatusSpecification"]["fields"][0]
    assert status["name"] == "status"
    assert [(o["value"], o["name"]) for o in status["selectOptions"]] == [
        (-1, "Deleted"),
        (0, "TBA"),
        (1, "Announced"),
        (2, "InCinemas"),
        (3, "Released"),
    ]
    languages = by_kind["OriginalLanguageSpecification"]["fields"][0]["selectOptions"]
    assert [o["name"] for o in languages[:3]] == ["Unknown", "Afrikaans", "Albanian"]
    assert by_kind["MonitoredSpecification"]["fields"] == []
    assert by_kind["QualityProfileSpecification"]["fields"][0]["type"] == "qualityProfile"
    assert by_kind["TagSpecification"]["fields"][0]["type"] == "movieTag"
    assert {s["negate"] for s in schema} == {False}
    assert {s["required"] for s in schema} == {False}


async def test_a_rule_comes_back_as_radarr_answers_it_and_is_changed_and_deleted(films: Films) -> None:
    client = films.server.client
    scifi = await films.tag("scifi")
    old = await films.tag("old")
    created = await films.rule(
        "Sci-fi",
        [scifi],
        spec("GenreSpecification", "Genre", value=["Science Fiction"]),
        spec("YearSpecification", "Nineties", negate=True, required=True, min=1990, max=1999),
        remove=True,
    )
    assert set(created) == {"id", "name", "removeTagsAutomatically", "tags", "specifications"}
    assert created["name"] == "Sci-fi"
    assert created["removeTagsAutomatically"] is True
    assert created["tags"] == [scifi]
    genre, year = created["specifications"]
    assert {k: genre[k] for k in ("name", "implementation", "implementationName", "negate", "required")} == {
        "name": "Genre",
        "implementation": "GenreSpecification",
        "implementationName": "Genre",
        "negate": False,
        "required": False,
    }
    assert [(f["name"], f["value"]) for f in genre["fields"]] == [("value", ["Science Fiction"])]
    assert (year["negate"], year["required"]) == (True, True)
    assert [(f["name"], f["value"]) for f in year["fields"]] == [("min", 1990), ("max", 1999)]
    assert (await client.get(f"/api/v3/autotagging/{created['id']}")).json() == created
    assert (await client.get("/api/v3/autotagging")).json() == [created]

    changed = {**created, "name": "Old sci-fi", "tags": [scifi, old], "removeTagsAutomatically": False}
    response = await client.put(f"/api/v3/autotagging/{created['id']}", json=changed)
    assert response.status_code == 202, response.text
    assert response.json() == changed
    assert (await client.get("/api/v3/autotagging")).json() == [changed]
    detail = {d["label"]: d for d in (await client.get("/api/v3/tag/detail")).json()}
    assert detail["old"]["autoTagIds"] == [created["id"]]

    assert (await client.delete(f"/api/v3/autotagging/{created['id']}")).status_code == 200
    assert (await client.get(f"/api/v3/autotagging/{created['id']}")).status_code == 404
    assert (await client.get("/api/v3/autotagging")).json() == []


async def test_a_tag_a_rule_gives_cannot_be_deleted(films: Films) -> None:
    client = films.server.client
    kept = await films.tag("kept")
    await films.rule("Monitored", [kept], spec("MonitoredSpecification"))
    assert (await client.delete(f"/api/v3/tag/{kept}")).status_code == 409
    assert kept in [t["id"] for t in (await client.get("/api/v3/tag")).json()]


def _properties(response: Any) -> list[str]:
    return [f["propertyName"] for f in response.json()]


async def test_bad_rules_are_400s_in_radarrs_shape_and_nothing_is_saved(films: Films) -> None:
    client = films.server.client
    tag = await films.tag("t")
    good = {
        "name": "Rule",
        "removeTagsAutomatically": False,
        "tags": [tag],
        "specifications": [spec("MonitoredSpecification", "Monitored")],
    }
    bad_bodies: list[tuple[dict[str, Any], str]] = [
        ({**good, "name": " "}, "name"),
        ({**good, "tags": []}, "tags"),
        ({**good, "tags": [9999]}, "tags"),
        ({**good, "specifications": []}, "specifications"),
        ({**good, "specifications": [spec("NoSuchSpecification")]}, "specifications[0].implementation"),
        (
            {**good, "specifications": [spec("YearSpecification", min=2000, max=1990)]},
            "specifications[0].fields",
        ),
        ({**good, "specifications": [spec("GenreSpecification", value=[])]}, "specifications[0].fields"),
        ({**good, "specifications": [spec("StatusSpecification", status=7)]}, "specifications[0].fields"),
        (
            {**good, "specifications": [spec("RuntimeSpecification", min="long", max=9)]},
            "specifications[0].min",
        ),
        ({**good, "specifications": [spec("TagSpecification", value=0)]}, "specifications[0].fields"),
        ({**good, "specifications": [{**spec("MonitoredSpecification"), "name": "  "}]}, ""),
        # PostgreSQL cannot store a NUL: refused on both databases alike, never a 500.
        ({**good, "name": "a\u0000b"}, "name"),
        ({**good, "specifications": [spec("GenreSpecification", value=["x\u0000"])]}, "specifications[0]"),
        ({**good, "specifications": [spec("YearSpecification", min=1.5, max=2000)]}, "specifications[0].min"),
    ]
    for body, prop in bad_bodies:
        response = await client.post("/api/v3/autotagging", json=body)
        assert response.status_code == 400, (body, response.text)
        assert prop in _properties(response), (body, response.text)
        assert {"propertyName", "errorMessage", "severity"} <= set(response.json()[0])
    assert (await client.get("/api/v3/autotagging")).json() == []

    created = await films.rule("Rule", [tag], spec("MonitoredSpecification", "Monitored"))
    duplicate = await client.post("/api/v3/autotagging", json=good)
    assert duplicate.status_code == 400
    assert _properties(duplicate) == ["name"]
    response = await client.put(f"/api/v3/autotagging/{created['id']}", json={**created, "tags": []})
    assert response.status_code == 400
    assert (await client.get("/api/v3/autotagging")).json() == [created]


async def test_an_unknown_rule_is_a_404(films: Films) -> None:
    client = films.server.client
    tag = await films.tag("t")
    body = {"name": "R", "tags": [tag], "specifications": [spec("MonitoredSpecification")]}
    assert (await client.get("/api/v3/autotagging/999")).status_code == 404
    assert (await client.put("/api/v3/autotagging/999", json=body)).status_code == 404
    assert (await client.delete("/api/v3/autotagging/999")).status_code == 404


async def test_a_rule_changed_tells_the_ui_to_sync_its_tags(films: Films) -> None:
    tag = await films.tag("t")
    url = films.server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws, asyncio.timeout(20):
        await films.rule("Monitored", [tag], spec("MonitoredSpecification"))
        while (message := json.loads(await ws.recv(decode=True)))["name"] != "tag":
            pass
    assert message["action"] == "sync"
