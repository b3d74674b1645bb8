"""Manual import through the API (SQLite and PostgreSQL): a folder's files listed with their film and
rejections, imported by hand with move or copy through the journalled transfer; a download blocked in
the queue resolved by hand; DownloadedMoviesScan for post-processing scripts; bad input as 400s."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.imports.test_completed import _grab, _offer, _queue
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.qbittorrent import QBittorrentServer
from tests.support.waiting import eventually

BLURAY_1080P = {"quality": {"id": 7, "name": "Bluray-1080p"}, "revision": {"version": 1, "real": 0}}
MATRIX_FOLDER = "The.Matrix.1999.1080p.BluRay.x264-GRP"


def _downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir(exist_ok=True)
    return folder


async def _items(library: Library, **params: Any) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/manualimport", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


async def _film(library: Library, movie_id: int) -> dict[str, Any]:
    film: dict[str, Any] = (await library.server.client.get(f"/api/v3/movie/{movie_id}")).json()
    return film


async def _history(library: Library, movie_id: int) -> list[dict[str, Any]]:
    found = await library.server.client.get("/api/v3/history/movie", params={"movieId": movie_id})
    events: list[dict[str, Any]] = found.json()
    return events


def _exists(path: str) -> bool:
    return os.path.exists(path)


def _reasons(item: dict[str, Any]) -> list[str]:
    return [r["reason"] for r in item["rejections"]]


async def test_a_file_whose_names_give_no_film_is_listed_as_unknown_then_matched_by_hand(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    folder = _downloads(tmp_path) / "holiday stuff"
    video = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / "video01.mkv")

    [item] = await _items(library, folder=str(folder))
    assert item["path"] == str(video)
    assert (item["relativePath"], item["folderName"], item["name"]) == (
        "video01.mkv",
        "holiday stuff",
        "video01",
    )
    assert item["size"] == video.stat().st_size
    assert item["movie"] is None
    assert item["rejections"] == [{"reason": "Unknown Movie", "type": "permanent"}]
    assert item["id"] > 0
    assert item["qualityWeight"] >= 1

    [chosen] = await _items(library, folder=str(folder), movieId=movie["id"])
    assert chosen["movie"]["id"] == movie["id"]
    assert chosen["movie"]["title"] == "The Matrix"
    assert chosen["rejections"] == []

    edited = await library.server.client.post(
        "/api/v3/manualimport",
        json=[{"id": item["id"], "path": str(video), "movieId": movie["id"], "quality": BLURAY_1080P}],
    )
    assert edited.status_code == 200, edited.text
    [judged] = edited.json()
    assert judged["movie"]["id"] == movie["id"]
    assert judged["quality"]["quality"]["name"] == "Bluray-1080p"
    assert judged["rejections"] == []


async def test_a_file_imported_by_hand_with_move_leaves_the_download_folder(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    video = sample_media.copy_to(
        MediaKind.FEATURE_90MIN_WITH_AUDIO, _downloads(tmp_path) / "x" / "video01.mkv"
    )
    content = video.read_bytes()

    done = await run_command(
        library,
        "ManualImport",
        files=[{"path": str(video), "movieId": movie["id"], "quality": BLURAY_1080P, "releaseGroup": "HAND"}],
        importMode="move",
    )

    assert done["status"] == "completed", done
    assert done["message"] == "Imported 1 of 1 file(s)"
    assert not video.exists()
    film = await _film(library, movie["id"])
    assert film["hasFile"]
    placed = Path(film["path"]) / film["movieFile"]["relativePath"]
    assert placed.read_bytes() == content
    assert film["movieFile"]["quality"]["quality"]["name"] == "Bluray-1080p"
    assert film["movieFile"]["releaseGroup"] == "HAND"
    [event] = await _history(library, movie["id"])
    assert event["eventType"] == "downloadFolderImported"
    assert (event["data"]["droppedPath"], event["data"]["importedPath"]) == (str(video), str(placed))
    assert sorted(p.name for p in placed.parent.iterdir()) == [placed.name]  # no stage left behind


async def test_a_file_imported_by_hand_with_copy_stays_where_it_was(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    video = sample_media.copy_to(
        MediaKind.FEATURE_90MIN_WITH_AUDIO, _downloads(tmp_path) / "y" / "video02.mkv"
    )

    done = await run_command(
        library,
        "ManualImport",
        files=[{"path": str(video), "movieId": movie["id"], "quality": BLURAY_1080P}],
        importMode="Copy",
    )

    assert done["status"] == "completed", done
    assert done["message"] == "Imported 1 of 1 file(s)"
    assert video.exists()
    film = await _film(library, movie["id"])
    placed = Path(film["path"]) / film["movieFile"]["relativePath"]
    assert placed.read_bytes() == video.read_bytes()


async def test_a_movie_id_alone_lists_the_video_files_of_the_film_s_own_folder(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_movie(library)
    folder = Path(movie["path"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{MATRIX_FOLDER}.mkv")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    recorded = folder / (await _film(library, movie["id"]))["movieFile"]["relativePath"]
    other = sample_media.copy_to(
        MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / "The.Matrix.1999.720p.WEB-DL.mkv"
    )

    [item] = await _items(library, movieId=movie["id"])
    every = await _items(library, movieId=movie["id"], filterExistingFiles="false")

    assert (item["path"], item["relativePath"], item["movie"]["id"]) == (
        str(other),
        other.name,
        movie["id"],
    )
    assert item["quality"]["quality"]["source"] == "webdl"
    assert sorted(i["path"] for i in every) == sorted([str(other), str(recorded)])


async def test_a_file_listed_from_the_film_s_own_folder_is_moved_in_under_the_film_s_name(
    library: Library, sample_media: SampleMedia
) -> None:
    naming = (await library.server.client.get("/api/v3/config/naming")).json()
    renamed = await library.server.client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True}
    )
    assert renamed.status_code == 202, renamed.text
    movie = await add_movie(library)
    folder = Path(movie["path"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{MATRIX_FOLDER}.mkv")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    old = folder / (await _film(library, movie["id"]))["movieFile"]["relativePath"]
    other = sample_media.copy_to(MediaKind.H264_720P_AC3_51_TWO_LANGUAGES, folder / "extra-copy.mkv")
    content = other.read_bytes()
    [item] = await _items(library, movieId=movie["id"])
    assert item["path"] == str(other)

    done = await run_command(
        library,
        "ManualImport",
        files=[{"path": str(other), "movieId": movie["id"], "quality": BLURAY_1080P}],
        importMode="copy",  # a file in the film's own folder is moved whatever was asked
    )

    assert done["status"] == "completed", done
    film = await _film(library, movie["id"])
    placed = folder / film["movieFile"]["relativePath"]
    assert placed.name == "The Matrix (1999) Bluray-1080p.mkv"
    assert placed.read_bytes() == content
    assert sorted(os.listdir(folder)) == [placed.name]  # the old file replaced, no copy beside it
    assert not _exists(str(old)) or old == placed


async def test_a_file_of_the_film_s_own_folder_already_under_its_name_is_left_for_a_rescan(
    library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_movie(library)
    folder = Path(movie["path"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{MATRIX_FOLDER}.mkv")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    recorded = (await _film(library, movie["id"]))["movieFile"]
    other = sample_media.copy_to(
        MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / "The.Matrix.1999.720p.WEB-DL.mkv"
    )
    content = other.read_bytes()

    done = await run_command(
        library, "ManualImport", files=[{"path": str(other), "movieId": movie["id"]}], importMode="move"
    )

    # Renaming is off: the file's own name is the film's name, so there is nothing to move.
    assert "rescan the film" in done["message"], done
    assert other.read_bytes() == content
    assert (await _film(library, movie["id"]))["movieFile"]["id"] == recorded["id"]


async def test_a_movie_id_alone_lists_nothing_for_a_film_without_a_folder(library: Library) -> None:
    movie = await add_movie(library)

    assert not _exists(movie["path"])
    assert await _items(library, movieId=movie["id"]) == []


async def test_indexer_flags_chosen_by_hand_are_kept_on_the_imported_file(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    video = sample_media.copy_to(
        MediaKind.FEATURE_90MIN_WITH_AUDIO, _downloads(tmp_path) / "f" / "video03.mkv"
    )
    edited = await library.server.client.post(
        "/api/v3/manualimport", json=[{"path": str(video), "movieId": movie["id"], "indexerFlags": 9}]
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()[0]["indexerFlags"] == 9

    done = await run_command(
        library,
        "ManualImport",
        files=[{"path": str(video), "movieId": movie["id"], "quality": BLURAY_1080P, "indexerFlags": 9}],
        importMode="copy",
    )

    assert done["status"] == "completed", done
    film = await _film(library, movie["id"])
    assert film["movieFile"]["indexerFlags"] == 9
    [file] = (await library.server.client.get("/api/v3/moviefile", params={"movieId": movie["id"]})).json()
    assert file["indexerFlags"] == 9


async def test_a_sample_is_listed_with_its_film_and_rejected(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    folder = _downloads(tmp_path) / MATRIX_FOLDER
    sample_media.copy_to(MediaKind.SAMPLE_CLIP, folder / f"{MATRIX_FOLDER}.mkv")
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / "Sample" / "ignored.mkv")

    [item] = await _items(library, folder=str(folder))

    assert item["movie"]["id"] == movie["id"]  # the folder's name gives the film
    assert _reasons(item) == ["Sample"]
    assert item["quality"]["quality"]["name"] == "Bluray-1080p"
    assert item["releaseGroup"] == "GRP"


async def test_a_blocked_download_is_imported_by_hand_and_leaves_the_queue(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    info_hash = _offer(indexer_server, qbittorrent, sample_media.path(MediaKind.SAMPLE_CLIP).read_bytes())
    movie = await add_movie(library)
    await _grab(library, movie["id"])

    async def blocked() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        records = await _queue(library)
        return records[0] if records and records[0]["trackedDownloadState"] == "importBlocked" else None

    record = await eventually(blocked, within=60, every=0.5)
    [item] = await _items(library, downloadId=record["downloadId"])
    assert item["downloadId"] == record["downloadId"]
    assert item["movie"]["id"] == movie["id"]
    assert _reasons(item) == ["Sample"]

    file = {**item, "movieId": movie["id"], "quality": BLURAY_1080P}
    done = await run_command(library, "ManualImport", files=[file], importMode="copy")

    assert done["status"] == "completed", done
    assert done["message"] == "Imported 1 of 1 file(s)"
    assert (await _film(library, movie["id"]))["hasFile"]
    assert await _queue(library) == []
    again = await run_command(library, "RefreshMonitoredDownloads")
    assert again["status"] == "completed"
    assert await _queue(library) == []
    events = {e["eventType"]: e for e in await _history(library, movie["id"])}
    assert events["downloadFolderImported"]["downloadId"] == info_hash
    assert _exists(item["path"])  # copied: the torrent keeps seeding


async def test_downloaded_movies_scan_imports_a_folder_named_for_a_film(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    movie = await add_movie(library)
    folder = _downloads(tmp_path) / MATRIX_FOLDER
    video = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / f"{MATRIX_FOLDER}.mkv")

    done = await run_command(library, "DownloadedMoviesScan", path=str(folder))

    assert done["status"] == "completed", done
    assert "The Matrix (1999): imported" in done["message"]
    assert not video.exists()  # moved: nothing tracks this download
    film = await _film(library, movie["id"])
    assert film["movieFile"]["quality"]["quality"]["name"] == "Bluray-1080p"


async def test_downloaded_movies_scan_says_when_no_film_matches(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    await add_movie(library)
    folder = _downloads(tmp_path) / "Some.Other.Film.2004.720p.WEB-DL-X"
    video = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, folder / "a.mkv")

    done = await run_command(library, "DownloadedMoviesScan", path=str(folder), importMode="copy")

    assert done["status"] == "completed", done
    assert done["message"].startswith("Unknown Movie")
    assert video.exists()


async def test_bad_manual_import_input_is_a_400(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    movie = await add_movie(library)
    video = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, _downloads(tmp_path) / "z" / "v.mkv")
    in_library = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / "v.mkv")
    other = await add_movie(library, tmdb_id=550)
    in_other = sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(other["path"]) / "w.mkv")
    missing = str(tmp_path / "nowhere")
    lists = [
        {},
        {"folder": "relative/path"},
        {"folder": missing},
        {"folder": str(video.parent), "movieId": 9999},
        {"folder": str(video.parent), "movieId": 2**40},
        {"movieId": 9999},
        {"folder": str(video.parent) + "\0"},
        {"folder": "/" + "x" * 5000},
    ]
    for params in lists:
        response = await client.get("/api/v3/manualimport", params=params)
        assert response.status_code == 400, (params, response.text)
        assert isinstance(response.json(), list), response.text
    assert await _items(library, downloadId="not-a-download") == []
    posted = [[], [{"path": missing, "movieId": movie["id"]}], [{"movieId": movie["id"]}]]
    for body in posted:
        response = await client.post("/api/v3/manualimport", json=body)
        assert response.status_code == 400, (body, response.text)
    commands = [
        {"name": "ManualImport", "files": []},
        {"name": "ManualImport", "files": [{"path": missing + ".mkv", "movieId": movie["id"]}]},
        {"name": "ManualImport", "files": [{"path": "v.mkv", "movieId": movie["id"]}]},
        {"name": "ManualImport", "files": [{"path": str(video), "movieId": 9999}]},
        {"name": "ManualImport", "files": [{"path": str(video), "movieId": 2**40}]},
        {"name": "ManualImport", "files": [{"path": str(in_other), "movieId": movie["id"]}]},
        {
            "name": "ManualImport",
            "files": [{"path": str(video), "movieId": movie["id"]}],
            "importMode": "zip",
        },
        {
            "name": "ManualImport",
            "files": [{"path": str(video), "movieId": movie["id"], "quality": {"quality": {"id": 999}}}],
        },
        {"name": "DownloadedMoviesScan"},
        {"name": "DownloadedMoviesScan", "path": missing},
        {"name": "DownloadedMoviesScan", "path": "relative"},
    ]
    for body in commands:
        response = await client.post("/api/v3/command", json=body)
        assert response.status_code == 400, (body, response.text)
        assert response.json()[0]["errorMessage"], response.text
    surrogate = b'{"name": "DownloadedMoviesScan", "path": "/bad\\ud800name"}'
    response = await client.post(
        "/api/v3/command", content=surrogate, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert video.exists()
    assert in_library.exists()
    assert in_other.exists()


async def test_downloaded_movies_scan_imports_a_tracked_download_for_its_film_and_it_leaves_the_queue(
    library: Library,
    indexer_server: IndexerFixtureServer,
    qbittorrent: QBittorrentServer,
    sample_media: SampleMedia,
) -> None:
    client = library.server.client
    config = (await client.get("/api/v3/config/downloadclient")).json()
    saved = await client.put(
        "/api/v3/config/downloadclient/1", json={**config, "enableCompletedDownloadHandling": False}
    )
    assert saved.status_code == 202, saved.text
    title = "Matrix.Reloaded.Not.1999.1080p.BluRay.x264-SCRIPT"  # names no film: the download does
    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    info_hash = _offer(indexer_server, qbittorrent, content, title=title)
    movie = await add_movie(library)
    await _grab(library, movie["id"])

    async def finished() -> dict[str, Any] | None:
        await run_command(library, "RefreshMonitoredDownloads")
        records = await _queue(library)
        return records[0] if records and records[0]["status"] == "completed" else None

    record = await eventually(finished, within=60, every=0.5)
    assert record["trackedDownloadState"] == "importPending"  # nothing imports it by itself
    path = str(qbittorrent.save_path / f"{title}.mkv")

    done = await run_command(library, "DownloadedMoviesScan", path=path, downloadClientId=info_hash)

    assert done["status"] == "completed", done
    assert "The Matrix (1999): imported" in done["message"]
    assert _exists(path)  # a torrent's file is copied (hard-linked) by default: it keeps seeding
    assert (await _film(library, movie["id"]))["hasFile"]
    assert await _queue(library) == []
    events = {e["eventType"]: e for e in await _history(library, movie["id"])}
    assert events["downloadFolderImported"]["downloadId"] == info_hash
