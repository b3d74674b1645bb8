"""Overseerr and Jellyseerr, replayed (API-COMPAT §6.1 suite F; §2).

Written from sct/overseerr and Fallenbagel/jellyseerr `server/api/servarr/{base,radarr}.ts`:
axios (Jellyseerr: fetch) on `{url}/api/v3` with `?apikey=` on every request and no key header.

* Settings "Test": system status (urlBase stored), `/qualityProfile` (camel case), `/rootfolder`,
  `/tag`; per-user tags are created with POST `/tag` (`"1 - alice"`).
* A request: lookup `tmdb:<id>`; `hasFile` → done; an `id` but not monitored → PUT `/movie` (no id
  in the path) with the lookup object plus the request's fields, then `MoviesSearch` when
  searching; an `id` → already monitored; else POST `/movie` with the minimal body (no images,
  no path), success iff the answer has an `id`.
* Scanner and availability sync: GET `/movie` (all, and `?tmdbId=`), GET `/movie/{id}` (a 404
  means the film was removed); download sync: GET `/queue` (`includeEpisode=true`; Jellyseerr
  adds `pageSize=1000`) and Jellyseerr's `RefreshMonitoredDownloads` command.
* Jellyseerr's "remove from Radarr": lookup, then
  DELETE `/movie/{id}?deleteFiles=true&addImportExclusion=false`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.clients.conftest import HD_1080P, Library, add_film_with_file
from tests.fixtures.media import SampleMedia
from tests.support.live import API_KEY
from tests.support.waiting import eventually


@pytest.fixture
async def overseerr(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """Overseerr's Radarr client: base `{url}/api/v3`, the key only in the `apikey` query."""
    async with httpx.AsyncClient(
        base_url=f"{library.server.url}/api/v3",
        params={"apikey": API_KEY},
        headers={"Accept": "application/json, text/plain, */*"},
        timeout=30,
    ) as client:
        yield client


