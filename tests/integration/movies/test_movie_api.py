"""/api/v3/movie as Overseerr, pyarr, Home Assistant and the UI use it."""

from __future__ import annotations

import json
from typing import Any

import websockets

from tests.integration.movies.conftest import Library
from tests.support.live import API_KEY
from tests.support.waiting import eventually

OVERSEERR_ADD = {
    "title": "The Matrix",
    "qualityProfileId": 4,
    "profileId": 4,
    "titleSlug": "603",
    "minimumAvailability": "released",
    "tmdbId": 603,
    "year": 1999,
    "monitored": True,
    "tags": [],
    "addOptions": {"searchForMovie": False},
}


async def _add(library: Library, **overrides: Any) -> dict[str, Any]:
    body = {**OVERSEERR_ADD, "rootFolderPath": str(library.root), **overrides}
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def test_overseerr_minimal_body_adds_the_movie_with_tmdb_metadata(library: Library) -> None:
    movie = await _add(library)
    assert movie["id"] > 0
    assert movie["title"] == "The Matrix"
    assert movie["year"] == 1999
    assert movie["imdbId"] == "tt0133093"
    assert movie["titleSlug"] == "603"
    assert movie["path"] == str(library.root / "The Matrix (1999)")
    assert movie["rootFolderPath"] == str(library.root)
    assert movie["status"] == "released"
    assert movie["isAvailable"] is True
    assert movie["hasFile"] is False
    assert movie["monitored"] is True
    assert movie["collection"] == {"title": "The Matrix Collection", "tmdbId": 2344}
    assert movie["inCinemas"].endswith("T00:00:00Z")
    assert movie["ratings"]["tmdb"]["value"] > 0
    assert movie["genres"]
    assert {i["coverType"] for i in movie["images"]} >= {"poster", "fanart"}
    assert all("remoteUrl" in i for i in movie["images"])
    assert movie["statistics"] == {"movieFileCount": 0, "sizeOnDisk": 0, "releaseGroups": []}


async def test_get_all_and_by_tmdb_id(library: Library) -> None:
    added = await _add(library)
    client = library.server.client
    assert [m["id"] for m in (await client.get("/api/v3/movie")).json()] == [added["id"]]
    assert [m["id"] for m in (await client.get("/api/v3/movie", params={"tmdbid": 603})).json()] == [
        added["id"]
    ]
    assert (await client.get("/api/v3/movie", params={"tmdbId": 550})).json() == []
    one = (await client.get(f"/api/v3/movie/{added['id']}")).json()
    assert one["alternateTitles"], "one movie comes with its alternative titles"
    # Bazarr and Organizr read them from the list, the page and the calendar too.
    [listed] = (await client.get("/api/v3/movie")).json()
    [by_tmdb_id] = (await client.get("/api/v3/movie", params={"tmdbId": 603})).json()
    [paged] = (await client.get("/api/v3/movie", params={"page": 1})).json()["records"]
    [scheduled] = (
        await client.get("/api/v3/calendar", params={"start": "1990-01-01", "end": "2030-01-01"})
    ).json()
    for movie in (listed, by_tmdb_id, paged, scheduled):
        assert movie["alternateTitles"] == one["alternateTitles"]


async def test_unknown_movie_is_404(library: Library) -> None:
    response = await library.server.client.get("/api/v3/movie/999")
    assert response.status_code == 404
    assert "999" in response.json()["message"]


async def test_adding_twice_is_the_400_array(library: Library) -> None:
    await _add(library)
    response = await library.server.client.post(
        "/api/v3/movie", json={**OVERSEERR_ADD, "rootFolderPath": str(library.root)}
    )
    assert response.status_code == 400
    assert response.json()[0]["errorMessage"] == "This movie has already been added"


