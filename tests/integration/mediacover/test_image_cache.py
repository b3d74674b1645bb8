"""The cover cache against the fixture TMDB's image CDN: download, resize, re-check, fail softly."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image as Picture

from reelarr.mediacover import CoverOutcome, ImageCache
from reelarr.metadata import CoverType, Image, TmdbClient, TmdbConfig
from reelarr.remote import RemoteRegistry
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.waiting import eventually

from .conftest import FANART_FILE, LOGO_FILE, POSTER_FILE, RecordingTransport

MOVIE = 42
Images = tuple[Image, ...]


def cdn_bytes(tmdb: TmdbFixtureServer, file: str) -> bytes:
    rendered = tmdb.images.render("original", file)
    assert rendered is not None
    return rendered.body


def covers(cache: ImageCache, movie_id: int = MOVIE) -> Path:
    return cache.root / str(movie_id)


def visible_files(folder: Path) -> set[str]:
    return (
        {path.name for path in folder.iterdir() if not path.name.startswith(".")}
        if folder.exists()
        else set()
    )


def leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.glob(".*.tmp")] if folder.exists() else []


def requested(tmdb: TmdbFixtureServer, file: str, *, times: int) -> Callable[[], Awaitable[bool]]:
    async def probe() -> bool:
        return tmdb.count(f"/t/p/original{file}") >= times

    return probe


def size_of(path: Path) -> tuple[int, int]:
    with Picture.open(path) as picture:
        return picture.size


# -- download and resize ----------------------------------------------------------------------------


async def test_covers_are_downloaded_with_radarrs_smaller_copies(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    result = await cache.ensure(MOVIE, matrix_images)

    assert dict(result.outcomes) == {
        "poster": CoverOutcome.DOWNLOADED,
        "fanart": CoverOutcome.DOWNLOADED,
        "clearlogo": CoverOutcome.DOWNLOADED,
    }
    assert result.updated
    folder = covers(cache)
    assert visible_files(folder) == {
        "poster.jpg",
        "poster-500.jpg",
        "poster-250.jpg",
        "fanart.jpg",
        "fanart-360.jpg",
        "fanart-180.jpg",
        "clearlogo.png",
    }
    assert (folder / "poster.jpg").read_bytes() == cdn_bytes(tmdb_server, POSTER_FILE)
    assert (folder / "clearlogo.png").read_bytes() == cdn_bytes(tmdb_server, LOGO_FILE)
    assert size_of(folder / "poster.jpg") == (600, 900)
    assert size_of(folder / "poster-500.jpg") == (333, 500)
    assert size_of(folder / "poster-250.jpg") == (167, 250)
    assert size_of(folder / "fanart-360.jpg") == (640, 360)
    assert size_of(folder / "fanart-180.jpg") == (320, 180)


async def test_the_images_json_points_at_the_cached_files(cache: ImageCache, matrix_images: Images) -> None:
    assert all("lastWrite" not in link["url"] for link in cache.links(MOVIE, matrix_images))
    await cache.ensure(MOVIE, matrix_images)
    links = cache.links(MOVIE, matrix_images)
    assert [link["url"].split("?")[0] for link in links] == [
        f"/MediaCover/{MOVIE}/poster.jpg",
        f"/MediaCover/{MOVIE}/fanart.jpg",
        f"/MediaCover/{MOVIE}/clearlogo.png",
    ]
    assert all(link["url"].split("?")[1].startswith("lastWrite=") for link in links)
    assert [link["remoteUrl"] for link in links] == [image.remote_url for image in matrix_images]


async def test_covers_of_a_movie_from_the_tmdb_client(
    cache: ImageCache, registry: RemoteRegistry, tmdb_server: TmdbFixtureServer
) -> None:
    config = TmdbConfig(
        api_key=tmdb_server.api_key, api_url=tmdb_server.api_url, image_url=tmdb_server.image_url
    )
    movie = await TmdbClient.from_registry(registry, config).movie(603)
    result = await cache.ensure(MOVIE, movie.images)
    assert set(result.outcomes.values()) == {CoverOutcome.DOWNLOADED}
    assert {"poster.jpg", "fanart.jpg"} <= visible_files(covers(cache))


# -- no second download -----------------------------------------------------------------------------


async def test_an_unchanged_cover_is_not_downloaded_again(
    cache: ImageCache, matrix_images: Images, transport: RecordingTransport
) -> None:
    await cache.ensure(MOVIE, matrix_images)
    poster = covers(cache) / "poster.jpg"
    written = poster.stat().st_mtime_ns
    links = cache.links(MOVIE, matrix_images)
    transport.exchanges.clear()

    result = await cache.ensure(MOVIE, matrix_images)

    assert set(result.outcomes.values()) == {CoverOutcome.UNCHANGED}
    assert not result.updated
    assert transport.statuses() == [304, 304, 304]  # one conditional request each, no body
    assert all("if-none-match" in request.headers for request, _ in transport.exchanges)
    assert poster.stat().st_mtime_ns == written
    assert cache.links(MOVIE, matrix_images) == links


async def test_the_same_bytes_without_validators_leave_the_file_alone(
    cache: ImageCache, matrix_images: Images
) -> None:
    await cache.ensure(MOVIE, matrix_images[:1])
    poster = covers(cache) / "poster.jpg"
    written = poster.stat().st_mtime_ns
    (covers(cache) / ".poster.jpg.source").unlink()

    result = await cache.ensure(MOVIE, matrix_images[:1])

    assert result.outcomes["poster"] is CoverOutcome.UNCHANGED
    assert poster.stat().st_mtime_ns == written


async def test_a_missing_smaller_copy_is_made_again_without_a_download(
    cache: ImageCache, matrix_images: Images, transport: RecordingTransport
) -> None:
    await cache.ensure(MOVIE, matrix_images)
    (covers(cache) / "poster-250.jpg").unlink()
    transport.exchanges.clear()
    await cache.ensure(MOVIE, matrix_images)
    assert size_of(covers(cache) / "poster-250.jpg") == (167, 250)
    assert 200 not in transport.statuses()


# -- changes ------------------------------------------------------------------------------------------


async def test_a_changed_remote_image_replaces_the_local_one(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    await cache.ensure(MOVIE, matrix_images)
    folder = covers(cache)
    old_small = (folder / "poster-500.jpg").read_bytes()
    old_url = cache.links(MOVIE, matrix_images)[0]["url"]
    tmdb_server.change_image(POSTER_FILE)

    result = await cache.ensure(MOVIE, matrix_images)

    assert result.outcomes["poster"] is CoverOutcome.DOWNLOADED
    assert result.outcomes["fanart"] is CoverOutcome.UNCHANGED
    assert (folder / "poster.jpg").read_bytes() == cdn_bytes(tmdb_server, POSTER_FILE)
    assert (folder / "poster-500.jpg").read_bytes() != old_small
    assert cache.links(MOVIE, matrix_images)[0]["url"] != old_url


async def test_a_new_remote_url_is_fetched_without_the_old_validators(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer, transport: RecordingTransport
) -> None:
    await cache.ensure(MOVIE, matrix_images[:1])
    other = "/NKL2Qjwcxt9GoVCoSOo7GhUSCYI.jpg"  # another poster of the film
    transport.exchanges.clear()

    result = await cache.ensure(MOVIE, [Image(CoverType.POSTER, tmdb_server.image_url + other)])

    assert result.outcomes["poster"] is CoverOutcome.DOWNLOADED
    [(request, status)] = transport.exchanges
    assert status == 200
    assert "if-none-match" not in request.headers
    assert (covers(cache) / "poster.jpg").read_bytes() == cdn_bytes(tmdb_server, other)


# -- failures -----------------------------------------------------------------------------------------


async def test_a_missing_remote_image_keeps_its_remote_url_and_stores_nothing(
    cache: ImageCache, tmdb_server: TmdbFixtureServer, caplog: pytest.LogCaptureFixture
) -> None:
    images = [Image(CoverType.POSTER, tmdb_server.image_url + "/noSuchFile.jpg")]
    with caplog.at_level(logging.WARNING):
        result = await cache.ensure(MOVIE, images)
    assert result.outcomes["poster"] is CoverOutcome.FAILED
    assert visible_files(covers(cache)) == set()
    assert cache.links(MOVIE, images) == [
        {"coverType": "poster", "url": f"/MediaCover/{MOVIE}/poster.jpg", "remoteUrl": images[0].remote_url}
    ]
    assert "HTTP 404" in caplog.text


async def test_a_failing_cdn_is_retried_then_given_up_without_raising(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb_server.fail(500, path="/t/p/")
    result = await cache.ensure(MOVIE, matrix_images)
    assert set(result.outcomes.values()) == {CoverOutcome.FAILED}
    assert visible_files(covers(cache)) == set()
    assert tmdb_server.count(f"/t/p/original{POSTER_FILE}") == 2  # TEST_POLICY: two attempts


async def test_a_failed_refresh_keeps_the_cover_already_cached(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    await cache.ensure(MOVIE, matrix_images)
    before = (covers(cache) / "poster.jpg").read_bytes()
    tmdb_server.change_image(POSTER_FILE)
    tmdb_server.fail(503, path="/t/p/")
    result = await cache.ensure(MOVIE, matrix_images)
    assert result.outcomes["poster"] is CoverOutcome.FAILED
    assert (covers(cache) / "poster.jpg").read_bytes() == before
    assert "url" in cache.links(MOVIE, matrix_images)[0]


async def test_a_slow_cdn_times_out_without_raising(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb_server.hang(30, path="/t/p/")
    async with asyncio.timeout(10):
        result = await cache.ensure(MOVIE, matrix_images[:1])
    assert result.outcomes["poster"] is CoverOutcome.FAILED
    assert visible_files(covers(cache)) == set()


async def test_a_body_cut_short_is_not_stored(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb_server.truncate()
    result = await cache.ensure(MOVIE, matrix_images[:1])
    assert result.outcomes["poster"] is CoverOutcome.FAILED
    assert visible_files(covers(cache)) == set()
    assert leftovers(covers(cache)) == []


async def test_an_answer_that_is_not_an_image_is_not_stored(
    cache: ImageCache, tmdb_server: TmdbFixtureServer
) -> None:
    not_an_image = f"{tmdb_server.api_url}/configuration?api_key={tmdb_server.api_key}"
    result = await cache.ensure(MOVIE, [Image(CoverType.POSTER, not_an_image)])
    assert result.outcomes["poster"] is CoverOutcome.FAILED
    assert visible_files(covers(cache)) == set()


# -- atomicity ------------------------------------------------------------------------------------------


async def test_a_half_received_cover_never_appears(
    cache: ImageCache, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb_server.stall(30)
    refresh = asyncio.create_task(cache.ensure(MOVIE, matrix_images[:1]))
    await eventually(requested(tmdb_server, POSTER_FILE, times=1))
    await asyncio.sleep(0.2)  # half the body is on its way; nothing may show up meanwhile
    assert visible_files(covers(cache)) == set()
    tmdb_server.clear_faults()
    result = await refresh
    assert result.outcomes["poster"] is CoverOutcome.DOWNLOADED
    assert (covers(cache) / "poster.jpg").read_bytes() == cdn_bytes(tmdb_server, POSTER_FILE)


async def test_a_replacement_shows_the_old_cover_until_the_new_one_is_whole(
    registry: RemoteRegistry, tmp_path: Path, matrix_images: Images, tmdb_server: TmdbFixtureServer
) -> None:
    cache = ImageCache.from_registry(registry, tmp_path)  # the real policy's 30 s read timeout
    await cache.ensure(MOVIE, matrix_images[:1])
    poster = covers(cache) / "poster.jpg"
    old = poster.read_bytes()
    tmdb_server.change_image(POSTER_FILE)
    tmdb_server.stall(30)
    refresh = asyncio.create_task(cache.ensure(MOVIE, matrix_images[:1]))
    await eventually(requested(tmdb_server, POSTER_FILE, times=2))
    await asyncio.sleep(0.2)
    assert poster.read_bytes() == old
    tmdb_server.clear_faults()
    assert (await refresh).outcomes["poster"] is CoverOutcome.DOWNLOADED
    new = poster.read_bytes()
    assert new == cdn_bytes(tmdb_server, POSTER_FILE) != old
    Picture.open(io.BytesIO(new)).verify()


# -- concurrency and deletion ---------------------------------------------------------------------------


async def test_refreshes_of_the_same_movie_at_once_agree(cache: ImageCache, matrix_images: Images) -> None:
    first, second = await asyncio.gather(
        cache.ensure(MOVIE, matrix_images), cache.ensure(MOVIE, matrix_images)
    )
    assert first.updated
    assert set(second.outcomes.values()) == {CoverOutcome.UNCHANGED}
    assert leftovers(covers(cache)) == []


async def test_many_movies_at_once(cache: ImageCache, matrix_images: Images) -> None:
    results = await asyncio.gather(*(cache.ensure(movie_id, matrix_images) for movie_id in range(1, 13)))
    assert all(result.updated for result in results)
    assert all((covers(cache, movie_id) / "poster-250.jpg").is_file() for movie_id in range(1, 13))


async def test_delete_removes_the_movies_covers_only(cache: ImageCache, matrix_images: Images) -> None:
    await cache.ensure(MOVIE, matrix_images)
    await cache.ensure(MOVIE + 1, matrix_images[:1])
    await cache.delete(MOVIE)
    assert not covers(cache).exists()
    assert (covers(cache, MOVIE + 1) / "poster.jpg").is_file()
    assert all("lastWrite" not in link["url"] for link in cache.links(MOVIE, matrix_images))
    await cache.delete(MOVIE)  # nothing left: no error


async def test_a_headshot_gets_poster_sized_copies(cache: ImageCache, tmdb_server: TmdbFixtureServer) -> None:
    result = await cache.ensure(MOVIE, [Image(CoverType.HEADSHOT, tmdb_server.image_url + POSTER_FILE)])
    assert dict(result.outcomes) == {"headshot": CoverOutcome.DOWNLOADED}
    assert visible_files(covers(cache)) == {"headshot.jpg", "headshot-500.jpg", "headshot-250.jpg"}


@dataclass(frozen=True)
class OtherImage:
    cover_type: str
    remote_url: str


async def test_cover_types_radarr_does_not_know_are_skipped(
    cache: ImageCache, tmdb_server: TmdbFixtureServer, transport: RecordingTransport
) -> None:
    result = await cache.ensure(MOVIE, [OtherImage("unknown", tmdb_server.image_url + POSTER_FILE)])
    assert dict(result.outcomes) == {}
    assert transport.exchanges == []


async def test_a_fanart_only_movie(cache: ImageCache, tmdb_server: TmdbFixtureServer) -> None:
    result = await cache.ensure(MOVIE, [Image(CoverType.FANART, tmdb_server.image_url + FANART_FILE)])
    assert dict(result.outcomes) == {"fanart": CoverOutcome.DOWNLOADED}
