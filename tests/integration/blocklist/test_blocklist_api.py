"""/api/v3/blocklist on SQLite and PostgreSQL: pages and filters, per film, removal one by one and in
bulk, ClearBlocklist, bad input in Radarr's shapes, and a deleted film's entries going with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from reelarr.blocklist.model import NewBlocklistEntry
from reelarr.languages import lang
from reelarr.protocols import DownloadProtocol
from reelarr.quality.catalogue import quality_by_name
from reelarr.quality.revision import QualityModel
from tests.integration.movies.conftest import Library
from tests.support.waiting import eventually

HD_1080P = 4
START = datetime(2026, 11, 1, tzinfo=UTC)


async def _add(library: Library, tmdb_id: int) -> int:
    body = {
        "tmdbId": tmdb_id,
        "qualityProfileId": HD_1080P,
        "rootFolderPath": str(library.root),
        "monitored": True,
    }
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _block(
    library: Library,
    movie_id: int,
    days: int,
    title: str,
    protocol: DownloadProtocol = DownloadProtocol.TORRENT,
) -> int:
    quality = quality_by_name("Bluray-1080p")
    assert quality is not None
    entry = await library.server.services.blocklist.add(
        NewBlocklistEntry(
            movie_id=movie_id,
            source_title=title,
            quality=QualityModel(quality),
            date=START + timedelta(days=days),
            protocol=protocol,
            published_date=START,
            size=8 * 1024**3,
            indexer="Fixture",
            message="Manually marked as failed",
            torrent_info_hash="AB" * 20 if protocol is DownloadProtocol.TORRENT else None,
            languages=(lang("English"),),
        )
    )
    return entry.id


async def _get(library: Library, path: str, **params: Any) -> Any:
    response = await library.server.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_pages_sorts_and_filters(library: Library) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    first = await _block(library, matrix, 0, "A")
    second = await _block(library, fight_club, 1, "B", DownloadProtocol.USENET)
    third = await _block(library, matrix, 2, "C")
    page = await _get(library, "/api/v3/blocklist")
    assert (page["page"], page["pageSize"], page["sortKey"], page["sortDirection"]) == (
        1,
        10,
        "date",
        "descending",
    )
    assert page["totalRecords"] == 3
    assert [r["id"] for r in page["records"]] == [third, second, first]
    record = page["records"][0]
    assert (record["movieId"], record["sourceTitle"], record["protocol"], record["indexer"]) == (
        matrix,
        "C",
        "torrent",
        "Fixture",
    )
    assert record["message"] == "Manually marked as failed"
    assert record["quality"]["quality"]["name"] == "Bluray-1080p"
    assert [language["name"] for language in record["languages"]] == ["English"]
    assert record["customFormats"] == []
    assert record["date"] == "2026-11-03T00:00:00Z"
    assert record["movie"]["tmdbId"] == 603
    ascending = await _get(library, "/api/v3/blocklist", sortKey="sourceTitle", sortDirection="ascending")
    assert [r["sourceTitle"] for r in ascending["records"]] == ["A", "B", "C"]
    second_page = await _get(library, "/api/v3/blocklist", page=2, pageSize=2)
    assert [r["id"] for r in second_page["records"]] == [first]
    assert (await _get(library, "/api/v3/blocklist", page=3, pageSize=2))["records"] == []
    by_film = await _get(library, "/api/v3/blocklist", movieIds=fight_club)
    assert [r["id"] for r in by_film["records"]] == [second]
    by_protocol = await _get(library, "/api/v3/blocklist", protocols="torrent")
    assert [r["id"] for r in by_protocol["records"]] == [third, first]
    by_number = await _get(library, "/api/v3/blocklist", protocols=1)
    assert [r["id"] for r in by_number["records"]] == [second]
    unknown_key = await _get(library, "/api/v3/blocklist", sortKey="nonsense")
    assert unknown_key["sortKey"] == "date"


async def test_a_films_blocklist_leaves_the_film_out(library: Library) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    first = await _block(library, matrix, 0, "A")
    second = await _block(library, matrix, 1, "B")
    await _block(library, fight_club, 2, "C")
    records = await _get(library, "/api/v3/blocklist/movie", movieId=matrix)
    assert [r["id"] for r in records] == [second, first]
    assert all("movie" not in r for r in records)
    assert await _get(library, "/api/v3/blocklist/movie", movieId=999) == []


async def test_removing_one_and_several(library: Library) -> None:
    matrix = await _add(library, 603)
    ids = [await _block(library, matrix, day, f"T{day}") for day in range(4)]
    client = library.server.client
    assert (await client.delete(f"/api/v3/blocklist/{ids[0]}")).status_code == 200
    missing = await client.delete(f"/api/v3/blocklist/{ids[0]}")
    assert missing.status_code == 404
    assert "message" in missing.json()
    assert (await client.delete("/api/v3/blocklist/99999999999")).status_code == 404
    response = await client.request("DELETE", "/api/v3/blocklist/bulk", json={"ids": [ids[1], ids[2], 12345]})
    assert response.status_code == 200, response.text
    left = await _get(library, "/api/v3/blocklist")
    assert [r["id"] for r in left["records"]] == [ids[3]]


async def test_clear_blocklist_empties_it(library: Library) -> None:
    matrix = await _add(library, 603)
    await _block(library, matrix, 0, "A")
    await _block(library, matrix, 1, "B")
    client = library.server.client
    queued = await client.post("/api/v3/command", json={"name": "ClearBlocklist"})
    assert queued.status_code == 201, queued.text

    async def emptied() -> bool | None:
        return (await _get(library, "/api/v3/blocklist"))["totalRecords"] == 0 or None

    await eventually(emptied)


async def test_bad_input_is_refused_in_radarrs_shape(library: Library) -> None:
    client = library.server.client
    for params in ({"movieIds": "x"}, {"protocols": "carrier-pigeon"}, {"page": 0}, {"sortDirection": "up"}):
        response = await client.get("/api/v3/blocklist", params=params)
        assert response.status_code == 400, params
        [failure] = response.json()
        assert {"propertyName", "errorMessage"} <= failure.keys()
    assert (await client.get("/api/v3/blocklist/movie", params={"movieId": 0})).status_code == 400
    assert (await client.get("/api/v3/blocklist/movie")).status_code == 400
    bad_ids = await client.request("DELETE", "/api/v3/blocklist/bulk", json={"ids": ["x"]})
    assert bad_ids.status_code == 400
    too_big = await client.request("DELETE", "/api/v3/blocklist/bulk", json={"ids": [2**40]})
    assert too_big.status_code == 400
    no_body = await client.request("DELETE", "/api/v3/blocklist/bulk")
    assert no_body.status_code == 400
    assert (await client.get("/api/v3/blocklist", params={"protocols": "9"})).status_code == 400


async def test_a_deleted_films_blocklist_goes_with_it(library: Library) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    await _block(library, matrix, 0, "A")
    kept = await _block(library, fight_club, 1, "B")
    response = await library.server.client.delete(f"/api/v3/movie/{matrix}")
    assert response.status_code == 200, response.text
    page = await _get(library, "/api/v3/blocklist")
    assert [r["id"] for r in page["records"]] == [kept]
