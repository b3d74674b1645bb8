"""/api/v3/collection on SQLite and PostgreSQL against the fixture TMDB: a film brings its collection,
monitoring one adds its missing films (not the excluded ones, not those TMDB cannot give), the editor
changes several at once, the last film leaving takes the collection with it, and bad input is a 400
or a 404 that changes nothing."""

from __future__ import annotations

from typing import Any

from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.library_api import HD_1080P, add_movie, refreshed, run_command
from tests.support.notifications import add_webhook
from tests.support.waiting import eventually

MATRIX, RELOADED, REVOLUTIONS, RESURRECTIONS = 603, 604, 605, 624860
DARK_KNIGHT = 155
MATRIX_COLLECTION, DARK_KNIGHT_COLLECTION = 2344, 263
ANY = 1  # the "Any" quality profile


async def _collections(library: Library, **params: Any) -> list[dict[str, Any]]:
    response = await library.server.client.get("/api/v3/collection", params=params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


async def _collections_settled(library: Library) -> None:
    """Wait until every RefreshCollections queued so far has finished."""
    client = library.server.client

    async def done() -> bool:
        commands = (await client.get("/api/v3/command")).json()
        refreshes = [c for c in commands if c["name"] == "RefreshCollections"]
        return bool(refreshes) and all(c["status"] in ("completed", "failed") for c in refreshes)

    await eventually(done, within=30)


async def _collection_of(library: Library, tmdb_id: int) -> dict[str, Any]:
    """Add a film and wait until its collection has been read from TMDB; the collection."""
    await add_movie(library, tmdb_id)
    await _collections_settled(library)
    [collection] = [
        c for c in await _collections(library) if any(m["tmdbId"] == tmdb_id for m in c["movies"])
    ]
    return collection


async def _library_tmdb_ids(library: Library) -> dict[int, dict[str, Any]]:
    movies = (await library.server.client.get("/api/v3/movie")).json()
    return {m["tmdbId"]: m for m in movies}


async def test_a_film_of_a_collection_brings_the_collection_with_its_films(library: Library) -> None:
    collection = await _collection_of(library, MATRIX)

    assert collection["tmdbId"] == MATRIX_COLLECTION
    assert (collection["title"], collection["sortTitle"]) == ("The Matrix Collection", "matrix collection")
    assert collection["overview"]
    assert collection["monitored"] is False
    assert collection["searchOnAdd"] is False
    assert (collection["qualityProfileId"], collection["rootFolderPath"]) == (HD_1080P, str(library.root))
    assert collection["minimumAvailability"] == "released"
    assert {i["coverType"] for i in collection["images"]} == {"poster", "fanart"}
    assert all(i["remoteUrl"].startswith("http://127.0.0.1") for i in collection["images"])
    films = {m["tmdbId"]: m for m in collection["movies"]}
    assert list(films) == [MATRIX, RELOADED, REVOLUTIONS, RESURRECTIONS]  # oldest first
    assert films[MATRIX]["isExisting"] is True
    assert films[MATRIX]["imdbId"] == "tt0133093"
    assert films[MATRIX]["runtime"] > 0
    assert films[RELOADED]["isExisting"] is False
    assert (films[RELOADED]["title"], films[RELOADED]["year"]) == ("The Matrix Reloaded", 2003)
    assert films[RELOADED]["status"] == "released"
    assert not any(m["isExcluded"] for m in collection["movies"])
    assert collection["missingMovies"] == 3


async def test_a_collection_is_found_by_id_and_by_tmdb_id(library: Library) -> None:
    collection = await _collection_of(library, MATRIX)
    client = library.server.client

    by_id = await client.get(f"/api/v3/collection/{collection['id']}")
    by_tmdb_id = await _collections(library, tmdbId=MATRIX_COLLECTION)
    not_in_library = await _collections(library, tmdbId=DARK_KNIGHT_COLLECTION)

    assert by_id.status_code == 200
    assert by_id.json() == collection
    assert by_tmdb_id == [collection]
    assert not_in_library == []


async def test_monitoring_a_collection_adds_its_missing_films_with_its_options(library: Library) -> None:
    collection = await _collection_of(library, MATRIX)
    client = library.server.client
    excluded = await client.post(
        "/api/v3/exclusions",
        json={"tmdbId": REVOLUTIONS, "movieTitle": "The Matrix Revolutions", "movieYear": 2003},
    )
    assert excluded.status_code == 201, excluded.text

    response = await client.put(
        f"/api/v3/collection/{collection['id']}",
        json={**collection, "monitored": True, "qualityProfileId": ANY, "minimumAvailability": "inCinemas"},
    )
    assert response.status_code == 202, response.text
    await _collections_settled(library)

    library_films = await _library_tmdb_ids(library)
    assert set(library_films) == {MATRIX, RELOADED}  # Revolutions excluded; TMDB has no Resurrections
    reloaded = library_films[RELOADED]
    assert reloaded["monitored"] is True
    assert (reloaded["qualityProfileId"], reloaded["minimumAvailability"]) == (ANY, "inCinemas")
    assert reloaded["rootFolderPath"] == str(library.root)
    after = (await client.get(f"/api/v3/collection/{collection['id']}")).json()
    films = {m["tmdbId"]: m for m in after["movies"]}
    assert films[RELOADED]["isExisting"] is True
    assert films[REVOLUTIONS]["isExcluded"] is True
    assert after["missingMovies"] == 1  # Resurrections


async def test_the_webhook_says_a_monitored_collection_added_its_films(
    library: Library, receiver: WebhookReceiver
) -> None:
    await add_webhook(library.server.client, receiver.url(), switches=("onMovieAdded",))
    collection = await _collection_of(library, MATRIX)
    response = await library.server.client.put(
        f"/api/v3/collection/{collection['id']}", json={"monitored": True}
    )
    assert response.status_code == 202, response.text
    await _collections_settled(library)

    async def told() -> dict[int, str] | None:
        added = [r.json() for r in receiver.requests() if r.json()["eventType"] == "MovieAdded"]
        return {p["movie"]["tmdbId"]: p["addMethod"] for p in added} if len(added) == 3 else None

    assert await eventually(told) == {MATRIX: "manual", RELOADED: "collection", REVOLUTIONS: "collection"}


async def test_refresh_collections_adds_what_a_monitored_collection_is_missing(library: Library) -> None:
    collection = await _collection_of(library, MATRIX)
    client = library.server.client
    response = await client.put(f"/api/v3/collection/{collection['id']}", json={"monitored": True})
    assert response.status_code == 202, response.text
    await _collections_settled(library)
    reloaded = (await _library_tmdb_ids(library))[RELOADED]
    deleted = await client.delete(f"/api/v3/movie/{reloaded['id']}")
    assert deleted.status_code == 200, deleted.text

    command = await run_command(library, "RefreshCollections")

    assert command["status"] == "completed", command
    assert set(await _library_tmdb_ids(library)) == {MATRIX, RELOADED, REVOLUTIONS}


async def test_the_editor_changes_several_collections_and_their_films(library: Library) -> None:
    matrix = await _collection_of(library, MATRIX)
    dark_knight = await _collection_of(library, DARK_KNIGHT)
    client = library.server.client

    response = await client.put(
        "/api/v3/collection",
        json={
            "collectionIds": [matrix["id"], dark_knight["id"]],
            "monitorMovies": False,
            "searchOnAdd": True,
            "qualityProfileId": ANY,
            "minimumAvailability": "Announced",  # Radarr reads enums whatever their case
            "rootFolderPath": "",
        },
    )

    assert response.status_code == 202, response.text
    edited = {c["id"]: c for c in response.json()}
    assert set(edited) == {matrix["id"], dark_knight["id"]}
    for collection in await _collections(library):
        assert collection["searchOnAdd"] is True
        assert (collection["qualityProfileId"], collection["minimumAvailability"]) == (ANY, "announced")
        assert collection["rootFolderPath"] == str(library.root)  # blank: left as it was
        assert collection["monitored"] is False
    assert all(m["monitored"] is False for m in (await _library_tmdb_ids(library)).values())


async def test_a_collection_goes_with_its_last_film(library: Library) -> None:
    await _collection_of(library, MATRIX)
    dark_knight = await _collection_of(library, DARK_KNIGHT)
    matrix_film = (await _library_tmdb_ids(library))[MATRIX]

    response = await library.server.client.delete(f"/api/v3/movie/{matrix_film['id']}")

    assert response.status_code == 200, response.text
    assert [c["id"] for c in await _collections(library)] == [dark_knight["id"]]


async def test_bad_input_is_a_400_or_404_and_changes_nothing(library: Library) -> None:
    matrix = await _collection_of(library, MATRIX)
    client = library.server.client
    url = f"/api/v3/collection/{matrix['id']}"

    unknown_profile = await client.put(url, json={"monitored": True, "qualityProfileId": 999})
    unknown_root = await client.put(url, json={"rootFolderPath": "/nowhere"})
    unknown_tag = await client.put(url, json={"tags": [42]})
    bad_availability = await client.put(url, json={"minimumAvailability": "soon"})
    unknown_id = await client.put("/api/v3/collection/99999", json={"monitored": True})
    bulk_unknown_id = await client.put(
        "/api/v3/collection", json={"collectionIds": [matrix["id"], 99999], "monitored": True}
    )
    too_wide = await client.get("/api/v3/collection/4294967296")

    assert [r.status_code for r in (unknown_profile, unknown_root, unknown_tag, bad_availability)] == [
        400
    ] * 4
    assert unknown_profile.json()[0]["propertyName"] == "qualityProfileId"
    assert unknown_root.json()[0]["propertyName"] == "rootFolderPath"
    assert unknown_tag.json()[0]["propertyName"] == "tags"
    assert (await client.get("/api/v3/collection/99999")).status_code == 404
    assert unknown_id.status_code == 404
    assert bulk_unknown_id.status_code == 404
    assert too_wide.status_code == 404
    assert await _collections(library) == [matrix]


async def test_a_monitored_collection_adds_only_films_that_are_out(library: Library) -> None:
    avatar_4, avatar_5, avatar = 216527, 393209, 19995  # Avatar 4 and 5 come out in a year or more
    collection = await _collection_of(library, avatar_4)

    response = await library.server.client.put(
        f"/api/v3/collection/{collection['id']}", json={"monitored": True}
    )
    assert response.status_code == 202, response.text
    await _collections_settled(library)

    assert library.tmdb.count(f"/movie/{avatar}") >= 1  # out: asked for (the fixture TMDB has no such film)
    assert library.tmdb.count(f"/movie/{avatar_5}") == 0  # not out: never asked for
    assert set(await _library_tmdb_ids(library)) == {avatar_4}


async def _no_collection_left(library: Library) -> None:
    """Wait until the film's refresh and the collection refreshes it led to are over, and none is left."""
    await refreshed(library)
    await _collections_settled(library)

    async def none() -> bool:
        return await _collections(library) == []

    await eventually(none, within=30)


async def test_a_collection_tmdb_no_longer_has_goes_away(library: Library) -> None:
    library.tmdb.fail(404, path=f"/collection/{MATRIX_COLLECTION}")

    await add_movie(library, MATRIX)

    await _no_collection_left(library)
    assert set(await _library_tmdb_ids(library)) == {MATRIX}


async def test_health_names_a_collection_whose_root_folder_is_gone(library: Library) -> None:
    collection = await _collection_of(library, MATRIX)
    client = library.server.client
    other = library.root.parent / "other films"
    other.mkdir()
    added = await client.post("/api/v3/rootfolder", json={"path": str(other)})
    assert added.status_code == 201, added.text
    moved = await client.put(f"/api/v3/collection/{collection['id']}", json={"rootFolderPath": str(other)})
    assert moved.status_code == 202, moved.text
    assert (await client.delete(f"/api/v3/rootfolder/{added.json()['id']}")).status_code == 200

    command = await run_command(library, "CheckHealth")

    assert command["status"] == "completed", command
    health = (await client.get("/api/v3/health")).json()
    [problem] = [h for h in health if h["source"] == "MovieCollectionRootFolderCheck"]
    assert problem["type"] == "error"
    assert problem["message"] == f"Missing root folder for movie collection: {other} (The Matrix Collection)"


async def test_a_film_added_with_its_collection_monitors_the_collection(library: Library) -> None:
    await add_movie(library, MATRIX, addOptions={"monitor": "movieAndCollection", "searchForMovie": False})
    await _collections_settled(library)

    [collection] = await _collections(library)
    assert (collection["monitored"], collection["searchOnAdd"]) == (True, False)
    assert set(await _library_tmdb_ids(library)) == {MATRIX, RELOADED, REVOLUTIONS}
    assert collection["missingMovies"] == 1  # Resurrections, which TMDB cannot give


async def test_a_refreshed_film_brings_back_the_collection_it_belongs_to(library: Library) -> None:
    library.tmdb.fail(404, path=f"/collection/{MATRIX_COLLECTION}")  # gone for a while
    matrix = await add_movie(library, MATRIX)
    await _no_collection_left(library)
    library.tmdb.clear_faults()

    command = await run_command(library, "RefreshMovie", movieIds=[matrix["id"]])
    assert command["status"] == "completed", command

    async def back() -> list[dict[str, Any]] | None:
        found = await _collections(library)
        return found if found and found[0]["movies"] else None

    [collection] = await eventually(back, within=30)
    assert collection["tmdbId"] == MATRIX_COLLECTION
    assert len(collection["movies"]) == 4
