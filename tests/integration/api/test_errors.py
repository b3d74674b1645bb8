"""Errors at the boundary: integers wider than the database are a 400 or 404, a 500 tells nothing inside."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text

from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import shared_server

HUGE = 99999999999999999999  # wider than 64 bits
INT32_PAST = 2**31  # fits SQLite, not PostgreSQL's INTEGER

server = shared_server()


@pytest.mark.parametrize("movie_id", [HUGE, INT32_PAST, -(2**63) - 1])
async def test_an_id_the_database_cannot_store_is_404(server: LiveServer, movie_id: int) -> None:
    response = await server.client.get(f"/api/v3/movie/{movie_id}")
    assert response.status_code == 404
    assert response.json() == {"message": "NotFound"}


async def test_an_id_past_32_bits_on_a_delete_is_404(server: LiveServer) -> None:
    assert (await server.client.delete(f"/api/v3/tag/{INT32_PAST}")).status_code == 404


async def test_a_body_integer_wider_than_the_column_is_a_validation_failure(server: LiveServer) -> None:
    profile = (await server.client.get("/api/v3/qualityprofile")).json()[0]
    response = await server.client.post(
        "/api/v3/qualityprofile", json={**profile, "id": 0, "name": "Wide", "cutoff": 1180591620717411303424}
    )
    assert response.status_code == 400
    [failure] = response.json()
    assert failure["propertyName"] == "cutoff"
    assert failure["attemptedValue"] == "1180591620717411303424"
    assert failure["errorCode"] == "LessThanOrEqualValidator"
    assert failure["errorMessage"] == "'cutoff' must be less than or equal to '2147483647'."


async def test_an_integer_in_a_list_names_its_position(server: LiveServer) -> None:
    response = await server.client.put("/api/v3/movie/editor", json={"movieIds": [1, HUGE]})
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == ["movieIds[1]"]


async def test_a_nested_integer_is_bounded(server: LiveServer) -> None:
    profile = (await server.client.get("/api/v3/qualityprofile")).json()[0]
    profile["items"][0]["quality"]["id"] = HUGE
    response = await server.client.put(f"/api/v3/qualityprofile/{profile['id']}", json=profile)
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "items[0].quality.id"


async def test_a_query_integer_past_32_bits_is_a_validation_failure(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/movie/import/suggestions", params={"rootFolderId": HUGE})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "rootFolderId"


async def test_a_paging_integer_past_32_bits_is_a_validation_failure(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/exclusions/paged", params={"pageSize": HUGE})
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "pageSize"


async def test_a_command_body_integer_past_32_bits_is_a_validation_failure(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json={"name": "RefreshMovie", "movieIds": [HUGE]})
    assert response.status_code == 400


async def test_a_huge_integer_where_another_type_belongs_is_echoed_safely(server: LiveServer) -> None:
    response = await server.client.request(
        "DELETE", "/api/v3/movie/editor", json={"movieIds": [], "addImportExclusion": 2**70}
    )
    assert response.status_code == 400
    assert response.json()[0]["attemptedValue"] == str(2**70)


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """Send one keep-alive GET on an open connection and read its whole answer; returns the status."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: reelarr\r\nX-Api-Key: {API_KEY}\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    length = next(int(h.split(":", 1)[1]) for h in head if h.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return int(head[0].split()[1])


async def test_an_unexpected_error_is_a_500_without_internals_and_the_connection_stays_open(
    server: LiveServer,
) -> None:
    async with server.services.db.write() as session:
        await session.execute(text("ALTER TABLE import_exclusions RENAME TO import_exclusions_gone"))
    try:
        response = await server.client.get("/api/v3/exclusions")
        assert response.status_code == 500
        message = response.json()["message"]
        assert "import_exclusions" not in message
        assert "Error" not in message
        assert "reference" in message

        url = urlsplit(server.url)
        reader, writer = await asyncio.open_connection(url.hostname, url.port)
        try:
            assert await _exchange(reader, writer, "/api/v3/exclusions") == 500
            assert await _exchange(reader, writer, "/api/v3/system/status") == 200
        finally:
            writer.close()
    finally:  # the module's server serves the next tests
        async with server.services.db.write() as session:
            await session.execute(text("ALTER TABLE import_exclusions_gone RENAME TO import_exclusions"))
