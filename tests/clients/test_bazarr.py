"""Bazarr's Radarr sync, replayed (API-COMPAT §6.1 suite F).

From morpheus65535/bazarr `bazarr/radarr/` (info.py, sync/utils.py, sync/parser.py, notify.py,
history.py) and `app/ui.py`: every call carries `?apikey=`.

* Version: GET `/api/system/status`; if the body is JSON with a `version` that is it, if it is not
  JSON at all Bazarr asks `/api/v3/system/status`; JSON without `version` reaches a bare
  `raise JSONDecodeError` (a TypeError) and the version becomes "unknown". `0.` is legacy,
  `0.`/`3.` deprecated; semver wants three or more numeric parts.
* Sync: GET `/api/v3/movie`, and for each movie with a `movieFile`: `images[0].url` as the poster
  (shown through `/api/v3/MediaCover/{id}/poster-500.jpg`), `images[1].url` as fanart,
  `movieFile.{id, path, size, sceneName, languages[].name}`, `movieFile.quality.quality.name`
  split on `-` into format and resolution, `movieFile.mediaInfo.{videoCodec, audioCodec}`, and
  `title, sortTitle, year, tmdbId, imdbId, monitored, tags, overview, alternateTitles[].title`.
  Profiles: GET `/api/v3/qualityprofile` (`language.name`); tags: GET `/api/v3/tag`.
* After saving a subtitle: POST `/api/v3/command` `{name: "RescanMovie", movieId}`.
* Release names: GET `/api/v3/history?eventType=1&movieIds={id}`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.clients.conftest import Library, add_film, add_film_with_file, settled
from tests.fixtures.media import MediaKind, SampleMedia
from tests.support.live import API_KEY
from tests.support.waiting import eventually

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


@pytest.fixture
async def bazarr(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """Bazarr's requests: the server's root, `?apikey=` on every call."""
    async with httpx.AsyncClient(
        base_url=library.server.url, params={"apikey": API_KEY}, timeout=30
    ) as client:
        yield client


async def _bazarr_version(bazarr: httpx.AsyncClient) -> str:
    """What Bazarr's GetRadarrInfo.version() ends with, given the server's answers."""
    first = await bazarr.get("/api/system/status")
    try:
        body = first.json()
    except ValueError:
        body = None
    if body is None:
        version: str = (await bazarr.get("/api/v3/system/status")).json()["version"]
        return version
    if isinstance(body, dict) and "version" in body:
        return str(body["version"])
    return "unknown"


# --- version ----------------------------------------------------------------------------------


async def test_version_probe_learns_the_radarr_version(bazarr: httpx.AsyncClient) -> None:
    status = (await bazarr.get("/api/v3/system/status")).json()
    assert await _bazarr_version(bazarr) == status["version"]


async def test_v3_version_is_neither_legacy_nor_deprecated_and_parses_as_semver(
    bazarr: httpx.AsyncClient,
) -> None:
    version = (await bazarr.get("/api/v3/system/status")).json()["version"]
    assert not version.startswith(("0.", "3."))
    parts = version.split(".")
    assert len(parts) >= 3
    assert all(part.isdigit() for part in parts)


# --- sync -------------------------------------------------------------------------------------


async def test_profiles_carry_the_language_name_bazarr_reads(bazarr: httpx.AsyncClient) -> None:
    profiles = (await bazarr.get("/api/v3/qualityprofile")).json()
    assert profiles
    assert all(profile["language"]["name"] for profile in profiles)


async def test_movie_sync_reads_a_movie_and_its_file(
    bazarr: httpx.AsyncClient, library: Library, sample_media: SampleMedia
) -> None:
    added = await add_film_with_file(library, sample_media, 603, RELEASE)
    path = library.root / "The Matrix (1999)" / f"{RELEASE}.mkv"
    [movie] = (await bazarr.get("/api/v3/movie")).json()
    assert movie["id"] == added["id"]
    assert (movie["title"], movie["sortTitle"], movie["year"]) == ("The Matrix", "matrix", 1999)
    assert (movie["tmdbId"], movie["imdbId"], movie["monitored"], movie["tags"]) == (
        603,
        "tt0133093",
        True,
        [],
    )
    assert movie["overview"]
    assert movie["alternateTitles"]
    assert all(isinstance(t["title"], str) for t in movie["alternateTitles"])
    assert [image["coverType"] for image in movie["images"][:2]] == ["poster", "fanart"]
    file = movie["movieFile"]
    assert (file["id"], file["path"], file["size"]) == (movie["movieFileId"], str(path), path.stat().st_size)
    assert file["sceneName"] == RELEASE
    video_format, resolution = file["quality"]["quality"]["name"].split("-")
    assert (video_format, resolution) == ("Bluray", "1080p")
    assert file["mediaInfo"]["videoCodec"] == "x264"
    assert all(isinstance(language["name"], str) for language in file["languages"])


async def test_movie_without_a_file_has_no_movie_file_for_bazarr_to_skip_on(
    bazarr: httpx.AsyncClient, library: Library
) -> None:
    added = await add_film(library, 550)
    movie = await settled(library, added["id"])
    assert movie["hasFile"] is False
    assert "movieFile" not in movie


async def test_poster_proxy_gets_the_500_pixel_poster_through_the_api(
    bazarr: httpx.AsyncClient, library: Library
) -> None:
    added = await add_film(library, 603)

    async def cached() -> bool:
        poster = (await bazarr.get(f"/api/v3/movie/{added['id']}")).json()["images"][0]["url"]
        return "lastWrite=" in poster

    await eventually(cached, within=30)
    response = await bazarr.get(f"/api/v3/MediaCover/{added['id']}/poster-500.jpg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.content[:3] == b"\xff\xd8\xff"


# --- notifications and history ----------------------------------------------------------------


async def test_rescan_movie_notification_picks_up_a_new_file(
    bazarr: httpx.AsyncClient, library: Library, sample_media: SampleMedia
) -> None:
    added = await add_film(library, 603)
    await settled(library, added["id"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN, library.root / "The Matrix (1999)" / f"{RELEASE}.mkv")
    response = await bazarr.post("/api/v3/command", json={"name": "RescanMovie", "movieId": added["id"]})
    assert response.status_code == 201
    assert (await settled(library, added["id"]))["hasFile"] is True


async def test_grab_history_of_a_movie(bazarr: httpx.AsyncClient, library: Library) -> None:
    added = await add_film(library, 603)
    response = await bazarr.get("/api/v3/history", params={"eventType": 1, "movieIds": added["id"]})
    assert response.status_code == 200
    assert response.json()["records"] == []
