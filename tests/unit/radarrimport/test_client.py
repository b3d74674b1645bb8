"""Reading Radarr: what a wrong key, an old Radarr, an error or garbage turn into."""

from __future__ import annotations

import httpx
import pytest

from reelarr.radarrimport.client import ImportFailed, RadarrClient
from tests.fixtures.radarr import data

URL = "http://radarr.test:7878"


def client(handler: httpx.MockTransport) -> RadarrClient:
    return RadarrClient(URL, data.API_KEY, transport=handler)


def answering(status: int = 200, body: object = None, text: str | None = None) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.headers["X-Api-Key"] == data.API_KEY
        if text is not None:
            return httpx.Response(status, text=text)
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handle)


async def test_status_gives_the_version() -> None:
    radarr = client(answering(body=data.status()))
    assert (await radarr.status()).version == data.VERSION
    await radarr.aclose()


async def test_a_wrong_key_says_so() -> None:
    radarr = client(answering(401))
    with pytest.raises(ImportFailed, match=f"Radarr at {URL} refused the API key"):
        await radarr.status()


async def test_radarr_older_than_4_is_refused() -> None:
    radarr = client(answering(body={**data.status(), "version": "3.2.2.5080"}))
    with pytest.raises(ImportFailed, match=r"version 3\.2\.2\.5080; importing needs Radarr 4 or later"):
        await radarr.status()


async def test_something_else_than_radarr_is_refused() -> None:
    radarr = client(answering(body={"app": "Sonarr"}))
    with pytest.raises(ImportFailed, match="does not answer like Radarr"):
        await radarr.status()


async def test_garbage_names_the_kind_and_the_url() -> None:
    radarr = client(answering(text="<html>starting</html>"))
    with pytest.raises(ImportFailed, match=f"Reading movies from Radarr at {URL} failed: .*not JSON"):
        await radarr.get_list("movies", "movie")


async def test_a_list_that_is_no_list_is_refused() -> None:
    radarr = client(answering(body={"page": 1}))
    with pytest.raises(ImportFailed, match=r"Reading tags from Radarr .* the answer is not a list"):
        await radarr.get_list("tags", "tag")


async def test_a_paged_resource_is_read_page_by_page_to_its_total() -> None:
    records = [{"id": i} for i in range(5)]
    pages: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["pageSize"])
        pages.append(request.url.params["page"])
        chunk = records[(page - 1) * size : page * size]
        return httpx.Response(200, json={"page": page, "totalRecords": len(records), "records": chunk})

    radarr = client(httpx.MockTransport(handle))
    assert await radarr.get_paged("history", "history", page_size=2) == records
    assert pages == ["1", "2", "3"]
    await radarr.aclose()


async def test_a_radarr_failing_on_a_later_page_fails_the_read() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            return httpx.Response(500, json={"message": "database is locked"})
        return httpx.Response(200, json={"page": 1, "totalRecords": 3, "records": [{"id": 1}, {"id": 2}]})

    radarr = client(httpx.MockTransport(handle))
    with pytest.raises(ImportFailed, match=f"Reading history from Radarr at {URL} failed: HTTP 500"):
        await radarr.get_paged("history", "history", page_size=2)
    await radarr.aclose()