def _request_options(library: Library, movie: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """The RadarrMovieOptions of a request for `movie` (a lookup result), as Overseerr builds them."""
    return {
        "title": movie["title"],
        "qualityProfileId": HD_1080P,
        "profileId": HD_1080P,
        "titleSlug": str(movie["tmdbId"]),
        "minimumAvailability": "released",
        "tmdbId": movie["tmdbId"],
        "year": movie["year"],
        "rootFolderPath": str(library.root),
        "monitored": True,
        "tags": [],
        "addOptions": {"searchForMovie": False},
        **overrides,
    }


async def _lookup(overseerr: httpx.AsyncClient, tmdb_id: int) -> dict[str, Any]:
    response = await overseerr.get("/movie/lookup", params={"term": f"tmdb:{tmdb_id}"})
    assert response.status_code == 200, response.text
    first: dict[str, Any] = response.json()[0]
    return first


async def _request(overseerr: httpx.AsyncClient, library: Library, tmdb_id: int, **overrides: Any) -> int:
    """Overseerr's path for a film that is not in Radarr: lookup, then POST the minimal body."""
    movie = await _lookup(overseerr, tmdb_id)
    assert not movie.get("id")
    response = await overseerr.post("/movie", json=_request_options(library, movie, **overrides))
    assert response.status_code == 201, response.text
    movie_id: int = response.json()["id"]
    return movie_id


# --- settings "Test" --------------------------------------------------------------------------


async def test_settings_test_reads_system_status_with_the_apikey_query(overseerr: httpx.AsyncClient) -> None:
    response = await overseerr.get("/system/status")
    assert response.status_code == 200
    status = response.json()
    assert status["urlBase"] == ""
    assert status["version"]


async def test_a_wrong_apikey_query_is_a_401_with_an_empty_body(library: Library) -> None:
    async with httpx.AsyncClient(base_url=f"{library.server.url}/api/v3", params={"apikey": "0" * 32}) as bad:
        response = await bad.get("/system/status")
    assert response.status_code == 401
    assert response.content == b""


async def test_quality_profiles_on_the_camel_case_path(overseerr: httpx.AsyncClient) -> None:
    response = await overseerr.get("/qualityProfile")
    assert response.status_code == 200
    profiles = {p["id"]: p["name"] for p in response.json()}
    assert profiles[HD_1080P] == "HD-1080p"


async def test_root_folders_give_id_path_and_free_space(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    [folder] = (await overseerr.get("/rootfolder")).json()
    assert isinstance(folder["id"], int)
    assert folder["path"] == str(library.root)
    assert folder["freeSpace"] > 0
    assert folder["unmappedFolders"] == []


async def test_per_user_tag_is_created_once_and_listed(overseerr: httpx.AsyncClient) -> None:
    created = await overseerr.post("/tag", json={"label": "1 - alice"})
    assert created.status_code == 201
    tag = created.json()
    assert tag["id"] > 0
    again = await overseerr.post("/tag", json={"label": "1 - alice"})
    assert again.json()["id"] == tag["id"]
    assert (await overseerr.get("/tag")).json() == [tag]


# --- requests ---------------------------------------------------------------------------------


async def test_request_of_a_new_film_posts_the_minimal_body_and_gets_an_id(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie = await _lookup(overseerr, 550)
    assert not movie.get("id")
    assert not movie.get("hasFile")
    response = await overseerr.post("/movie", json=_request_options(library, movie))
    assert response.status_code == 201
    added = response.json()
    assert added["id"] > 0
    assert added["tmdbId"] == 550
    assert added["path"] == str(library.root / "Fight Club (1999)")
    assert added["images"], "the server fetched the artwork from TMDB itself"


async def test_request_with_search_queues_a_movies_search(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550, addOptions={"searchForMovie": True})

    async def searched() -> bool:
        commands = (await overseerr.get("/command")).json()
        return any(c["name"] == "MoviesSearch" and c["body"].get("movieIds") == [movie_id] for c in commands)

    await eventually(searched)


async def test_request_with_a_user_tag_tags_the_film(overseerr: httpx.AsyncClient, library: Library) -> None:
    tag = (await overseerr.post("/tag", json={"label": "1 - alice"})).json()
    movie_id = await _request(overseerr, library, 550, tags=[tag["id"]])
    assert (await overseerr.get(f"/movie/{movie_id}")).json()["tags"] == [tag["id"]]


async def test_request_of_a_monitored_library_film_is_seen_as_already_monitored(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550)
    movie = await _lookup(overseerr, 550)
    assert movie["id"] == movie_id
    assert movie["monitored"] is True
    assert movie["hasFile"] is False


async def test_request_of_a_film_on_disk_is_seen_as_already_available(
    overseerr: httpx.AsyncClient, library: Library, sample_media: SampleMedia
) -> None:
    added = await add_film_with_file(library, sample_media, 550, "Fight.Club.1999.1080p.BluRay.x264-GRP")
    movie = await _lookup(overseerr, 550)
    assert movie["id"] == added["id"]
    assert movie["hasFile"] is True


async def test_request_of_an_unmonitored_library_film_is_monitored_by_put_without_an_id(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550, monitored=False)
    movie = await _lookup(overseerr, 550)
    assert (movie["id"], movie["monitored"]) == (movie_id, False)
    body = {**movie, **_request_options(library, movie, addOptions={"searchForMovie": True})}
    response = await overseerr.put("/movie", json=body)
    assert response.status_code == 202
    assert (response.json()["id"], response.json()["monitored"]) == (movie_id, True)
    assert (await overseerr.get(f"/movie/{movie_id}")).json()["monitored"] is True


async def test_search_after_monitoring_is_accepted_as_a_movies_search_command(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550)
    response = await overseerr.post("/command", json={"name": "MoviesSearch", "movieIds": [movie_id]})
    assert response.status_code == 201
    assert response.json()["name"] == "MoviesSearch"
    assert response.json()["body"]["movieIds"] == [movie_id]


async def test_request_of_a_film_already_added_is_the_400_array(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie = await _lookup(overseerr, 550)
    await overseerr.post("/movie", json=_request_options(library, movie))
    response = await overseerr.post("/movie", json=_request_options(library, movie))
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "This movie has already been added"


# --- scanner and availability sync ------------------------------------------------------------


async def test_scanner_reads_the_library_with_the_fields_it_keys_on(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550)
    [movie] = (await overseerr.get("/movie")).json()
    assert movie["id"] == movie_id
    assert (movie["tmdbId"], movie["titleSlug"]) == (550, "550")
    assert (movie["monitored"], movie["hasFile"]) == (True, False)


async def test_scanner_finds_one_film_by_tmdb_id(overseerr: httpx.AsyncClient, library: Library) -> None:
    movie_id = await _request(overseerr, library, 550)
    await _request(overseerr, library, 603)
    assert [m["id"] for m in (await overseerr.get("/movie", params={"tmdbId": 550})).json()] == [movie_id]
    assert (await overseerr.get("/movie", params={"tmdbId": 27205})).json() == []


async def test_availability_sync_sees_a_removed_film_as_a_404(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    movie_id = await _request(overseerr, library, 550)
    assert (await overseerr.get(f"/movie/{movie_id}")).status_code == 200
    await library.server.client.delete(f"/api/v3/movie/{movie_id}")
    assert (await overseerr.get(f"/movie/{movie_id}")).status_code == 404


async def test_download_sync_reads_the_queue_records(overseerr: httpx.AsyncClient) -> None:
    response = await overseerr.get("/queue", params={"includeEpisode": "true"})
    assert response.status_code == 200
    assert response.json()["records"] == []


async def test_jellyseerr_download_sync_reads_a_thousand_item_queue_page(
    overseerr: httpx.AsyncClient,
) -> None:
    response = await overseerr.get("/queue", params={"includeEpisode": "true", "pageSize": "1000"})
    assert response.status_code == 200
    assert response.json()["pageSize"] == 1000


async def test_jellyseerr_refresh_monitored_downloads_is_accepted(overseerr: httpx.AsyncClient) -> None:
    response = await overseerr.post("/command", json={"name": "RefreshMonitoredDownloads"})
    assert response.status_code == 201


# --- Jellyseerr: remove from Radarr -----------------------------------------------------------


async def test_jellyseerr_remove_deletes_the_film_and_its_files_without_an_exclusion(
    overseerr: httpx.AsyncClient, library: Library
) -> None:
    await _request(overseerr, library, 550)
    folder = library.root / "Fight Club (1999)"
    folder.mkdir()
    (folder / "Fight Club (1999).mkv").write_bytes(b"\0" * 16)
    movie = await _lookup(overseerr, 550)
    response = await overseerr.delete(
        f"/movie/{movie['id']}", params={"deleteFiles": "true", "addImportExclusion": "false"}
    )
    assert response.status_code == 200
    assert (await overseerr.get("/movie")).json() == []
    assert not folder.exists()
    assert (await overseerr.get("/exclusions")).json() == []
