"""/api/v3/customformat: Radarr's shapes, rules and side effects on quality profiles."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

X265 = {
    "name": "x265",
    "includeCustomFormatWhenRenaming": False,
    "specifications": [
        {
            "name": "x265/HEVC",
            "implementation": "ReleaseTitleSpecification",
            "negate": False,
            "required": True,
            "fields": [{"name": "value", "value": r"[xh][ ._-]?265|\bHEVC(\b|\d)"}],
        },
        {
            "name": "Not 2160p",
            "implementation": "ResolutionSpecification",
            "negate": True,
            "required": True,
            "fields": [{"name": "value", "value": 2160}],
        },
    ],
}


async def _no_formats(server: LiveServer) -> None:
    ids = [f["id"] for f in (await server.client.get("/api/v3/customformat")).json()]
    if ids:
        response = await server.client.request("DELETE", "/api/v3/customformat/bulk", json={"ids": ids})
        assert response.status_code == 200, response.text


server = shared_server(reset=_no_formats)


def _named(name: str, *specs: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "specifications": list(specs)}


def _title(pattern: str, name: str = "title") -> dict[str, Any]:
    return {
        "name": name,
        "implementation": "ReleaseTitleSpecification",
        "negate": False,
        "required": False,
        "fields": [{"name": "value", "value": pattern}],
    }


async def _create(server: LiveServer, body: dict[str, Any]) -> dict[str, Any]:
    response = await server.client.post("/api/v3/customformat", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_a_created_format_comes_back_in_radarrs_shape(server: LiveServer) -> None:
    created = await _create(server, X265)
    assert created["id"] > 0
    assert created["name"] == "x265"
    assert created["includeCustomFormatWhenRenaming"] is False
    title, resolution = created["specifications"]
    assert "id" not in title, "Radarr leaves a condition's default id out"
    assert title == {
        "name": "x265/HEVC",
        "implementation": "ReleaseTitleSpecification",
        "implementationName": "Release Title",
        "infoLink": "https://wiki.servarr.com/radarr/settings#custom-formats-2",
        "negate": False,
        "required": True,
        "fields": [
            {
                "order": 0,
                "name": "value",
                "label": "Regular Expression",
                "helpText": "Custom Format RegEx is Case Insensitive",
                "value": r"[xh][ ._-]?265|\bHEVC(\b|\d)",
                "type": "textbox",
                "advanced": False,
                "privacy": "normal",
                "isFloat": False,
            }
        ],
    }
    [field] = resolution["fields"]
    assert field["value"] == 2160
    assert field["type"] == "select"
    assert {"value": 2160, "name": "R2160p", "order": 2160, "dividerAfter": False} in field["selectOptions"]
    assert (await server.client.get(f"/api/v3/customformat/{created['id']}")).json() == created
    assert (await server.client.get("/api/v3/customformat")).json() == [created]


async def test_put_replaces_a_format_with_the_id_in_the_path_or_the_body(server: LiveServer) -> None:
    created = await _create(server, X265)
    changed = {**created, "name": "x265 (HD)", "includeCustomFormatWhenRenaming": True}
    response = await server.client.put(f"/api/v3/customformat/{created['id']}", json=changed)
    assert response.status_code == 202
    assert response.json()["name"] == "x265 (HD)"
    again = {**response.json(), "specifications": [_title("hevc")]}
    response = await server.client.put("/api/v3/customformat", json=again)
    assert response.status_code == 202
    stored = (await server.client.get(f"/api/v3/customformat/{created['id']}")).json()
    assert stored["includeCustomFormatWhenRenaming"] is True
    assert [s["fields"][0]["value"] for s in stored["specifications"]] == ["hevc"]


async def test_unknown_ids_are_404(server: LiveServer) -> None:
    for response in (
        await server.client.get("/api/v3/customformat/999"),
        await server.client.put("/api/v3/customformat/999", json=X265),
        await server.client.delete("/api/v3/customformat/999"),
        await server.client.get(f"/api/v3/customformat/{2**40}"),
    ):
        assert response.status_code == 404
        assert response.json()["message"]


async def test_delete_answers_an_empty_object(server: LiveServer) -> None:
    created = await _create(server, X265)
    response = await server.client.delete(f"/api/v3/customformat/{created['id']}")
    assert response.status_code == 200
    assert response.json() == {}
    assert (await server.client.get("/api/v3/customformat")).json() == []


async def test_bulk_edit_sets_the_renaming_flag_and_bulk_delete_removes(server: LiveServer) -> None:
    first = await _create(server, _named("one", _title("a")))
    second = await _create(server, _named("two", _title("b")))
    third = await _create(server, _named("three", _title("c")))
    response = await server.client.put(
        "/api/v3/customformat/bulk",
        json={"ids": [first["id"], second["id"]], "includeCustomFormatWhenRenaming": True},
    )
    assert response.status_code == 202
    assert [(f["name"], f["includeCustomFormatWhenRenaming"]) for f in response.json()] == [
        ("one", True),
        ("two", True),
    ]
    untouched = await server.client.put("/api/v3/customformat/bulk", json={"ids": [first["id"]]})
    assert untouched.json()[0]["includeCustomFormatWhenRenaming"] is True, "no flag sent leaves it as it is"
    empty = await server.client.put("/api/v3/customformat/bulk", json={"ids": []})
    assert empty.status_code == 400
    response = await server.client.request(
        "DELETE", "/api/v3/customformat/bulk", json={"ids": [first["id"], third["id"], 4242]}
    )
    assert response.status_code == 200
    assert [f["name"] for f in (await server.client.get("/api/v3/customformat")).json()] == ["two"]
    assert [i["name"] for i in (await _profile(server))["formatItems"]] == ["two"]


async def test_schema_lists_every_condition_type_with_existing_conditions_as_presets(
    server: LiveServer,
) -> None:
    await _create(server, X265)
    schema = (await server.client.get("/api/v3/customformat/schema")).json()
    assert [s["implementation"] for s in schema] == [
        "ReleaseTitleSpecification",
        "EditionSpecification",
        "LanguageSpecification",
        "IndexerFlagSpecification",
        "SourceSpecification",
        "ResolutionSpecification",
        "QualityModifierSpecification",
        "SizeSpecification",
        "ReleaseGroupSpecification",
        "YearSpecification",
    ]
    title = schema[0]
    assert "name" not in title
    assert title["fields"][0]["name"] == "value"
    assert "value" not in title["fields"][0], "a blank pattern is null, and nulls are left out"
    assert [p["name"] for p in title["presets"]] == ["x265: x265/HEVC"]
    size = schema[7]
    assert [(f["name"], f["value"], f["unit"], f["isFloat"]) for f in size["fields"]] == [
        ("min", 0, "GB", True),
        ("max", 0, "GB", True),
    ]
    language = schema[2]
    assert [f["type"] for f in language["fields"]] == ["select", "checkbox"]
    assert language["fields"][0]["selectOptions"][1] == {
        "value": -2,
        "name": "Original",
        "order": 0,
        "dividerAfter": False,
    }


@pytest.mark.parametrize(
    ("body", "property_name", "message"),
    [
        (_named("", _title("x")), "name", "'Name' must not be empty."),
        (_named("x" * 300, _title("x")), "name", "Must be at most 255 characters long"),
        (_named("empty"), "specifications", "Must contain at least one Condition"),
        (_named("blank", _title("x", name=" ")), "specifications", "Condition name(s) cannot be empty"),
        (
            _named("bad", _title("x", name="fine"), _title("(?<x", name="broken")),
            "specifications[1].fields[0].value",
            "Condition 'broken': Invalid regular expression",
        ),
        (
            _named("possessive", _title("a++", name="p")),
            "specifications[0].fields[0].value",
            "Condition 'p': Invalid regular expression: Nested quantifier '+'",
        ),
        (
            _named("empty pattern", _title("", name="e")),
            "specifications[0].fields[0].value",
            "Condition 'e': Regex Pattern must not be empty",
        ),
        (
            _named("unknown", {"name": "u", "implementation": "MagicSpecification", "fields": []}),
            "specifications[0].implementation",
            "MagicSpecification is not a valid specification implementation",
        ),
        (
            _named("no fields", {"name": "s", "implementation": "SourceSpecification"}),
            "specifications[0].fields",
            "Condition 's': 'Value' must not be empty.",
        ),
        (
            _named(
                "size",
                {
                    "name": "huge",
                    "implementation": "SizeSpecification",
                    "fields": [{"name": "min", "value": 1}, {"name": "max", "value": 1e300}],
                },
            ),
            "specifications[0].fields[1].value",
            "Condition 'huge': 'Max' must be less than or equal to",
        ),
        (
            _named(
                "size",
                {
                    "name": "inverted",
                    "implementation": "SizeSpecification",
                    "fields": [{"name": "min", "value": 10}, {"name": "max", "value": 1}],
                },
            ),
            "specifications[0].fields[1].value",
            "'Max' must be greater than '10'.",
        ),
        (
            _named("fields", {"name": "f", "implementation": "SourceSpecification", "fields": "7"}),
            "specifications[0].fields",
            "Must be a list of {name, value}",
        ),
        (
            _named("field", {"name": "f", "implementation": "SourceSpecification", "fields": [7]}),
            "specifications[0].fields[0]",
            "A field needs a name",
        ),
    ],
)
async def test_bad_formats_are_400_naming_the_condition(
    server: LiveServer, body: dict[str, Any], property_name: str, message: str
) -> None:
    response = await server.client.post("/api/v3/customformat", json=body)
    assert response.status_code == 400, response.text
    failures = response.json()
    assert any(f["propertyName"] == property_name and message in f["errorMessage"] for f in failures), (
        failures
    )
    assert all(f["severity"] == "error" for f in failures)
    assert (await server.client.get("/api/v3/customformat")).json() == [], "nothing half-written"


async def test_names_are_unique_exactly_as_written(server: LiveServer) -> None:
    await _create(server, X265)
    response = await server.client.post("/api/v3/customformat", json=X265)
    assert response.status_code == 400
    [failure] = response.json()
    assert (failure["propertyName"], failure["errorMessage"], failure["attemptedValue"]) == (
        "name",
        "Must be unique.",
        "x265",
    )
    assert (
        await server.client.post("/api/v3/customformat", json={**X265, "name": "X265"})
    ).status_code == 201


async def test_trash_guides_object_fields_are_accepted_too(server: LiveServer) -> None:
    body = _named(
        "DV", {"name": "DV", "implementation": "ReleaseTitleSpecification", "fields": {"value": r"\bDV\b"}}
    )
    created = await _create(server, body)
    assert created["specifications"][0]["fields"][0]["value"] == r"\bDV\b"


async def _profile(server: LiveServer, profile_id: int = 1) -> dict[str, Any]:
    body: dict[str, Any] = (await server.client.get(f"/api/v3/qualityprofile/{profile_id}")).json()
    return body


async def test_every_profile_scores_a_new_format_zero_and_forgets_a_deleted_one(server: LiveServer) -> None:
    created = await _create(server, X265)
    for profile in (await server.client.get("/api/v3/qualityprofile")).json():
        assert profile["formatItems"] == [{"format": created["id"], "name": "x265", "score": 0}]
    schema = (await server.client.get("/api/v3/qualityprofile/schema")).json()
    assert schema["formatItems"] == [{"format": created["id"], "name": "x265", "score": 0}]

    profile = await _profile(server)
    profile["formatItems"][0]["score"] = -10000
    profile["minFormatScore"] = -20000
    assert (await server.client.put("/api/v3/qualityprofile/1", json=profile)).status_code == 202
    renamed = {**created, "name": "x265 (HD)"}
    await server.client.put(f"/api/v3/customformat/{created['id']}", json=renamed)
    assert (await _profile(server))["formatItems"] == [
        {"format": created["id"], "name": "x265 (HD)", "score": -10000}
    ]

    await server.client.delete(f"/api/v3/customformat/{created['id']}")
    after = await _profile(server)
    assert after["formatItems"] == []
    assert after["minFormatScore"] == 0, "a profile left without formats gets its format scores reset"


async def test_a_profile_saved_without_some_formats_scores_them_zero(server: LiveServer) -> None:
    one = await _create(server, _named("one", _title("a")))
    two = await _create(server, _named("two", _title("b")))
    profile = await _profile(server)
    profile["formatItems"] = [{"format": two["id"], "score": 25}]
    response = await server.client.put("/api/v3/qualityprofile/1", json=profile)
    assert response.status_code == 202
    assert response.json()["formatItems"] == [
        {"format": one["id"], "name": "one", "score": 0},
        {"format": two["id"], "name": "two", "score": 25},
    ]


async def test_a_profile_may_not_score_a_format_that_does_not_exist(server: LiveServer) -> None:
    profile = await _profile(server)
    profile["formatItems"] = [{"format": 77, "name": "ghost", "score": 10}]
    response = await server.client.put("/api/v3/qualityprofile/1", json=profile)
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "formatItems"


async def test_parse_answers_the_formats_a_title_matches_and_no_score_without_a_movie(
    server: LiveServer,
) -> None:
    x265 = await _create(server, X265)
    await _create(server, _named("Remux", _title(r"\bremux\b")))
    await _create(
        server,
        _named(
            "Bluray",
            {
                "name": "src",
                "implementation": "SourceSpecification",
                "fields": [{"name": "value", "value": 9}],
            },
        ),
    )
    body = (
        await server.client.get("/api/v3/parse", params={"title": "Movie.2019.1080p.BluRay.x265-GRP"})
    ).json()
    assert body["customFormats"] == [
        {"id": x265["id"] + 2, "name": "Bluray"},
        {"id": x265["id"], "name": "x265"},
    ]
    assert body["customFormatScore"] == 0
    assert "movie" not in body


async def test_scores_beyond_32_bits_are_400(server: LiveServer) -> None:
    created = await _create(server, X265)
    profile = await _profile(server)
    profile["formatItems"] = [{"format": created["id"], "score": 2**40}]
    response = await server.client.put("/api/v3/qualityprofile/1", json=profile)
    assert response.status_code == 400
    profile = await _profile(server)
    response = await server.client.put(
        "/api/v3/qualityprofile/1", json={**profile, "minFormatScore": -(2**40)}
    )
    assert response.status_code == 400


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["none", "bool", "int", "float", "text", "pattern"] + (["list", "dict"] if depth < 2 else [])
    kind = rng.choice(kinds)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, 1, -1, 7, 2160, 2**31, -(2**63), 10**30])
    if kind == "float":
        return rng.choice([0.5, -1.5, 1e308, 3.0])
    if kind == "text":
        return rng.choice(["", " ", "7", "true", "x" * 50, "ü", "\x00"])
    if kind == "pattern":
        return rng.choice([r"\bx265\b", "(", "a++", r"(?<=a.*)b", r"\k<x>", "[a-z-[aeiou]]", "(?P<n>x)"])
    if kind == "list":
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {
        rng.choice(["name", "value", "min", "max"]): _random_value(rng, depth + 1)
        for _ in range(rng.randint(0, 3))
    }


def _random_spec(rng: random.Random) -> Any:
    if rng.random() < 0.4:
        return _title(rng.choice([r"\bx265\b", r"(?<=a.*)b", "[a-z-[aeiou]]"]))
    if rng.random() < 0.05:
        return _random_value(rng)
    implementations = [
        "ReleaseTitleSpecification",
        "SizeSpecification",
        "LanguageSpecification",
        "YearSpecification",
    ]
    spec: dict[str, Any] = {
        "name": rng.choice(["c", "", None, 5]),
        "implementation": rng.choice([*implementations, "Nope", None, 3]),
        "negate": rng.choice([True, False, "yes", None]),
        "required": rng.choice([True, False]),
    }
    fields = [{"name": rng.choice(["value", "min", "max", "exceptLanguage"]), "value": _random_value(rng)}]
    spec["fields"] = rng.choice([fields, {"value": _random_value(rng)}, _random_value(rng)])
    return spec


async def test_random_bodies_are_created_or_refused_never_a_500(server: LiveServer) -> None:
    rng = random.Random(20261204)
    seen = set()
    for n in range(150):
        body = {
            "name": rng.choice([f"f{n}", f"f{n}", "", None, 12, "x265"]),
            "includeCustomFormatWhenRenaming": rng.choice([True, False, None, "x"]),
            "specifications": rng.choice(
                [[_random_spec(rng) for _ in range(rng.randint(1, 2))], [_random_spec(rng)], None, "x"]
            ),
        }
        response = await server.client.post("/api/v3/customformat", json=body)
        assert response.status_code in (201, 400), (body, response.text)
        seen.add(response.status_code)
        if response.status_code == 400:
            assert all(f["propertyName"] is not None and f["errorMessage"] for f in response.json())
    assert seen == {201, 400}
    for bad in ([], {"ids": "x"}, {"ids": [2**40]}, None):
        response = await server.client.request("DELETE", "/api/v3/customformat/bulk", json=bad)
        assert response.status_code in (200, 400), response.text
