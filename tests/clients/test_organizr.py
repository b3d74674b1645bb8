"""Organizr's Radarr homepage items, replayed (API-COMPAT §6.1 suite F).

From causefx/Organizr `api/homepage/radarr.php` and its vendored Kryptonit3 client (type
`radarr`): header `X-Api-Key`; before every request it GETs `/api/system/status?` (no version)
and ignores whatever comes back, then calls `/api/v3/{uri}?{query}` (an empty query still
leaves the `?`). "Test Connection" reads the root folders; the calendar sends `start`/`end` as
yyyy-MM-dd and `unmonitored=true` only when "Show Unmonitored" is on, and formats each item from
`title`, `tmdbId`, the three release dates, `hasFile`, `images[].coverType/url`,
`alternateTitles[].title`, `status`, `overview`, `runtime`, `genres`, `year` and `studio`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.clients.conftest import Library, add_film
from tests.support.live import API_KEY


@pytest.fixture
async def organizr(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """Guzzle with the key header, on the server's root."""
    async with httpx.AsyncClient(
        base_url=library.server.url, headers={"X-Api-Key": API_KEY}, timeout=30
    ) as c:
        yield c


async def test_pre_flight_status_without_a_version_is_a_404_it_ignores(organizr: httpx.AsyncClient) -> None:
    response = await organizr.get("/api/system/status?")
    assert response.status_code == 404


async def test_test_connection_reads_root_folders_as_a_json_list(
    organizr: httpx.AsyncClient, library: Library
) -> None:
    response = await organizr.get("/api/v3/rootfolder?")
    assert response.status_code == 200
    folders = response.json()
    assert isinstance(folders, list)
    assert [f["path"] for f in folders] == [str(library.root)]


async def test_calendar_items_carry_every_field_organizr_formats(
    organizr: httpx.AsyncClient, library: Library
) -> None:
    await add_film(library, 603)
    response = await organizr.get("/api/v3/calendar?start=1999-03-01&end=1999-12-31&unmonitored=true")
    assert response.status_code == 200
    [item] = response.json()
    assert (item["title"], item["tmdbId"], item["year"], item["hasFile"]) == ("The Matrix", 603, 1999, False)
    assert {"inCinemas", "physicalRelease", "digitalRelease"} <= item.keys()
    assert {"fanart", "poster"} <= {image["coverType"] for image in item["images"]}
    assert all(image["url"] for image in item["images"])
    assert item["alternateTitles"]
    assert all(t["title"] for t in item["alternateTitles"])
    assert item["status"] == "released"
    assert item["overview"]
    assert item["runtime"] == 136
    assert item["genres"]
    assert item["studio"]


async def test_calendar_without_the_unmonitored_parameter_hides_unmonitored_films(
    organizr: httpx.AsyncClient, library: Library
) -> None:
    await add_film(library, 603, monitored=False)
    assert (await organizr.get("/api/v3/calendar?start=1999-03-01&end=1999-12-31")).json() == []
