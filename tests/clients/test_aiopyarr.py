"""aiopyarr 23.4.0 beyond Home Assistant's polling: lookup, add, update, delete, tags, commands.

aiopyarr serialises its models back to JSON its own way: integers it knows (`titleSlug`, `size`)
become strings, release dates become `yyyy-mm-dd`, naive datetimes get a `Z`, nested models it
did not receive become `{}`, and booleans in DELETE bodies are the strings `"True"`/`"False"`.
The server must take all of that back.
"""

from __future__ import annotations

import pytest
from aiopyarr import Command, RadarrMovie, RadarrMovieEditor, RadarrMovieFile, RadarrTagDetails, Tag
from aiopyarr.exceptions import ArrException
from aiopyarr.models.radarr import RadarrCommands
from aiopyarr.radarr_client import RadarrClient

from tests.clients.conftest import HD_1080P, Library, add_film, add_film_with_file, settled
from tests.fixtures.media import MediaKind, SampleMedia
from tests.support.waiting import eventually

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


async def _add_from_lookup(client: RadarrClient, library: Library, tmdb_id: int) -> RadarrMovie:
    [movie] = await client.async_lookup_movie(str(tmdb_id))
    movie.rootFolderPath = str(library.root)
    movie.qualityProfileId = HD_1080P
    movie.monitored = True
    movie.minimumAvailability = "released"
    movie.addOptions = {"searchForMovie": False}
    added = await client.async_add_movies(movie)
    assert isinstance(added, RadarrMovie)
    return added


async def test_lookup_by_tmdb_id_parses_into_a_movie_model(aiopyarr_client: RadarrClient) -> None:
    [movie] = await aiopyarr_client.async_lookup_movie("603")
    assert isinstance(movie, RadarrMovie)
    assert (movie.title, movie.year, movie.imdbId) == ("The Matrix", 1999, "tt0133093")
    assert not getattr(movie, "id", 0)


async def test_lookup_by_imdb_id(aiopyarr_client: RadarrClient) -> None:
    [movie] = await aiopyarr_client.async_lookup_movie("tt0137523", tmdb=False)
    assert movie.tmdbId == 550


