"""/api/v3/exclusions: CRUD, bulk, Radarr's paged listing and validation, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

server = shared_server("import_exclusions")


def _film(tmdb_id: int, title: str = "", year: int = 2000) -> dict[str, Any]:
    return {"tmdbId": tmdb_id, "movieTitle": title or f"Film {tmdb_id}", "movieYear": year}


async def _add(server: LiveServer, body: dict[str, Any]) -> httpx.Response:
    return await server.client.post("/api/v3/exclusions", json=body)


async def _bulk(server: LiveServer, films: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = await server.client.post("/api/v3/exclusions/bulk", json=films)
    assert response.status_code == 200
    body: list[dict[str, Any]] = response.json()
    return body


async def _paged(server: LiveServer, **params: Any) -> dict[str, Any]:
    response = await server.client.get("/api/v3/exclusions/paged", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_add_get_list_update_delete(server: LiveServer) -> None:
    response = await _add(server, _film(603, "The Matrix", 1999))
    assert response.status_code == 201
    added = response.json()
    assert added == {"id": added["id"], "tmdbId": 603, "movieTitle": "The Matrix", "movieYear": 1999}
    assert (await server.client.get("/api/v3/exclusions")).json() == [added]
    assert (await server.client.get(f"/api/v3/exclusions/{added['id']}")).json() == added

    changed = await server.client.put(
        f"/api/v3/exclusions/{added['id']}", json={**added, "movieTitle": "Matrix"}
    )
    assert changed.status_code == 202
    assert changed.json()["movieTitle"] == "Matrix"
    without_id = await server.client.put("/api/v3/exclusions", json={**added, "movieYear": 2000})
    assert without_id.status_code == 202
    assert (await server.client.get(f"/api/v3/exclusions/{added['id']}")).json()["movieYear"] == 2000

    deleted = await server.client.delete(f"/api/v3/exclusions/{added['id']}")
    assert (deleted.status_code, deleted.json()) == (200, {})
    assert (await server.client.get(f"/api/v3/exclusions/{added['id']}")).status_code == 404


async def test_a_film_is_excluded_once(server: LiveServer) -> None:
    await _add(server, _film(603))
    response = await _add(server, _film(603, "Again"))
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "tmdbId"
    assert response.json()[0]["errorMessage"] == "This exclusion has already been added."
    assert len((await server.client.get("/api/v3/exclusions")).json()) == 1


async def test_moving_an_exclusion_onto_an_excluded_film_is_refused(server: LiveServer) -> None:
    first = (await _add(server, _film(1))).json()
    await _add(server, _film(2))
    response = await server.client.put(f"/api/v3/exclusions/{first['id']}", json={**first, "tmdbId": 2})
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "This exclusion has already been added."


@pytest.mark.parametrize(
    ("body", "property_name"),
    [
        ({"tmdbId": 0, "movieTitle": "x", "movieYear": 2000}, "tmdbId"),
        ({"tmdbId": -5, "movieTitle": "x", "movieYear": 2000}, "tmdbId"),
        ({"tmdbId": 2**31, "movieTitle": "x", "movieYear": 2000}, "tmdbId"),
        ({"tmdbId": 5, "movieTitle": "", "movieYear": 2000}, "movieTitle"),
        ({"tmdbId": 5, "movieYear": 2000}, "movieTitle"),
        ({"tmdbId": 5, "movieTitle": "x" * 501, "movieYear": 2000}, "movieTitle"),
        ({"tmdbId": 5, "movieTitle": "nul\u0000here", "movieYear": 2000}, "movieTitle"),
        ({"tmdbId": 5, "movieTitle": "x", "movieYear": 0}, "movieYear"),
        ({"tmdbId": 5, "movieTitle": "x", "movieYear": 2**40}, "movieYear"),
        ({"tmdbId": "abc", "movieTitle": "x", "movieYear": 2000}, "tmdbId"),
    ],
)
async def test_bad_exclusions_answer_the_validation_array(
    server: LiveServer, body: dict[str, Any], property_name: str
) -> None:
    response = await _add(server, body)
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == [property_name]
    assert (await server.client.get("/api/v3/exclusions")).json() == []


async def test_a_title_with_a_lone_surrogate_is_refused(server: LiveServer) -> None:
    body = b'{"tmdbId": 5, "movieTitle": "half \\ud800 pair", "movieYear": 2000}'
    response = await server.client.post(
        "/api/v3/exclusions", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "movieTitle"


async def test_radarrs_messages(server: LiveServer) -> None:
    response = await _add(server, {"tmdbId": 0, "movieTitle": "", "movieYear": 0})
    assert [f["errorMessage"] for f in response.json()] == [
        "'Tmdb Id' must be greater than '0'.",
        "'Movie Title' must not be empty.",
        "'Movie Year' must be greater than '0'.",
    ]


async def test_bulk_add_skips_films_already_excluded(server: LiveServer) -> None:
    existing = (await _add(server, _film(10, "Kept"))).json()
    added = await _bulk(server, [_film(10, "Replaced?"), _film(11), _film(12), _film(11, "Twice")])
    assert [(e["tmdbId"], e["movieTitle"]) for e in added] == [(10, "Kept"), (11, "Film 11"), (12, "Film 12")]
    assert added[0] == existing
    assert len((await server.client.get("/api/v3/exclusions")).json()) == 3


async def test_bulk_add_takes_films_without_year(server: LiveServer) -> None:
    [added] = await _bulk(server, [{"tmdbId": 77}])
    assert (added["tmdbId"], added["movieTitle"], added["movieYear"]) == (77, "", 0)


async def test_bulk_add_with_one_bad_film_adds_nothing(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/exclusions/bulk", json=[_film(1), _film(0)])
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "[1].tmdbId"
    response = await server.client.post("/api/v3/exclusions/bulk", json=[_film(1, "a\u0000b")])
    assert response.status_code == 400
    assert (await server.client.get("/api/v3/exclusions")).json() == []


async def test_bulk_delete_ignores_unknown_ids(server: LiveServer) -> None:
    films = await _bulk(server, [_film(1), _film(2), _film(3)])
    response = await server.client.request(
        "DELETE", "/api/v3/exclusions/bulk", json={"ids": [films[0]["id"], films[2]["id"], 999]}
    )
    assert (response.status_code, response.json()) == (200, {})
    assert [e["tmdbId"] for e in (await server.client.get("/api/v3/exclusions")).json()] == [2]


async def test_unknown_ids(server: LiveServer) -> None:
    assert (await server.client.get("/api/v3/exclusions/5")).status_code == 404
    assert (await server.client.delete("/api/v3/exclusions/5")).status_code == 404
    response = await server.client.put("/api/v3/exclusions/5", json=_film(5))
    assert response.status_code == 404
    assert (await server.client.get("/api/v3/exclusions/99999999999")).status_code == 404


async def test_paged_defaults_are_newest_first_ten_a_page(server: LiveServer) -> None:
    await _bulk(server, [_film(i) for i in range(1, 13)])
    page = await _paged(server)
    assert {k: v for k, v in page.items() if k != "records"} == {
        "page": 1,
        "pageSize": 10,
        "sortKey": "id",
        "sortDirection": "descending",
        "totalRecords": 12,
    }
    assert [r["tmdbId"] for r in page["records"]] == list(range(12, 2, -1))
    assert set(page["records"][0]) == {"id", "tmdbId", "movieTitle", "movieYear"}


async def test_looping_pages_until_the_total_collects_everything(server: LiveServer) -> None:
    await _bulk(server, [_film(i, year=2000 + i % 3) for i in range(1, 24)])
    collected: list[int] = []
    number = 1
    while True:
        page = await _paged(server, page=number, pageSize=5, sortKey="movieYear", sortDirection="ascending")
        assert page["totalRecords"] == 23
        if not page["records"]:
            break
        collected.extend(r["tmdbId"] for r in page["records"])
        number += 1
    assert sorted(collected) == list(range(1, 24))
    assert number == 6


async def test_a_page_past_the_end_is_empty(server: LiveServer) -> None:
    await _bulk(server, [_film(1), _film(2)])
    page = await _paged(server, page=7, pageSize=10)
    assert (page["totalRecords"], page["records"]) == (2, [])


async def test_page_size_one_then_everything_as_home_assistant_asks(server: LiveServer) -> None:
    await _bulk(server, [_film(i) for i in range(1, 16)])
    first = await _paged(server, pageSize=1)
    assert (first["totalRecords"], len(first["records"])) == (15, 1)
    everything = await _paged(server, pageSize=first["totalRecords"])
    assert len(everything["records"]) == 15


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("movieTitle", [3, 2, 1]),
        ("MovieTitle", [3, 2, 1]),
        ("movieYear", [2, 3, 1]),
        ("tmdbId", [1, 2, 3]),
        ("id", [2, 3, 1]),
    ],
)
async def test_sort_keys(server: LiveServer, key: str, expected: list[int]) -> None:
    await _bulk(server, [_film(2, "banana", 1990), _film(3, "Apple", 1995), _film(1, "cherry", 2000)])
    page = await _paged(server, sortKey=key, sortDirection="Ascending")
    assert [r["tmdbId"] for r in page["records"]] == expected


async def test_unknown_sort_key_falls_back_to_the_default(server: LiveServer) -> None:
    await _bulk(server, [_film(1), _film(2)])
    page = await _paged(server, sortKey="movies.sortTitle", sortDirection="default")
    assert (page["sortKey"], page["sortDirection"]) == ("id", "descending")
    assert [r["tmdbId"] for r in page["records"]] == [2, 1]


async def test_query_names_in_any_case(server: LiveServer) -> None:
    await _bulk(server, [_film(1), _film(2), _film(3)])
    response = await server.client.get("/api/v3/exclusions/paged?PAGESIZE=2&sortdirection=ASCENDING")
    page = response.json()
    assert (page["pageSize"], [r["tmdbId"] for r in page["records"]]) == (2, [1, 2])


@pytest.mark.parametrize(
    "query", ["page=0", "page=abc", "pageSize=-1", "sortDirection=sideways", "page=99999999999"]
)
async def test_bad_paging_answers_the_validation_array(server: LiveServer, query: str) -> None:
    response = await server.client.get(f"/api/v3/exclusions/paged?{query}")
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] in {"page", "pageSize", "sortDirection"}


async def test_import_lists_ask_whether_a_film_is_excluded(server: LiveServer) -> None:
    await _bulk(server, [_film(603), _film(604)])
    exclusions = server.services.exclusions
    assert await exclusions.is_excluded(603)
    assert not await exclusions.is_excluded(605)
    assert not await exclusions.is_excluded(2**40)
    assert await exclusions.excluded_ids() == {603, 604}
