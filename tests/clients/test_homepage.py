"""Homepage's Radarr widget and calendar, replayed (API-COMPAT §6.1 suite F).

From gethomepage/homepage `src/widgets/radarr/widget.js` and `component.jsx`, and
`src/widgets/calendar/integrations/radarr.jsx`: every call is `{url}/api/v3/{endpoint}?apikey={key}`.
The widget shows wanted (monitored, no file, available), missing (monitored, no file) and the
queue's `totalCount`; it shows "API Error" for the whole widget when either call fails. The
calendar asks `calendar` with `start`, `end` (yyyy-MM-dd) and `unmonitored`, and reads `title`
and the three release dates with luxon's `DateTime.fromISO`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest

from tests.clients.conftest import Library, add_film, add_film_with_file
from tests.fixtures.media import SampleMedia
from tests.support.live import API_KEY


@pytest.fixture
async def homepage(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """Homepage's proxy: `{url}/api/v3/...?apikey=`."""
    async with httpx.AsyncClient(
        base_url=f"{library.server.url}/api/v3", params={"apikey": API_KEY}, timeout=30
    ) as client:
        yield client


async def test_movie_widget_counts_wanted_missing_and_all(
    homepage: httpx.AsyncClient, library: Library
) -> None:
    matrix = await add_film(library, 603)
    avatar = await add_film(library, 216527)
    fight_club = await add_film(library, 550, monitored=False)
    response = await homepage.get("/movie")
    assert response.status_code == 200
    movies = response.json()
    wanted = [m for m in movies if m["monitored"] and not m["hasFile"] and m["isAvailable"]]
    missing = [m for m in movies if m["monitored"] and not m["hasFile"]]
    assert [m["id"] for m in wanted] == [matrix["id"]]
    assert sorted(m["id"] for m in missing) == sorted([matrix["id"], avatar["id"]])
    assert sorted((m["title"], m["id"]) for m in movies) == sorted(
        (f["title"], f["id"]) for f in (matrix, avatar, fight_club)
    )


async def test_movie_widget_counts_films_on_disk_as_had(
    homepage: httpx.AsyncClient, library: Library, sample_media: SampleMedia
) -> None:
    on_disk = await add_film_with_file(library, sample_media, 603, "The.Matrix.1999.1080p.BluRay.x264-GRP")
    await add_film(library, 550)
    movies = (await homepage.get("/movie")).json()
    assert [m["id"] for m in movies if m["hasFile"]] == [on_disk["id"]]
    assert on_disk["id"] not in [m["id"] for m in movies if m["monitored"] and not m["hasFile"]]


async def test_movie_widget_reads_the_queue_total_count(homepage: httpx.AsyncClient) -> None:
    response = await homepage.get("/queue/status")
    assert response.status_code == 200
    assert response.json()["totalCount"] == 0


async def test_queue_list_reads_queue_details(homepage: httpx.AsyncClient) -> None:
    response = await homepage.get("/queue/details")
    assert response.status_code == 200
    assert response.json() == []


async def test_calendar_with_apikey_gives_iso_release_dates(
    homepage: httpx.AsyncClient, library: Library
) -> None:
    await add_film(library, 603)
    response = await homepage.get(
        "/calendar", params={"start": "1999-03-01", "end": "1999-12-31", "unmonitored": "false"}
    )
    assert response.status_code == 200
    [event] = response.json()
    assert event["title"] == "The Matrix"
    for kind in ("inCinemas", "physicalRelease", "digitalRelease"):
        assert datetime.fromisoformat(event[kind]).tzinfo is not None, kind


async def test_calendar_with_unmonitored_false_leaves_unmonitored_films_out(
    homepage: httpx.AsyncClient, library: Library
) -> None:
    await add_film(library, 603, monitored=False)
    window = {"start": "1999-03-01", "end": "1999-12-31"}
    assert (await homepage.get("/calendar", params={**window, "unmonitored": "false"})).json() == []
    assert len((await homepage.get("/calendar", params={**window, "unmonitored": "true"})).json()) == 1
