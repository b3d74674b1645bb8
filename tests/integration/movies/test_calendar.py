"""The calendar and its iCal feed: releases in a window, as HA, Homepage and calendar apps read them."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from tests.integration.movies.conftest import Library
from tests.support.live import API_KEY


async def _add(library: Library, tmdb_id: int, **overrides: Any) -> dict[str, Any]:
    body = {"tmdbId": tmdb_id, "qualityProfileId": 1, "rootFolderPath": str(library.root), **overrides}
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def test_movies_releasing_in_the_window(library: Library) -> None:
    await _add(library, 603)
    await _add(library, 545609)
    client = library.server.client
    matrix = (
        await client.get("/api/v3/calendar", params={"start": "1999-03-30", "end": "1999-04-01"})
    ).json()
    assert [m["title"] for m in matrix] == ["The Matrix"]
    assert matrix[0]["inCinemas"] == "1999-03-31T00:00:00Z"
    extraction = (
        await client.get("/api/v3/calendar", params={"start": "2020-04-24", "end": "2020-04-24"})
    ).json()
    assert [m["digitalRelease"] for m in extraction] == ["2020-04-24T00:00:00Z"]
    assert (
        await client.get("/api/v3/calendar", params={"start": "2001-01-01", "end": "2001-12-31"})
    ).json() == []


async def test_unmonitored_movies_only_on_request(library: Library) -> None:
    await _add(library, 603, monitored=False)
    params = {"start": "1999-01-01", "end": "1999-12-31"}
    client = library.server.client
    assert (await client.get("/api/v3/calendar", params=params)).json() == []
    shown = (await client.get("/api/v3/calendar", params={**params, "unmonitored": "True"})).json()
    assert [m["tmdbId"] for m in shown] == [603]


async def test_iso_datetimes_are_accepted_and_bad_dates_are_the_400_array(library: Library) -> None:
    await _add(library, 603)
    client = library.server.client
    found = await client.get(
        "/api/v3/calendar", params={"start": "1999-03-30T00:00:00Z", "end": "1999-04-01T00:00:00Z"}
    )
    assert [m["tmdbId"] for m in found.json()] == [603]
    bad = await client.get("/api/v3/calendar", params={"start": "yesterday"})
    assert bad.status_code == 400
    assert bad.json()[0]["propertyName"] == "start"


async def test_default_window_is_today_and_the_next_two_days(library: Library) -> None:
    await _add(library, 216527)  # only future dates, hundreds of days away
    assert (await library.server.client.get("/api/v3/calendar")).json() == []


async def test_tag_filter(library: Library) -> None:
    tag = (await library.server.client.post("/api/v3/tag", json={"label": "kids"})).json()
    await _add(library, 603, tags=[tag["id"]])
    await _add(library, 550)
    params = {"start": "1999-01-01", "end": "2000-12-31"}
    client = library.server.client
    assert len((await client.get("/api/v3/calendar", params=params)).json()) == 2
    tagged = (await client.get("/api/v3/calendar", params={**params, "tags": str(tag["id"])})).json()
    assert [m["tmdbId"] for m in tagged] == [603]


async def test_ical_feed_is_authenticated_by_apikey_and_lists_releases(library: Library) -> None:
    await _add(library, 545609)  # digital 2020-04-24
    past_days = (library.server.services.clock().date() - date(2020, 4, 20)).days
    async with httpx.AsyncClient(base_url=library.server.url) as anonymous:
        assert (await anonymous.get("/feed/v3/calendar/Radarr.ics")).status_code == 401
        response = await anonymous.get(
            "/feed/v3/calendar/Radarr.ics", params={"apikey": API_KEY, "pastDays": past_days, "futureDays": 0}
        )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    text = response.text
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Extraction (Digital Release)" in text
    assert "DTSTART;VALUE=DATE:20200424" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


async def test_ical_feed_filters_release_types(library: Library) -> None:
    await _add(library, 545609)
    past_days = (library.server.services.clock().date() - date(2020, 4, 20)).days
    params = {"apikey": API_KEY, "pastDays": past_days, "releaseTypes": "physicalRelease"}
    async with httpx.AsyncClient(base_url=library.server.url) as anonymous:
        text = (await anonymous.get("/feed/v3/calendar/radarr.ics", params=params)).text
        bad = await anonymous.get(
            "/feed/v3/calendar/radarr.ics", params={**params, "releaseTypes": "tvRelease"}
        )
    assert "BEGIN:VEVENT" not in text
    assert bad.status_code == 400


async def test_ical_feed_clamps_windows_of_many_years_instead_of_refusing_them(library: Library) -> None:
    await _add(library, 603)  # in cinemas 1999-03-31
    async with httpx.AsyncClient(base_url=library.server.url) as anonymous:
        wide = await anonymous.get(
            "/feed/v3/calendar/radarr.ics",
            params={"apikey": API_KEY, "pastDays": 20000, "futureDays": 400000},
        )
        backwards = await anonymous.get(
            "/feed/v3/calendar/radarr.ics",
            params={"apikey": API_KEY, "pastDays": -5, "futureDays": 2**31 - 1},
        )
    assert wide.status_code == 200
    assert "DTSTART;VALUE=DATE:19990331" in wide.text
    assert backwards.status_code == 200
    assert "BEGIN:VEVENT" not in backwards.text
