"""/api/v3/history on SQLite and PostgreSQL: pages, filters, per film, since a date, and a deleted film's
history going with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from reelarr.history.model import HistoryEventType, NewHistory
from reelarr.languages import lang
from reelarr.quality.catalogue import quality_by_name
from reelarr.quality.revision import QualityModel
from tests.integration.movies.conftest import Library

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


async def _record(
    library: Library,
    movie_id: int,
    days: int,
    event: HistoryEventType,
    title: str,
    *,
    languages: tuple[str, ...] = ("English",),
    quality_name: str = "Bluray-1080p",
) -> int:
    quality = quality_by_name(quality_name)
    assert quality is not None
    entry = await library.server.services.history.record(
        NewHistory(
            movie_id=movie_id,
            event_type=event,
            source_title=title,
            quality=QualityModel(quality),
            date=START + timedelta(days=days),
            languages=tuple(lang(name) for name in languages),
            download_id=f"HASH{days}",
            data={"Indexer": "Fixture", "CustomFormatScore": "-5"},
        )
    )
    return entry.id


async def _get(library: Library, path: str, **params: Any) -> Any:
    response = await library.server.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_pages_filters_and_film_history(library: Library) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    first = await _record(library, matrix, 0, HistoryEventType.GRABBED, "A")
    second = await _record(library, fight_club, 1, HistoryEventType.DOWNLOAD_FAILED, "B")
    third = await _record(library, matrix, 2, HistoryEventType.GRABBED, "C")

    page = await _get(library, "/api/v3/history", pageSize=2)
    assert (page["totalRecords"], page["sortKey"], page["sortDirection"]) == (3, "date", "descending")
    assert [r["id"] for r in page["records"]] == [third, second]
    oldest = await _get(library, "/api/v3/history", page=2, pageSize=2)
    assert [r["id"] for r in oldest["records"]] == [first]
    record = page["records"][1]
    assert (record["eventType"], record["languages"], record["customFormatScore"]) == (
        "downloadFailed",
        [{"id": 1, "name": "English"}],
        -5,
    )
    assert record["data"] == {"indexer": "Fixture", "customFormatScore": "-5"}
    assert record["qualityCutoffNotMet"] is False

    by_type = await _get(library, "/api/v3/history", eventType="grabbed")
    assert [r["id"] for r in by_type["records"]] == [third, first]
    by_film = await _get(library, "/api/v3/history", movieIds=str(fight_club))
    assert [r["id"] for r in by_film["records"]] == [second]
    by_download = await _get(library, "/api/v3/history", downloadId="HASH2")
    assert [r["id"] for r in by_download["records"]] == [third]
    by_title = await _get(library, "/api/v3/history", sortKey="sourceTitle", sortDirection="ascending")
    assert [r["sourceTitle"] for r in by_title["records"]] == ["A", "B", "C"]

    film = await _get(library, "/api/v3/history/movie", movieId=matrix, eventType=1)
    assert [r["id"] for r in film] == [third, first]
    since = await _get(library, "/api/v3/history/since", date="2026-11-02T00:00:00Z", includeMovie="true")
    assert [r["id"] for r in since] == [second, third]
    assert since[0]["movie"]["tmdbId"] == 550


async def test_language_and_quality_filters_and_the_movie_sort_as_radarrs_ui_sends_them(
    library: Library,
) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    english = await _record(library, matrix, 0, HistoryEventType.GRABBED, "A")
    two = ("French", "English")
    french = await _record(
        library, fight_club, 1, HistoryEventType.GRABBED, "B", languages=two, quality_name="HDTV-720p"
    )
    german = await _record(library, matrix, 2, HistoryEventType.GRABBED, "C", languages=("German",))
    # The list as a compact writer spells it (orjson, no spaces) is matched as well.
    compact = f"[{lang('French').id},{lang('English').id}]"
    async with library.server.services.db.write() as session:
        await session.execute(
            text("UPDATE history SET languages = :compact WHERE id = :id"), {"compact": compact, "id": french}
        )

    def ids(page: dict[str, Any]) -> list[int]:
        return [r["id"] for r in page["records"]]

    french_id, german_id = lang("French").id, lang("German").id
    assert ids(await _get(library, "/api/v3/history", languages=french_id)) == [french]
    assert ids(await _get(library, "/api/v3/history", languages=lang("English").id)) == [french, english]
    assert ids(await _get(library, "/api/v3/history", languages=[french_id, german_id])) == [german, french]
    hdtv = quality_by_name("HDTV-720p")
    assert hdtv is not None
    by_quality = await _get(library, "/api/v3/history", quality=hdtv.id)
    assert (ids(by_quality), by_quality["totalRecords"]) == ([french], 1)
    by_film = await _get(
        library, "/api/v3/history", sortKey="movieMetadata.sortTitle", sortDirection="ascending"
    )
    assert by_film["sortKey"] == "movieMetadata.sortTitle"
    assert [r["movieId"] for r in by_film["records"]] == [fight_club, matrix, matrix]


async def test_bad_filters_are_400s(library: Library) -> None:
    client = library.server.client
    for path, params in [
        ("/api/v3/history", {"eventType": "party"}),
        ("/api/v3/history", {"movieIds": "99999999999999999999"}),
        ("/api/v3/history/since", {"date": "yesterday"}),
        ("/api/v3/history/movie", {"movieId": "0"}),
        ("/api/v3/history", {"languages": "french"}),
        ("/api/v3/history", {"quality": "99999999999"}),
    ]:
        response = await client.get(path, params=params)
        assert response.status_code == 400, (path, params, response.text)
        assert isinstance(response.json(), list)


async def test_a_deleted_films_history_goes_with_it(library: Library) -> None:
    matrix, fight_club = await _add(library, 603), await _add(library, 550)
    await _record(library, matrix, 0, HistoryEventType.GRABBED, "A")
    kept = await _record(library, fight_club, 1, HistoryEventType.GRABBED, "B")
    response = await library.server.client.delete(f"/api/v3/movie/{matrix}")
    assert response.status_code == 200
    page = await _get(library, "/api/v3/history")
    assert [r["id"] for r in page["records"]] == [kept]
