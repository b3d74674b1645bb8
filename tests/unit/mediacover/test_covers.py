"""Cover file names, Radarr's `lastWrite` ticks and the `images` JSON of a movie."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reelarr.mediacover.covers import (
    cover_file_name,
    cover_kind,
    cover_links,
    full_size_name,
    last_write_ticks,
    servable_name,
)
from reelarr.metadata import CoverType, Image

POSTER = Image(CoverType.POSTER, "https://image.tmdb.org/t/p/original/poster.jpg")
FANART = Image(CoverType.FANART, "https://image.tmdb.org/t/p/original/fanart.jpg")
LOGO = Image(CoverType.CLEARLOGO, "https://image.tmdb.org/t/p/original/logo.png")
NEW_YEAR_2024_NS = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp()) * 1_000_000_000


def put(root: Path, movie_id: int, name: str, mtime_ns: int = NEW_YEAR_2024_NS) -> None:
    path = root / str(movie_id) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8 not really a jpeg")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_last_write_is_dotnet_ticks_of_the_modification_time() -> None:
    assert last_write_ticks(0) == 621_355_968_000_000_000
    assert last_write_ticks(NEW_YEAR_2024_NS) == 638_396_640_000_000_000
    assert last_write_ticks(NEW_YEAR_2024_NS + 1_234_567) == 638_396_640_000_012_345


@pytest.mark.parametrize(
    ("kind", "height", "name"),
    [
        ("poster", None, "poster.jpg"),
        ("poster", 500, "poster-500.jpg"),
        ("fanart", 360, "fanart-360.jpg"),
        ("clearlogo", None, "clearlogo.png"),
        ("headshot", 250, "headshot-250.jpg"),
    ],
)
def test_cover_file_names_are_radarrs(kind: str, height: int | None, name: str) -> None:
    assert cover_file_name(kind, height) == name


def test_cover_kinds_are_radarrs_lower_case_types() -> None:
    assert cover_kind(CoverType.POSTER) == "poster"
    assert cover_kind("Fanart") == "fanart"
    assert cover_kind("unknown") is None
    assert cover_kind("../../etc") is None


def test_a_cover_not_cached_yet_has_its_local_path_without_last_write(tmp_path: Path) -> None:
    assert cover_links(tmp_path, 7, [POSTER]) == [
        {"coverType": "poster", "url": "/MediaCover/7/poster.jpg", "remoteUrl": POSTER.remote_url}
    ]


def test_a_cached_cover_gets_a_local_url_with_its_last_write(tmp_path: Path) -> None:
    put(tmp_path, 7, "poster.jpg")
    assert cover_links(tmp_path, 7, [POSTER, FANART]) == [
        {
            "coverType": "poster",
            "url": "/MediaCover/7/poster.jpg?lastWrite=638396640000000000",
            "remoteUrl": POSTER.remote_url,
        },
        {"coverType": "fanart", "url": "/MediaCover/7/fanart.jpg", "remoteUrl": FANART.remote_url},
    ]


def test_the_local_url_carries_the_url_base(tmp_path: Path) -> None:
    put(tmp_path, 7, "fanart.jpg")
    [link] = cover_links(tmp_path, 7, [FANART], url_base="/reelarr")
    assert link["url"].startswith("/reelarr/MediaCover/7/fanart.jpg?lastWrite=")


def test_a_clear_logo_is_a_png(tmp_path: Path) -> None:
    put(tmp_path, 7, "clearlogo.png")
    [link] = cover_links(tmp_path, 7, [LOGO])
    assert link["url"].startswith("/MediaCover/7/clearlogo.png?lastWrite=")


def test_a_rewritten_file_changes_the_url(tmp_path: Path) -> None:
    put(tmp_path, 7, "poster.jpg")
    before = cover_links(tmp_path, 7, [POSTER])[0]["url"]
    put(tmp_path, 7, "poster.jpg", NEW_YEAR_2024_NS + 10**9)
    assert cover_links(tmp_path, 7, [POSTER])[0]["url"] != before


def test_another_movies_files_do_not_count(tmp_path: Path) -> None:
    put(tmp_path, 8, "poster.jpg")
    assert "lastWrite" not in cover_links(tmp_path, 7, [POSTER])[0]["url"]


@pytest.mark.parametrize("movie_id", [None, 0])
def test_a_movie_not_in_the_library_links_to_the_remote_image(tmp_path: Path, movie_id: int | None) -> None:
    put(tmp_path, 0, "poster.jpg")
    assert cover_links(tmp_path, movie_id, [POSTER]) == [
        {"coverType": "poster", "url": POSTER.remote_url, "remoteUrl": POSTER.remote_url}
    ]


def test_images_keep_their_order_and_kinds_reelarr_does_not_cache(tmp_path: Path) -> None:
    headshot = Image(CoverType.HEADSHOT, "https://image.tmdb.org/t/p/original/face.jpg")
    links = cover_links(tmp_path, 7, [FANART, headshot, POSTER])
    assert [link["coverType"] for link in links] == ["fanart", "headshot", "poster"]


@pytest.mark.parametrize(
    ("requested", "name"),
    [
        ("poster.jpg", "poster.jpg"),
        ("fanart-360.jpg", "fanart-360.jpg"),
        ("Poster.JPG", "poster.jpg"),
        ("clearlogo.png", "clearlogo.png"),
        ("banner.gif", "banner.gif"),
    ],
)
def test_plain_image_names_are_servable(requested: str, name: str) -> None:
    assert servable_name(requested) == name


@pytest.mark.parametrize(
    "requested",
    [
        "../poster.jpg",
        "..%2Fposter.jpg",
        "../../reelarr.db",
        "a/poster.jpg",
        "a\\poster.jpg",
        ".poster.jpg.source",
        "poster.jpg.source",
        ".poster.jpg.abc123.tmp",
        "poster.txt",
        "poster.jpeg",
        "poster",
        "",
        "poster.jpg\x00.png",
    ],
)
def test_anything_else_is_not(requested: str) -> None:
    assert servable_name(requested) is None


@pytest.mark.parametrize(
    ("resized", "original"),
    [("poster-500.jpg", "poster.jpg"), ("fanart-180.jpg", "fanart.jpg"), ("banner-35.jpg", "banner.jpg")],
)
def test_a_smaller_copy_names_its_original(resized: str, original: str) -> None:
    assert full_size_name(resized) == original


@pytest.mark.parametrize("name", ["poster.jpg", "clearlogo-500.png", "poster-.jpg", "-500.jpg"])
def test_other_names_have_no_original(name: str) -> None:
    assert full_size_name(name) is None
