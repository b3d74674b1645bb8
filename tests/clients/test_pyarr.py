"""pyarr 5.2.0 (API-COMPAT §6.1 suite A) drives a live server exactly as a pyarr user's script does.

pyarr is synchronous (requests), so every call runs in a thread while the server answers in the
test's event loop. Only pyarr's own methods are used: what they send (paths, `True`/`False` query
booleans, PUT without an id, bodies) is what the server must accept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pyarr import RadarrAPI
from pyarr.exceptions import PyarrBadRequest, PyarrResourceNotFound, PyarrUnauthorizedError

from tests.clients.conftest import HD_1080P, Library, add_film, add_film_with_file, settled
from tests.fixtures.media import MediaKind, SampleMedia
from tests.support.live import API_KEY
from tests.support.waiting import eventually

T = TypeVar("T")
RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


@pytest.fixture
def radarr(library: Library) -> RadarrAPI:
    """pyarr's client, pointed at the server with the right key."""
    return RadarrAPI(library.server.url, API_KEY)


async def call(method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one (blocking) pyarr call off the event loop the server runs in."""
    return await asyncio.to_thread(method, *args, **kwargs)


async def _add_matrix(radarr: RadarrAPI, library: Library, **kwargs: Any) -> dict[str, Any]:
    [found] = await call(radarr.lookup_movie, "tmdb:603")
    added: dict[str, Any] = await call(radarr.add_movie, found, str(library.root), HD_1080P, **kwargs)
    return added


# --- system, profiles, reference lists ---------------------------------------------------------


async def test_system_status_says_radarr_with_a_four_part_version(radarr: RadarrAPI) -> None:
    status = await call(radarr.get_system_status)
    assert status["appName"] == "Radarr"
    assert len(status["version"].split(".")) == 4
    assert int(status["version"].split(".")[0]) >= 5


async def test_wrong_api_key_raises_pyarr_unauthorized(library: Library) -> None:
    wrong = RadarrAPI(library.server.url, "f" * 32)
    with pytest.raises(PyarrUnauthorizedError):
        await call(wrong.get_system_status)


async def test_quality_profiles_list_and_one_by_id(radarr: RadarrAPI) -> None:
    profiles = await call(radarr.get_quality_profile)
    assert "HD-1080p" in [p["name"] for p in profiles]
    one = await call(radarr.get_quality_profile, HD_1080P)
    assert one["id"] == HD_1080P
    assert one["name"] == "HD-1080p"


async def test_quality_definitions_list_and_one_by_id(radarr: RadarrAPI) -> None:
    definitions = await call(radarr.get_quality_definition)
    by_title = {d["title"]: d for d in definitions}
    assert by_title["Bluray-1080p"]["quality"]["resolution"] == 1080
    one = await call(radarr.get_quality_definition, by_title["Bluray-1080p"]["id"])
    assert one["title"] == "Bluray-1080p"


async def test_languages_list_and_one_by_id(radarr: RadarrAPI) -> None:
    languages = await call(radarr.get_language)
    assert {"id": 1, "name": "English"} in [{"id": lang["id"], "name": lang["name"]} for lang in languages]
    assert (await call(radarr.get_language, 2))["name"] == "French"


async def test_health_of_a_configured_library_is_an_empty_list(radarr: RadarrAPI) -> None:
    assert await call(radarr.get_health) == []


async def test_naming_settings_are_edited_with_the_id_in_the_body(radarr: RadarrAPI) -> None:
    config = await call(radarr.get_config_naming)
    config.update(renameMovies=True, colonReplacementFormat="dash")
    assert await call(radarr.upd_config_naming, config) == config
    assert (await call(radarr.get_config_naming))["colonReplacementFormat"] == "dash"
    with pytest.raises(PyarrBadRequest, match="Must contain movie title"):
        await call(radarr.upd_config_naming, {**config, "movieFolderFormat": "{Release Year}"})


async def test_disk_space_lists_mounts_with_free_and_total_bytes(radarr: RadarrAPI) -> None:
    disks = await call(radarr.get_disk_space)
    assert disks
    for disk in disks:
        assert disk["path"]
        assert 0 <= disk["freeSpace"] <= disk["totalSpace"]


async def test_scheduled_tasks_list_and_one_by_id(radarr: RadarrAPI) -> None:
    tasks = await call(radarr.get_task)
    refresh = next(t for t in tasks if t["taskName"] == "RefreshMovie")
    assert (await call(radarr.get_task, refresh["id"]))["taskName"] == "RefreshMovie"


# --- root folders -------------------------------------------------------------------------------


async def test_root_folders_list_the_library_folder(radarr: RadarrAPI, library: Library) -> None:
    [folder] = await call(radarr.get_root_folder)
    assert folder["path"] == str(library.root)
    assert folder["accessible"] is True
    assert folder["freeSpace"] > 0
    assert (await call(radarr.get_root_folder, folder["id"]))["path"] == str(library.root)


async def test_add_root_folder_returns_it_and_lists_it(
    radarr: RadarrAPI, library: Library, tmp_path: Path
) -> None:
    second = tmp_path / "more movies"
    second.mkdir()
    added = await call(radarr.add_root_folder, str(second))
    assert added["id"] > 0
    assert added["path"] == str(second)
    assert [f["path"] for f in await call(radarr.get_root_folder)] == [str(library.root), str(second)]


async def test_add_root_folder_that_does_not_exist_is_bad_request(radarr: RadarrAPI, tmp_path: Path) -> None:
    with pytest.raises(PyarrBadRequest, match="errorMessage"):
        await call(radarr.add_root_folder, str(tmp_path / "missing"))


async def test_del_root_folder_removes_it(radarr: RadarrAPI, tmp_path: Path) -> None:
    second = tmp_path / "old"
    second.mkdir()
    added = await call(radarr.add_root_folder, str(second))
    await call(radarr.del_root_folder, added["id"])
    assert str(second) not in [f["path"] for f in await call(radarr.get_root_folder)]


# --- lookup -------------------------------------------------------------------------------------


async def test_lookup_by_free_text_finds_the_film(radarr: RadarrAPI) -> None:
    hits = await call(radarr.lookup_movie, "fight club")
    assert 550 in [h["tmdbId"] for h in hits]


async def test_lookup_by_tmdb_term_gives_one_film_not_in_library(radarr: RadarrAPI) -> None:
    [found] = await call(radarr.lookup_movie, "tmdb:603")
    assert found["title"] == "The Matrix"
    assert found["year"] == 1999
    assert found["imdbId"] == "tt0133093"
    assert found["titleSlug"] == "603"
    assert not found.get("id")


async def test_lookup_by_imdb_term_gives_the_film(radarr: RadarrAPI) -> None:
    [found] = await call(radarr.lookup_movie, "imdb:tt0137523")
    assert found["tmdbId"] == 550


async def test_lookup_of_an_unknown_tmdb_id_is_an_empty_list(radarr: RadarrAPI) -> None:
    assert await call(radarr.lookup_movie, "tmdb:999999") == []


async def test_lookup_of_a_library_film_carries_its_library_id(radarr: RadarrAPI, library: Library) -> None:
    added = await _add_matrix(radarr, library, search_for_movie=False)
    [found] = await call(radarr.lookup_movie, "tmdb:603")
    assert found["id"] == added["id"]
    assert found["monitored"] is True


# --- add ----------------------------------------------------------------------------------------


async def test_add_movie_from_a_lookup_result_with_pyarrs_defaults(
    radarr: RadarrAPI, library: Library
) -> None:
    movie = await _add_matrix(radarr, library)
    assert movie["id"] > 0
    assert movie["tmdbId"] == 603
    assert movie["qualityProfileId"] == HD_1080P
    assert movie["monitored"] is True
    assert movie["minimumAvailability"] == "announced"
    assert movie["rootFolderPath"] == str(library.root)
    assert movie["path"] == str(library.root / "The Matrix (1999)")
    assert movie["tags"] == []


async def test_add_movie_with_search_queues_a_movies_search(radarr: RadarrAPI, library: Library) -> None:
    movie = await _add_matrix(radarr, library, search_for_movie=True)

    async def searched() -> bool:
        commands = await call(radarr.get_command)
        return any(
            c["name"] == "MoviesSearch" and c["body"].get("movieIds") == [movie["id"]] for c in commands
        )

    await eventually(searched)


async def test_add_movie_with_monitor_none_adds_it_unmonitored(radarr: RadarrAPI, library: Library) -> None:
    movie = await _add_matrix(radarr, library, monitor="none", search_for_movie=False)
    assert movie["monitored"] is False


async def test_add_movie_with_tags_and_availability(radarr: RadarrAPI, library: Library) -> None:
    tag = await call(radarr.create_tag, "kids")
    movie = await _add_matrix(
        radarr, library, tags=[tag["id"]], minimum_availability="inCinemas", search_for_movie=False
    )
    assert movie["tags"] == [tag["id"]]
    assert movie["minimumAvailability"] == "inCinemas"


async def test_adding_a_film_twice_is_bad_request_with_radarrs_error_array(
    radarr: RadarrAPI, library: Library
) -> None:
    await _add_matrix(radarr, library, search_for_movie=False)
    with pytest.raises(PyarrBadRequest) as raised:
        await _add_matrix(radarr, library, search_for_movie=False)
    assert "errorMessage" in str(raised.value)
    assert "This movie has already been added" in str(raised.value)


async def test_add_movie_with_an_unknown_profile_is_bad_request(radarr: RadarrAPI, library: Library) -> None:
    [found] = await call(radarr.lookup_movie, "tmdb:550")
    with pytest.raises(PyarrBadRequest, match="qualityProfileId"):
        await call(radarr.add_movie, found, str(library.root), 99)
    assert await call(radarr.get_movie) == []


async def test_import_movies_adds_several_lookup_results(radarr: RadarrAPI, library: Library) -> None:
    films = []
    for term in ("tmdb:550", "tmdb:27205"):
        [found] = await call(radarr.lookup_movie, term)
        films.append({**found, "rootFolderPath": str(library.root), "qualityProfileId": HD_1080P})
    imported = await call(radarr.import_movies, films)
    assert sorted(m["tmdbId"] for m in imported) == [550, 27205]
    assert all(m["id"] > 0 for m in imported)


# --- read ---------------------------------------------------------------------------------------


async def test_get_movie_lists_the_whole_library(radarr: RadarrAPI, library: Library) -> None:
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    assert sorted(m["id"] for m in await call(radarr.get_movie)) == sorted([a["id"], b["id"]])


async def test_get_movie_by_id_gives_one_movie(radarr: RadarrAPI, library: Library) -> None:
    added = await add_film(library, 603)
    movie = await call(radarr.get_movie, added["id"])
    assert movie["id"] == added["id"]
    assert movie["title"] == "The Matrix"


async def test_get_movie_by_tmdb_id_gives_a_list_of_one(radarr: RadarrAPI, library: Library) -> None:
    added = await add_film(library, 603)
    await add_film(library, 550)
    assert [m["id"] for m in await call(radarr.get_movie, 603, tmdb=True)] == [added["id"]]
    assert await call(radarr.get_movie, 27205, tmdb=True) == []


async def test_get_movie_with_an_unknown_id_raises_pyarr_not_found(radarr: RadarrAPI) -> None:
    with pytest.raises(PyarrResourceNotFound):
        await call(radarr.get_movie, 999)


# --- update -------------------------------------------------------------------------------------


async def test_upd_movie_puts_the_edited_movie_without_an_id_in_the_path(
    radarr: RadarrAPI, library: Library
) -> None:
    added = await add_film(library, 603)
    movie = await call(radarr.get_movie, added["id"])
    movie["monitored"] = False
    movie["qualityProfileId"] = 1
    updated = await call(radarr.upd_movie, movie)
    assert updated["id"] == added["id"]
    assert (updated["monitored"], updated["qualityProfileId"]) == (False, 1)
    stored = await call(radarr.get_movie, added["id"])
    assert (stored["monitored"], stored["qualityProfileId"]) == (False, 1)


async def test_upd_movie_with_move_files_moves_the_folder(radarr: RadarrAPI, library: Library) -> None:
    added = await add_film(library, 603)
    old = library.root / "The Matrix (1999)"
    old.mkdir()
    (old / "notes.txt").write_text("kept")
    movie = await call(radarr.get_movie, added["id"])
    movie["path"] = str(library.root / "Matrix")
    await call(radarr.upd_movie, movie, move_files=True)

    async def moved() -> bool:
        return (library.root / "Matrix" / "notes.txt").exists()

    await eventually(moved)
    assert not old.exists()


async def test_upd_movies_edits_several_through_the_editor(radarr: RadarrAPI, library: Library) -> None:
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    edited = await call(
        radarr.upd_movies, {"movieIds": [a["id"], b["id"]], "minimumAvailability": "inCinemas"}
    )
    assert [m["minimumAvailability"] for m in edited] == ["inCinemas", "inCinemas"]


# --- delete -------------------------------------------------------------------------------------


async def test_del_movie_removes_it_and_keeps_its_folder(radarr: RadarrAPI, library: Library) -> None:
    added = await add_film(library, 603)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    assert await call(radarr.del_movie, added["id"]) == {}
    assert await call(radarr.get_movie) == []
    assert folder.exists()


async def test_del_movie_with_delete_files_and_exclusion(radarr: RadarrAPI, library: Library) -> None:
    added = await add_film(library, 603)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    (folder / "The Matrix (1999).mkv").write_bytes(b"\0" * 16)
    await call(radarr.del_movie, added["id"], delete_files=True, add_exclusion=True)
    assert await call(radarr.get_movie) == []
    assert not folder.exists()
    exclusions = (await library.server.client.get("/api/v3/exclusions")).json()
    assert [e["tmdbId"] for e in exclusions] == [603]


async def test_del_movie_with_a_list_deletes_them_through_the_editor(
    radarr: RadarrAPI, library: Library
) -> None:
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    await add_film(library, 27205)
    await call(radarr.del_movie, [a["id"], b["id"]])
    assert [m["tmdbId"] for m in await call(radarr.get_movie)] == [27205]


async def test_del_movie_with_an_unknown_id_raises_pyarr_not_found(radarr: RadarrAPI) -> None:
    with pytest.raises(PyarrResourceNotFound):
        await call(radarr.del_movie, 999)


# --- movie files -------------------------------------------------------------------------------


async def test_get_movie_of_a_film_on_disk_carries_its_file(
    radarr: RadarrAPI, library: Library, sample_media: SampleMedia
) -> None:
    added = await add_film_with_file(library, sample_media, 603, RELEASE)
    movie = await call(radarr.get_movie, added["id"])
    assert movie["hasFile"] is True
    assert movie["sizeOnDisk"] == movie["movieFile"]["size"] > 0
    assert movie["movieFile"]["quality"]["quality"]["name"] == "Bluray-1080p"
    assert movie["statistics"]["movieFileCount"] == 1


async def test_get_movie_files_by_movie_id_lists_the_file(
    radarr: RadarrAPI, library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_film_with_file(library, sample_media, 603, RELEASE)
    [file] = await call(radarr.get_movie_files_by_movie_id, movie["id"])
    assert file["id"] == movie["movieFileId"]
    assert file["relativePath"] == f"{RELEASE}.mkv"
    assert file["mediaInfo"]["videoCodec"] == "x264"


async def test_post_command_rescan_movie_finds_a_file_placed_later(
    radarr: RadarrAPI, library: Library, sample_media: SampleMedia
) -> None:
    movie = await settled(library, (await add_film(library, 603))["id"])
    assert movie["hasFile"] is False
    sample_media.copy_to(MediaKind.FEATURE_90MIN, library.root / "The Matrix (1999)" / f"{RELEASE}.mkv")
    queued = await call(radarr.post_command, "RescanMovie", movieId=movie["id"])
    assert queued["name"] == "RescanMovie"
    assert (await settled(library, movie["id"]))["hasFile"] is True


async def test_del_movie_file_removes_it_from_disk_and_the_movie(
    radarr: RadarrAPI, library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_film_with_file(library, sample_media, 603, RELEASE)
    path = library.root / "The Matrix (1999)" / f"{RELEASE}.mkv"
    await call(radarr.del_movie_file, movie["movieFileId"])
    assert not path.exists()
    after = await call(radarr.get_movie, movie["id"])
    assert after["hasFile"] is False
    assert "movieFile" not in after


# --- calendar -----------------------------------------------------------------------------------


async def test_get_calendar_lists_films_released_in_the_window(radarr: RadarrAPI, library: Library) -> None:
    await add_film(library, 603)
    await add_film(library, 550)
    films = await call(radarr.get_calendar, datetime(1999, 3, 1), datetime(1999, 4, 30))
    assert [f["tmdbId"] for f in films] == [603]


async def test_get_calendar_without_unmonitored_leaves_them_out(radarr: RadarrAPI, library: Library) -> None:
    await add_film(library, 603, monitored=False)
    window = (datetime(1999, 3, 1), datetime(1999, 4, 30))
    assert [f["tmdbId"] for f in await call(radarr.get_calendar, *window)] == [603]
    assert await call(radarr.get_calendar, *window, unmonitored=False) == []


# --- tags ---------------------------------------------------------------------------------------


async def test_tag_detail_lists_the_movies_that_use_the_tag(radarr: RadarrAPI, library: Library) -> None:
    tag = await call(radarr.create_tag, "4K")
    assert tag["label"] == "4k"
    movie = await add_film(library, 603, tags=[tag["id"]])
    detail = await call(radarr.get_tag_detail, tag["id"])
    assert detail["movieIds"] == [movie["id"]]
    assert await call(radarr.get_tag, tag["id"]) == tag


async def test_del_tag_removes_an_unused_tag(radarr: RadarrAPI) -> None:
    tag = await call(radarr.create_tag, "old")
    await call(radarr.del_tag, tag["id"])
    assert await call(radarr.get_tag) == []


async def test_del_tag_leaves_a_tag_that_a_movie_uses(radarr: RadarrAPI, library: Library) -> None:
    tag = await call(radarr.create_tag, "kids")
    await add_film(library, 603, tags=[tag["id"]])
    await call(radarr.del_tag, tag["id"])
    assert await call(radarr.get_tag) == [tag]


# --- commands -----------------------------------------------------------------------------------


async def test_post_command_refresh_movie_runs_to_completion(radarr: RadarrAPI, library: Library) -> None:
    movie = await add_film(library, 603)
    queued = await call(radarr.post_command, "RefreshMovie", movieIds=[movie["id"]])
    assert queued["name"] == "RefreshMovie"
    assert queued["status"] in {"queued", "started", "completed"}

    async def completed() -> bool:
        one = await call(radarr.get_command, queued["id"])
        return bool(one["status"] == "completed")

    await eventually(completed)


async def test_post_command_movies_search_is_accepted(radarr: RadarrAPI, library: Library) -> None:
    movie = await add_film(library, 603)
    queued = await call(radarr.post_command, "MoviesSearch", movieIds=[movie["id"]])
    assert queued["name"] == "MoviesSearch"
    assert queued["body"]["movieIds"] == [movie["id"]]
    assert queued["id"] in [c["id"] for c in await call(radarr.get_command)]


async def test_get_command_with_an_unknown_id_raises_pyarr_not_found(radarr: RadarrAPI) -> None:
    with pytest.raises(PyarrResourceNotFound):
        await call(radarr.get_command, 999)