async def test_bad_profile_or_root_folder_is_the_400_array_and_adds_nothing(library: Library) -> None:
    client = library.server.client
    for body, prop in [
        (
            {**OVERSEERR_ADD, "qualityProfileId": 99, "profileId": 99, "rootFolderPath": str(library.root)},
            "qualityProfileId",
        ),
        ({**OVERSEERR_ADD, "rootFolderPath": "/nowhere/movies"}, "rootFolderPath"),
        ({**OVERSEERR_ADD}, "rootFolderPath"),
        ({**OVERSEERR_ADD, "path": "/elsewhere/The Matrix (1999)"}, "path"),
        (
            {**OVERSEERR_ADD, "minimumAvailability": "whenever", "rootFolderPath": str(library.root)},
            "minimumAvailability",
        ),
    ]:
        response = await client.post("/api/v3/movie", json=body)
        assert response.status_code == 400, (prop, response.text)
        assert prop in [f["propertyName"] for f in response.json()], (prop, response.json())
    assert (await client.get("/api/v3/movie")).json() == []


async def test_root_folder_gone_from_disk_is_the_400_array(library: Library) -> None:
    library.root.rmdir()
    response = await library.server.client.post(
        "/api/v3/movie", json={**OVERSEERR_ADD, "rootFolderPath": str(library.root)}
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "rootFolderPath"


async def test_unknown_tmdb_id_is_404_and_adds_nothing(library: Library) -> None:
    response = await library.server.client.post(
        "/api/v3/movie", json={**OVERSEERR_ADD, "tmdbId": 999999, "rootFolderPath": str(library.root)}
    )
    assert response.status_code == 404
    assert (await library.server.client.get("/api/v3/movie")).json() == []


async def test_tmdb_down_is_a_clear_error_and_nothing_is_half_added(library: Library) -> None:
    library.tmdb.down()
    response = await library.server.client.post(
        "/api/v3/movie", json={**OVERSEERR_ADD, "rootFolderPath": str(library.root)}
    )
    assert response.status_code == 503
    assert "TMDB" in response.json()["message"]
    library.tmdb.up()
    assert (await library.server.client.get("/api/v3/movie")).json() == []


async def test_put_without_the_id_in_the_path_as_overseerr_sends_it(library: Library) -> None:
    movie = await _add(library, monitored=False)
    response = await library.server.client.put("/api/v3/movie", json={**movie, "monitored": True})
    assert response.status_code == 202
    assert response.json()["monitored"] is True
    assert response.json()["id"] == movie["id"]


async def test_put_with_the_id_changes_profile_and_availability(library: Library) -> None:
    movie = await _add(library)
    body = {**movie, "qualityProfileId": 1, "minimumAvailability": "inCinemas"}
    response = await library.server.client.put(f"/api/v3/movie/{movie['id']}", json=body)
    assert response.status_code == 202
    assert response.json()["qualityProfileId"] == 1
    assert response.json()["minimumAvailability"] == "inCinemas"


async def test_put_with_a_path_outside_root_folders_is_refused(library: Library) -> None:
    movie = await _add(library)
    response = await library.server.client.put(
        f"/api/v3/movie/{movie['id']}", json={**movie, "path": "/tmp/outside"}
    )
    assert response.status_code == 400
    assert (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()["path"] == movie["path"]


async def test_moving_to_a_new_path_moves_the_folder(library: Library) -> None:
    movie = await _add(library)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    (folder / "keep.txt").write_text("data")
    new_path = str(library.root / "Matrix")
    response = await library.server.client.put(
        f"/api/v3/movie/{movie['id']}", params={"moveFiles": "true"}, json={**movie, "path": new_path}
    )
    assert response.status_code == 202

    async def moved() -> bool:
        return (library.root / "Matrix" / "keep.txt").exists()

    await eventually(moved)
    assert not folder.exists()


async def test_delete_with_files_and_exclusion(library: Library) -> None:
    movie = await _add(library)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    (folder / "movie.mkv").write_bytes(b"x")
    response = await library.server.client.delete(
        f"/api/v3/movie/{movie['id']}", params={"deleteFiles": "True", "addImportExclusion": "True"}
    )
    assert response.status_code == 200
    assert response.json() == {}
    assert not folder.exists()
    assert (await library.server.client.get("/api/v3/movie")).json() == []
    assert await library.server.services.movies.by_tmdb_ids([603]) == {}


async def test_delete_keeps_files_unless_asked(library: Library) -> None:
    movie = await _add(library)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    await library.server.client.delete(f"/api/v3/movie/{movie['id']}")
    assert folder.exists()


async def test_lookup_by_tmdb_imdb_url_and_text(library: Library) -> None:
    client = library.server.client
    for term in (
        "tmdb:603",
        "tmdbid:603",
        "imdb:tt0133093",
        "https://www.themoviedb.org/movie/603-the-matrix",
        "https://www.imdb.com/title/tt0133093/",
        "tt0133093",
    ):
        [found] = (await client.get("/api/v3/movie/lookup", params={"term": term})).json()
        assert found["tmdbId"] == 603, term
        assert "id" not in found, "not in the library: no id"
        assert found["folder"] == "The Matrix (1999)"
        assert found["remotePoster"].startswith("http")
    hits = (await client.get("/api/v3/movie/lookup", params={"term": "matrix"})).json()
    assert 603 in [h["tmdbId"] for h in hits]
    assert (await client.get("/api/v3/movie/lookup", params={"term": "tmdb:999999"})).json() == []


async def test_lookup_of_a_library_movie_carries_its_library_state(library: Library) -> None:
    movie = await _add(library, monitored=False)
    [found] = (await library.server.client.get("/api/v3/movie/lookup", params={"term": "tmdb:603"})).json()
    assert found["id"] == movie["id"]
    assert found["monitored"] is False
    assert found["hasFile"] is False
    assert found["path"] == movie["path"]
    assert found["qualityProfileId"] == 4


async def test_lookup_tmdb_and_imdb_routes(library: Library) -> None:
    client = library.server.client
    assert (await client.get("/api/v3/movie/lookup/tmdb", params={"tmdbId": 550})).json()[
        "title"
    ] == "Fight Club"
    assert (await client.get("/api/v3/movie/lookup/imdb", params={"imdbId": "tt0133093"})).json()[
        "tmdbId"
    ] == 603
    assert (await client.get("/api/v3/movie/lookup/tmdb", params={"tmdbId": 999999})).status_code == 404


async def test_import_adds_several_and_skips_existing(library: Library) -> None:
    await _add(library)
    body = [
        {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(library.root)},
        {"tmdbId": 550, "qualityProfileId": 1, "rootFolderPath": str(library.root), "monitored": False},
        {"tmdbId": 27205, "qualityProfileId": 1, "rootFolderPath": str(library.root)},
    ]
    response = await library.server.client.post("/api/v3/movie/import", json=body)
    assert response.status_code == 200
    assert sorted(m["tmdbId"] for m in response.json()) == [550, 27205]
    assert len((await library.server.client.get("/api/v3/movie")).json()) == 3


async def test_editor_changes_and_deletes_in_bulk(library: Library) -> None:
    a = await _add(library)
    b = await _add(library, tmdbId=550, title="Fight Club")
    client = library.server.client
    response = await client.put(
        "/api/v3/movie/editor",
        json={"movieIds": [a["id"], b["id"]], "monitored": False, "qualityProfileId": 1},
    )
    assert response.status_code == 202
    assert [(m["monitored"], m["qualityProfileId"]) for m in response.json()] == [(False, 1), (False, 1)]
    deleted = await client.request("DELETE", "/api/v3/movie/editor", json={"movieIds": [a["id"], b["id"]]})
    assert deleted.status_code == 200
    assert (await client.get("/api/v3/movie")).json() == []


async def test_editor_changes_every_movie_or_none(library: Library) -> None:
    a = await _add(library)
    b = await _add(library, tmdbId=550, title="Fight Club")
    client = library.server.client
    before = (await client.get("/api/v3/movie")).json()

    unknown = await client.put("/api/v3/movie/editor", json={"movieIds": [a["id"], 9999], "monitored": False})
    assert unknown.status_code == 404
    no_profile = await client.put(
        "/api/v3/movie/editor", json={"movieIds": [a["id"], b["id"]], "qualityProfileId": 999}
    )
    assert no_profile.status_code == 400
    assert no_profile.json()[0]["propertyName"] == "qualityProfileId"
    # Two films cannot be moved into one folder.
    other_root = library.root.parent / "elsewhere"
    other_root.mkdir()
    await client.post("/api/v3/rootfolder", json={"path": str(other_root)})
    for movie in (a, b):
        path = library.root / str(movie["id"]) / "Same"
        response = await client.put(f"/api/v3/movie/{movie['id']}", json={**movie, "path": str(path)})
        assert response.status_code == 202, response.text
    clash = await client.put(
        "/api/v3/movie/editor",
        json={"movieIds": [a["id"], b["id"]], "rootFolderPath": str(other_root), "monitored": False},
    )
    assert clash.status_code == 400
    assert "already used by another movie" in clash.json()[0]["errorMessage"]
    after = (await client.get("/api/v3/movie")).json()
    assert [(m["monitored"], m["qualityProfileId"]) for m in after] == [
        (m["monitored"], m["qualityProfileId"]) for m in before
    ]
    assert {m["rootFolderPath"] for m in after} == {str(library.root)}


async def test_editor_moves_films_to_another_root_folder_and_combines_tags(library: Library) -> None:
    a = await _add(library)
    b = await _add(library, tmdbId=550, title="Fight Club")
    client = library.server.client
    other_root = library.root.parent / "elsewhere"
    other_root.mkdir()
    await client.post("/api/v3/rootfolder", json={"path": str(other_root)})
    tag = (await client.post("/api/v3/tag", json={"label": "kids"})).json()
    edited = await client.put(
        "/api/v3/movie/editor",
        json={
            "movieIds": [a["id"], b["id"]],
            "rootFolderPath": str(other_root),
            "minimumAvailability": "announced",
            "tags": [tag["id"]],
            "applyTags": "add",
        },
    )
    assert edited.status_code == 202, edited.text
    assert {m["path"] for m in edited.json()} == {
        str(other_root / "The Matrix (1999)"),
        str(other_root / "Fight Club (1999)"),
    }
    assert all(m["rootFolderPath"] == str(other_root) and m["tags"] == [tag["id"]] for m in edited.json())
    assert all(m["minimumAvailability"] == "announced" for m in edited.json())
    # Without moveFiles the folders stay where they were: no MoveMovie command.
    commands = (await client.get("/api/v3/command")).json()
    assert not [c for c in commands if c["name"] == "MoveMovie"]


async def test_editor_delete_removes_nothing_when_an_id_is_unknown(library: Library) -> None:
    a = await _add(library)
    client = library.server.client
    response = await client.request("DELETE", "/api/v3/movie/editor", json={"movieIds": [a["id"], 9999]})
    assert response.status_code == 404
    assert [m["id"] for m in (await client.get("/api/v3/movie")).json()] == [a["id"]]


async def test_adding_queues_a_refresh_that_caches_covers(library: Library) -> None:
    movie = await _add(library)

    async def covered() -> bool:
        one = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
        return any("lastWrite=" in i["url"] for i in one["images"] if i["coverType"] == "poster")

    await eventually(covered, within=30)


async def _commands_done(library: Library) -> bool:
    commands = (await library.server.client.get("/api/v3/command")).json()
    return all(c["status"] not in ("queued", "started") for c in commands)


async def test_refresh_picks_up_new_metadata_and_missing_films_are_deleted(library: Library) -> None:
    movie = await _add(library)
    await eventually(lambda: _commands_done(library))  # the refresh an add queues
    services = library.server.services
    await services.movies.refresh_metadata(movie["id"], None)
    one = (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert one["status"] == "deleted"
    queued = (
        await library.server.client.post(
            "/api/v3/command", json={"name": "RefreshMovie", "movieIds": [movie["id"]]}
        )
    ).json()

    async def done() -> bool:
        return (await library.server.client.get(f"/api/v3/command/{queued['id']}")).json()[
            "status"
        ] == "completed"

    await eventually(done)
    assert (await library.server.client.get(f"/api/v3/movie/{movie['id']}")).json()["status"] == "released"


async def test_profile_in_use_cannot_be_deleted(library: Library) -> None:
    await _add(library)
    response = await library.server.client.delete("/api/v3/qualityprofile/4")
    assert response.status_code == 409


async def test_root_folder_lists_the_movie_folder_as_mapped(library: Library) -> None:
    await _add(library)
    (library.root / "The Matrix (1999)").mkdir()
    (library.root / "Unknown Film (2001)").mkdir()
    [root] = (await library.server.client.get("/api/v3/rootfolder")).json()
    assert [f["name"] for f in root["unmappedFolders"]] == ["Unknown Film (2001)"]


async def test_a_configured_library_is_healthy(library: Library) -> None:
    assert (await library.server.client.get("/api/v3/health")).json() == []


async def test_tmdb_outage_shows_in_health(library: Library) -> None:
    library.tmdb.down()
    failed = await library.server.client.get("/api/v3/movie/lookup", params={"term": "tmdb:550"})
    assert failed.status_code == 503
    problems = (await library.server.client.get("/api/v3/health")).json()
    library.tmdb.up()
    assert [(p["source"], p["type"]) for p in problems] == [("TmdbCheck", "error")]


async def test_deleting_a_movie_removes_its_covers(library: Library) -> None:
    movie = await _add(library)
    covers = library.server.services.settings.data_dir / "MediaCover" / str(movie["id"])

    async def cached() -> bool:
        return (covers / "poster.jpg").exists()

    await eventually(cached, within=30)
    await library.server.client.delete(f"/api/v3/movie/{movie['id']}")
    assert not covers.exists()


async def test_the_library_can_be_read_a_page_at_a_time(library: Library) -> None:
    for tmdb_id, title in [
        (603, "The Matrix"),
        (550, "Fight Club"),
        (27205, "Inception"),
        (155, "The Dark Knight"),
    ]:
        await _add(library, tmdbId=tmdb_id, title=title)
    client = library.server.client
    first = (
        await client.get(
            "/api/v3/movie",
            params={"page": 1, "pageSize": 3, "sortKey": "title", "sortDirection": "ascending"},
        )
    ).json()
    assert first["totalRecords"] == 4
    assert [m["title"] for m in first["records"]] == ["The Dark Knight", "Fight Club", "Inception"]
    second = (
        await client.get(
            "/api/v3/movie",
            params={"page": 2, "pageSize": 3, "sortKey": "title", "sortDirection": "ascending"},
        )
    ).json()
    assert [m["title"] for m in second["records"]] == ["The Matrix"]
    by_year = (
        await client.get(
            "/api/v3/movie",
            params={"page": 1, "pageSize": 10, "sortKey": "year", "sortDirection": "descending"},
        )
    ).json()
    assert [m["year"] for m in by_year["records"]] == [2010, 2008, 1999, 1999]
    past_the_end = (await client.get("/api/v3/movie", params={"page": 9, "pageSize": 3})).json()
    assert past_the_end["records"] == []


async def test_tags_must_exist_and_a_tag_in_use_cannot_be_deleted(library: Library) -> None:
    client = library.server.client
    bad = await client.post(
        "/api/v3/movie", json={**OVERSEERR_ADD, "rootFolderPath": str(library.root), "tags": [77]}
    )
    assert bad.status_code == 400
    assert bad.json()[0]["propertyName"] == "tags"
    tag = (await client.post("/api/v3/tag", json={"label": "1 - alice"})).json()
    movie = await _add(library, tags=[tag["id"]])
    assert movie["tags"] == [tag["id"]]
    [detail] = (await client.get("/api/v3/tag/detail")).json()
    assert detail["movieIds"] == [movie["id"]]
    assert (await client.delete(f"/api/v3/tag/{tag['id']}")).status_code == 409
    edited = await client.put(
        "/api/v3/movie/editor", json={"movieIds": [movie["id"]], "tags": [tag["id"]], "applyTags": "remove"}
    )
    assert edited.json()[0]["tags"] == []
    assert (await client.delete(f"/api/v3/tag/{tag['id']}")).status_code == 200


async def test_movie_changes_are_pushed_over_the_websocket(library: Library) -> None:
    url = library.server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        movie = await _add(library)
        await library.server.client.put(f"/api/v3/movie/{movie['id']}", json={**movie, "monitored": False})
        await library.server.client.delete(f"/api/v3/movie/{movie['id']}")
        seen: list[str] = []
        while "deleted" not in seen:
            message = json.loads(await ws.recv(decode=True))
            if message["name"] == "movie":
                assert message["resource"] == {"id": movie["id"]}
                seen.append(message["action"])
    assert seen[0] == "created"
    assert "updated" in seen


async def test_parse_names_the_library_movie_a_release_is_about(library: Library) -> None:
    movie = await _add(library)
    client = library.server.client
    for title in (
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        "Matrix.1999.720p.WEB-DL-GRP",
        "Some.Other.Name.1999.{tmdb-603}.1080p.BluRay.x264-GRP",
    ):
        body = (await client.get("/api/v3/parse", params={"title": title})).json()
        assert body.get("movie", {}).get("id") == movie["id"], title
    other_year = (
        await client.get("/api/v3/parse", params={"title": "The.Matrix.2021.1080p.WEB-DL-GRP"})
    ).json()
    assert "movie" not in other_year


async def test_a_file_found_by_a_rescan_is_pushed_over_the_websocket(library: Library) -> None:
    movie = await _add(library)
    url = library.server.url.replace("http://", "ws://") + f"/ws?access_token={API_KEY}"
    async with websockets.connect(url, open_timeout=10) as ws:
        folder = library.root / "The Matrix (1999)"
        folder.mkdir(exist_ok=True)
        (folder / "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv").write_bytes(b"\0" * 4096)
        await library.server.client.post(
            "/api/v3/command", json={"name": "RescanMovie", "movieId": movie["id"]}
        )
        while True:
            message = json.loads(await ws.recv(decode=True))
            if message["name"] == "moviefile":
                break
    assert message["action"] == "created"
    assert message["resource"]["movieId"] == movie["id"]


async def test_import_naming_one_film_twice_adds_it_once(library: Library) -> None:
    body = [
        {"tmdbId": 603, "qualityProfileId": 1, "path": str(library.root / "Matrix A")},
        {"tmdbId": 603, "qualityProfileId": 1, "path": str(library.root / "Matrix B")},
    ]
    response = await library.server.client.post(
        "/api/v3/movie/import", json=body, params={"includeSkipped": True}
    )
    assert response.status_code == 200
    assert [m["path"] for m in response.json()["added"]] == [str(library.root / "Matrix A")]
    [twice] = response.json()["skipped"]
    assert twice["index"] == 1
    assert "more than once" in twice["errors"][0]["errorMessage"]


async def test_import_adds_what_it_can_and_says_which_were_skipped_and_why(library: Library) -> None:
    root = str(library.root)
    body = [
        {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": root},
        {"tmdbId": 999999, "qualityProfileId": 1, "rootFolderPath": root},  # TMDB does not know it
        {"tmdbId": 550, "qualityProfileId": 1, "path": "/somewhere/else/Fight Club (1999)"},
        {"tmdbId": 27205, "qualityProfileId": 1, "rootFolderPath": root},
        {"tmdbId": 157336, "qualityProfileId": 77, "rootFolderPath": root},  # no such profile
        {"tmdbId": 155, "qualityProfileId": 1, "rootFolderPath": root, "minimumAvailability": "someday"},
    ]
    client = library.server.client
    response = await client.post("/api/v3/movie/import", json=body, params={"includeSkipped": True})
    assert response.status_code == 200, response.text
    assert response.headers["X-Skipped-Count"] == "4"
    assert [m["tmdbId"] for m in response.json()["added"]] == [603, 27205]
    skipped = {s["index"]: s for s in response.json()["skipped"]}
    assert sorted(skipped) == [1, 2, 4, 5]
    assert skipped[1]["tmdbId"] == 999999
    assert "TMDB has no movie with id 999999" in skipped[1]["errors"][0]["errorMessage"]
    assert skipped[2]["errors"][0]["propertyName"] == "path"
    assert skipped[4]["errors"][0]["propertyName"] == "qualityProfileId"
    assert skipped[5]["errors"][0]["propertyName"] == "minimumAvailability"
    assert not any(s["alreadyAdded"] for s in skipped.values())
    assert sorted(m["tmdbId"] for m in (await client.get("/api/v3/movie")).json()) == [603, 27205]


async def test_import_answers_radarrs_array_of_added_movies_by_default(library: Library) -> None:
    body = [
        {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(library.root)},
        {"tmdbId": 999999, "qualityProfileId": 1, "rootFolderPath": str(library.root)},
    ]
    response = await library.server.client.post("/api/v3/movie/import", json=body)
    assert response.status_code == 200
    assert [m["title"] for m in response.json()] == ["The Matrix"]
    assert response.headers["X-Skipped-Count"] == "1"


async def test_import_of_which_nothing_can_be_added_is_a_400_naming_each_film(library: Library) -> None:
    body = [
        {"tmdbId": 999999, "qualityProfileId": 1, "rootFolderPath": str(library.root)},
        {"tmdbId": 603, "qualityProfileId": 1, "path": "/not/a/root/The Matrix (1999)"},
    ]
    response = await library.server.client.post("/api/v3/movie/import", json=body)
    assert response.status_code == 400
    assert [f["propertyName"] for f in response.json()] == ["[0].tmdbId", "[1].path"]
    assert (await library.server.client.get("/api/v3/movie")).json() == []


async def test_import_of_films_all_in_the_library_already_adds_nothing_quietly(library: Library) -> None:
    await _add(library)
    body = [{"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(library.root)}]
    response = await library.server.client.post(
        "/api/v3/movie/import", json=body, params={"includeSkipped": True}
    )
    assert response.status_code == 200
    assert response.json()["added"] == []
    assert response.json()["skipped"][0]["alreadyAdded"] is True


async def test_exclude_local_covers_gives_tmdbs_addresses(library: Library) -> None:
    movie = await _add(library)
    client = library.server.client

    def posters(movies: list[dict[str, Any]]) -> list[str]:
        return [i["url"] for m in movies for i in m["images"] if i["coverType"] == "poster"]

    local = posters((await client.get("/api/v3/movie")).json())
    assert local
    assert all(url.startswith(f"/MediaCover/{movie['id']}/poster.jpg") for url in local)
    for params in ({}, {"tmdbId": 603}, {"page": 1}):
        answer = (await client.get("/api/v3/movie", params={**params, "excludeLocalCovers": True})).json()
        remote = posters(answer["records"] if "page" in params else answer)
        assert remote, params
        assert all(url.startswith(library.tmdb.image_url) for url in remote), params


async def test_the_whole_list_follows_every_change(library: Library) -> None:
    client = library.server.client
    assert (await client.get("/api/v3/movie")).json() == []
    movie = await _add(library)

    async def listed() -> dict[str, Any]:
        [only] = (await client.get("/api/v3/movie")).json()
        return only  # type: ignore[no-any-return]

    assert (await listed())["monitored"] is True

    async def covers_in_the_list() -> bool:
        return any("lastWrite=" in i["url"] for i in (await listed())["images"] if i["coverType"] == "poster")

    await eventually(covers_in_the_list, within=30)
    await client.put(f"/api/v3/movie/{movie['id']}", json={**movie, "monitored": False})
    assert (await listed())["monitored"] is False
    folder = library.root / "The Matrix (1999)"
    folder.mkdir(exist_ok=True)
    (folder / "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv").write_bytes(b"\0" * 4096)
    await client.post("/api/v3/command", json={"name": "RescanMovie", "movieId": movie["id"]})

    async def has_file() -> bool:
        return bool((await listed())["hasFile"])

    await eventually(has_file)
    await client.delete(f"/api/v3/movie/{movie['id']}")
    assert (await client.get("/api/v3/movie")).json() == []