async def test_add_a_lookup_model_as_aiopyarr_serialises_it(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    added = await _add_from_lookup(aiopyarr_client, library, 603)
    assert added.id > 0
    assert added.path == str(library.root / "The Matrix (1999)")
    assert added.qualityProfileId == HD_1080P


async def test_get_movie_by_id_ignores_the_tmdbid_parameter_aiopyarr_adds(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    # aiopyarr sends GET /movie/{id}?tmdbid={id}: the id in the path wins.
    added = await add_film(library, 603)
    movie = await aiopyarr_client.async_get_movies(added["id"])
    assert isinstance(movie, RadarrMovie)
    assert movie.tmdbId == 603


async def test_get_movies_by_tmdb_id_is_a_list(aiopyarr_client: RadarrClient, library: Library) -> None:
    added = await add_film(library, 603)
    await add_film(library, 550)
    movies = await aiopyarr_client.async_get_movies(603, tmdb=True)
    assert isinstance(movies, list)
    assert [m.id for m in movies] == [added["id"]]


async def test_unknown_movie_id_raises_an_aiopyarr_error(aiopyarr_client: RadarrClient) -> None:
    with pytest.raises(ArrException, match="404"):
        await aiopyarr_client.async_get_movies(999)


async def test_edit_a_movie_model_put_back_whole(aiopyarr_client: RadarrClient, library: Library) -> None:
    added = await add_film(library, 603)
    movie = await aiopyarr_client.async_get_movies(added["id"])
    assert isinstance(movie, RadarrMovie)
    movie.monitored = False
    movie.minimumAvailability = "inCinemas"
    edited = await aiopyarr_client.async_edit_movies(movie)
    assert isinstance(edited, RadarrMovie)
    assert (edited.id, edited.monitored, edited.minimumAvailability) == (added["id"], False, "inCinemas")
    stored = (await library.server.client.get(f"/api/v3/movie/{added['id']}")).json()
    assert (stored["monitored"], stored["minimumAvailability"]) == (False, "inCinemas")
    assert stored["inCinemas"] == added["inCinemas"], "the date sent back as yyyy-mm-dd changed nothing"


async def test_edit_several_through_the_editor_model(aiopyarr_client: RadarrClient, library: Library) -> None:
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    editor = RadarrMovieEditor({"movieIds": [a["id"], b["id"]], "monitored": False})
    edited = await aiopyarr_client.async_edit_movies(editor)
    assert isinstance(edited, list)
    assert [m.monitored for m in edited] == [False, False]


async def test_delete_one_movie_returns_cleanly(aiopyarr_client: RadarrClient, library: Library) -> None:
    added = await add_film(library, 603)
    await aiopyarr_client.async_delete_movies(added["id"], delete_files=True, add_exclusion=True)
    assert await aiopyarr_client.async_get_movies() == []


async def test_delete_one_with_capitalised_query_booleans_deletes_files_and_excludes(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    added = await add_film(library, 603)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    # Exactly aiopyarr's request: DELETE /movie/{id}?deleteFiles=True&addImportExclusion=True, body null.
    response = await library.server.client.request(
        "DELETE",
        f"/api/v3/movie/{added['id']}",
        params={"deleteFiles": "True", "addImportExclusion": "True"},
        content=b"null",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200
    assert await aiopyarr_client.async_get_movies() == []
    assert not folder.exists()
    assert [e.tmdbId for e in await aiopyarr_client.async_get_exclusions()] == [603]


async def test_delete_several_through_the_editor_returns_cleanly(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    # DELETE /movie/editor answers {} as Radarr does, which aiopyarr can decode.
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    await aiopyarr_client.async_delete_movies([a["id"], b["id"]])
    assert await aiopyarr_client.async_get_movies() == []


@pytest.mark.parametrize(("flag", "deleted"), [("False", False), ("True", True)])
async def test_delete_several_reads_string_booleans_in_the_editor_body(
    aiopyarr_client: RadarrClient, library: Library, flag: str, deleted: bool
) -> None:
    a = await add_film(library, 603)
    b = await add_film(library, 550)
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    # Exactly aiopyarr's body for async_delete_movies([...]): booleans as the strings "True"/"False".
    body = {"deleteFiles": flag, "addImportExclusion": flag, "movieIds": [a["id"], b["id"]]}
    response = await library.server.client.request("DELETE", "/api/v3/movie/editor", json=body)
    assert response.status_code == 200, response.text
    assert await aiopyarr_client.async_get_movies() == []
    assert folder.exists() is not deleted
    assert len(await aiopyarr_client.async_get_exclusions()) == (2 if deleted else 0)


async def test_tags_add_edit_details_and_delete(aiopyarr_client: RadarrClient, library: Library) -> None:
    tag = await aiopyarr_client.async_add_tag("Family")
    assert isinstance(tag, Tag)
    assert tag.label == "family"
    tag.label = "kids"
    edited = await aiopyarr_client.async_edit_tag(tag)
    assert (edited.id, edited.label) == (tag.id, "kids")
    movie = await add_film(library, 603, tags=[tag.id])
    detail = await aiopyarr_client.async_get_tags_details(tag.id)
    assert isinstance(detail, RadarrTagDetails)
    assert detail.movieIds == [movie["id"]]
    await library.server.client.delete(f"/api/v3/movie/{movie['id']}")
    await library.server.client.delete(f"/api/v3/tag/{tag.id}")
    assert await aiopyarr_client.async_get_tags() == []


async def test_refresh_movie_command_parses_and_completes(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    # aiopyarr sends {"name": "RefreshMovie", "movieId": id} (singular): Radarr refreshes everything.
    movie = await add_film(library, 603)
    command = await aiopyarr_client.async_radarr_command(RadarrCommands.REFRESH_MOVIE, movieid=movie["id"])
    assert isinstance(command, Command)
    assert command.name == "RefreshMovie"

    async def completed() -> bool:
        one = await aiopyarr_client.async_get_commands(command.id)
        assert isinstance(one, Command)
        return bool(one.status == "completed")

    await eventually(completed)


async def test_movie_files_of_several_ids_parse_into_file_models(
    aiopyarr_client: RadarrClient, library: Library, sample_media: SampleMedia
) -> None:
    movie = await add_film_with_file(library, sample_media, 603, RELEASE)
    files = await aiopyarr_client.async_lookup_movie_files([movie["movieFileId"]])
    assert isinstance(files, list)
    [file] = files
    assert isinstance(file, RadarrMovieFile)
    assert (file.id, file.movieId, file.relativePath) == (movie["movieFileId"], movie["id"], f"{RELEASE}.mkv")
    assert file.mediaInfo.videoCodec == "x264"


async def test_rescan_movie_command_finds_a_file_placed_later(
    aiopyarr_client: RadarrClient, library: Library, sample_media: SampleMedia
) -> None:
    movie = await settled(library, (await add_film(library, 603))["id"])
    sample_media.copy_to(MediaKind.FEATURE_90MIN, library.root / "The Matrix (1999)" / f"{RELEASE}.mkv")
    command = await aiopyarr_client.async_radarr_command(RadarrCommands.RESCAN_MOVIE, movieid=movie["id"])
    assert command.name == "RescanMovie"
    assert (await settled(library, movie["id"]))["hasFile"] is True


async def test_quality_profiles_definitions_and_languages_parse(aiopyarr_client: RadarrClient) -> None:
    profiles = await aiopyarr_client.async_get_quality_profiles()
    assert isinstance(profiles, list)
    assert "HD-1080p" in [p.name for p in profiles]
    definitions = await aiopyarr_client.async_get_quality_definitions()
    assert isinstance(definitions, list)
    assert "Bluray-1080p" in [d.title for d in definitions]
    languages = await aiopyarr_client.async_get_languages()
    assert isinstance(languages, list)
    assert "English" in [lang.name for lang in languages]


async def test_parse_a_release_title(aiopyarr_client: RadarrClient) -> None:
    parsed = await aiopyarr_client.async_parse("The.Matrix.1999.1080p.BluRay.x264-GROUP")
    assert parsed.parsedMovieInfo.movieTitle == "The Matrix"
    assert parsed.parsedMovieInfo.year == 1999
    assert parsed.parsedMovieInfo.quality.quality.name == "Bluray-1080p"


async def test_parse_a_release_title_of_a_library_film_names_the_movie(
    aiopyarr_client: RadarrClient, library: Library
) -> None:
    added = await add_film(library, 603)
    parsed = await aiopyarr_client.async_parse("The.Matrix.1999.1080p.BluRay.x264-GROUP")
    assert isinstance(parsed.movie, RadarrMovie)
    assert (parsed.movie.id, parsed.movie.tmdbId) == (added["id"], 603)
