"""radarr-py 1.2.0 (API-COMPAT §6.1 suite E): Radarr's own OpenAPI models read every answer.

radarr-py is generated from Radarr 5.17's openapi.json; its pydantic models are strict (StrictInt,
StrictBool, the enums), so an answer of the wrong type or an enum value Radarr never sends fails
here. The calls go through its generated API classes, so paths and query names are Radarr's too.
Where Radarr's spec declares no response body (credits) or a different one than Radarr sends
(lookup by id), the model is applied to the raw JSON.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import pytest
import radarr
from radarr.exceptions import NotFoundException

from tests.clients.conftest import HD_1080P, Library, add_film, add_film_with_file, lookup
from tests.fixtures.media import SampleMedia
from tests.fixtures.trash_guides import as_recyclarr_sends, trash_formats
from tests.support.live import API_KEY

T = TypeVar("T")
RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


async def call(method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one (blocking) radarr-py call off the event loop the server runs in."""
    return await asyncio.to_thread(method, *args, **kwargs)


@pytest.fixture
def client(library: Library) -> Iterator[radarr.ApiClient]:
    """radarr-py's client, sending the key in the X-Api-Key header."""
    config = radarr.Configuration(host=library.server.url, api_key={"X-Api-Key": API_KEY})
    with radarr.ApiClient(config) as api_client:
        yield api_client


async def test_system_commands_and_health(client: radarr.ApiClient) -> None:
    status = await call(radarr.SystemApi(client).get_system_status)
    assert status.app_name == "Radarr"
    assert status.version is not None
    await call(radarr.HealthApi(client).list_health)
    tasks = await call(radarr.TaskApi(client).list_system_task)
    assert any(t.task_name == "RefreshMovie" for t in tasks)
    assert (await call(radarr.TaskApi(client).get_system_task_by_id, tasks[0].id)).id == tasks[0].id

    commands = radarr.CommandApi(client)
    queued = await call(commands.create_command, radarr.CommandResource(name="RefreshMovie"))
    assert queued.id
    assert queued.status in {"queued", "started", "completed"}
    assert (await call(commands.get_command_by_id, queued.id)).name == "RefreshMovie"
    assert any(c.id == queued.id for c in await call(commands.list_command))


async def test_quality_and_languages(client: radarr.ApiClient) -> None:
    profiles = await call(radarr.QualityProfileApi(client).list_quality_profile)
    assert [p.name for p in profiles][:2] == ["Any", "SD"]
    hd = await call(radarr.QualityProfileApi(client).get_quality_profile_by_id, HD_1080P)
    assert hd.name == "HD-1080p"
    assert hd.items
    schema = await call(radarr.QualityProfileSchemaApi(client).get_qualityprofile_schema)
    assert schema.items
    definitions = await call(radarr.QualityDefinitionApi(client).list_quality_definition)
    assert len(definitions) >= 30
    one = await call(radarr.QualityDefinitionApi(client).get_quality_definition_by_id, definitions[0].id)
    assert one.quality is not None
    languages = await call(radarr.LanguageApi(client).list_language)
    assert any(language.name == "English" for language in languages)
    assert (await call(radarr.LanguageApi(client).get_language_by_id, 1)).name == "English"


async def test_the_library_through_radarrs_models(library: Library, client: radarr.ApiClient) -> None:
    [root] = await call(radarr.RootFolderApi(client).list_root_folder)
    assert root.path is not None
    assert root.free_space is not None
    assert await call(radarr.DiskSpaceApi(client).list_disk_space)

    lookups = radarr.MovieLookupApi(client)
    found = await call(lookups.list_movie_lookup, term="matrix")
    assert any(m.tmdb_id == 603 for m in found)
    [by_tmdb] = await call(lookups.list_movie_lookup, term="tmdb:603")
    assert by_tmdb.title == "The Matrix"
    # Radarr answers /lookup/tmdb and /lookup/imdb with one movie (clients read it so), while its
    # spec, and so radarr-py, declares a list: the model is applied to the raw answer instead.
    for path, params in (("tmdb", {"tmdbId": 603}), ("imdb", {"imdbId": "tt0133093"})):
        response = await library.server.client.get(f"/api/v3/movie/lookup/{path}", params=params)
        assert radarr.MovieResource.from_dict(response.json()).tmdb_id == 603

    movies = radarr.MovieApi(client)
    by_tmdb.quality_profile_id = HD_1080P
    by_tmdb.root_folder_path = root.path
    by_tmdb.monitored = True
    by_tmdb.minimum_availability = radarr.MovieStatusType.RELEASED
    added = await call(movies.create_movie, by_tmdb)
    assert added.id
    assert added.status == radarr.MovieStatusType.RELEASED
    assert added.alternate_titles
    assert added.collection is not None
    assert added.collection.tmdb_id == 2344

    [listed] = await call(movies.list_movie)
    assert listed.id == added.id
    assert listed.alternate_titles == added.alternate_titles
    assert [m.id for m in await call(movies.list_movie, tmdb_id=603)] == [added.id]
    one = await call(movies.get_movie_by_id, added.id)
    one.monitored = False
    updated = await call(movies.update_movie, str(added.id), movie_resource=one)
    assert updated.monitored is False

    tag = await call(radarr.TagApi(client).create_tag, radarr.TagResource(label="four-k"))
    await call(
        radarr.MovieEditorApi(client).put_movie_editor,
        radarr.MovieEditorResource(movieIds=[added.id], tags=[tag.id], applyTags=radarr.ApplyTags.ADD),
    )
    assert (await call(movies.get_movie_by_id, added.id)).tags == [tag.id]
    [detail] = await call(radarr.TagDetailsApi(client).list_tag_detail)
    assert detail.movie_ids == [added.id]

    start, end = datetime(1999, 9, 1, tzinfo=UTC), datetime(1999, 9, 30, tzinfo=UTC)
    [scheduled] = await call(radarr.CalendarApi(client).list_calendar, start=start, end=end, unmonitored=True)
    assert scheduled.id == added.id

    [reloaded] = await call(lookups.list_movie_lookup, term="tmdb:604")
    reloaded.quality_profile_id = HD_1080P
    reloaded.root_folder_path = root.path
    [imported] = await call(radarr.MovieImportApi(client).create_movie_import, [reloaded])
    assert imported.tmdb_id == 604

    exclusions = radarr.ImportListExclusionApi(client)
    created = await call(
        exclusions.create_exclusions,
        radarr.ImportListExclusionResource(tmdbId=605, movieTitle="The Matrix Revolutions", movieYear=2003),
    )
    assert created.id
    assert [e.tmdb_id for e in await call(exclusions.list_exclusions)] == [605]
    paged = await call(exclusions.get_exclusions_paged, page=1, page_size=10)
    assert paged.total_records == 1

    await call(movies.delete_movie, imported.id, delete_files=True, add_import_exclusion=False)
    with pytest.raises(NotFoundException):
        await call(movies.get_movie_by_id, imported.id)


async def test_credits_read_as_radarrs_credit_resource(library: Library) -> None:
    movie = await add_film(library, 603)
    response = await library.server.client.get("/api/v3/credit", params={"movieId": movie["id"]})
    credits = [radarr.CreditResource.from_dict(item) for item in response.json()]
    assert credits
    assert {c.type for c in credits} == {radarr.CreditType.CAST, radarr.CreditType.CREW}
    assert all(
        image.cover_type == radarr.MediaCoverTypes.HEADSHOT for c in credits for image in c.images or []
    )


async def test_movie_files_and_parse(
    library: Library, client: radarr.ApiClient, sample_media: SampleMedia
) -> None:
    movie = await add_film_with_file(library, sample_media, 603, RELEASE)
    files = radarr.MovieFileApi(client)
    [file] = await call(files.list_movie_file, movie_id=[movie["id"]])
    assert file.scene_name == RELEASE
    assert file.quality is not None
    assert file.media_info is not None
    assert (await call(files.get_movie_file_by_id, file.id)).relative_path == file.relative_path
    [with_file] = await call(radarr.MovieApi(client).list_movie)
    assert with_file.movie_file is not None
    assert with_file.movie_file.id == file.id

    parsed = await call(radarr.ParseApi(client).get_parse, title=RELEASE)
    assert parsed.parsed_movie_info is not None
    assert parsed.parsed_movie_info.movie_titles == ["The Matrix"]
    assert parsed.movie is not None
    assert parsed.movie.id == movie["id"]
    assert (await lookup(library, 603))["id"] == movie["id"]


async def test_wanted_pages_through_radarrs_models(
    library: Library, client: radarr.ApiClient, sample_media: SampleMedia
) -> None:
    with_file = await add_film_with_file(library, sample_media, 603, RELEASE)
    without_file = await add_film(library, 550)
    edited = await library.server.client.put(
        "/api/v3/moviefile/editor",
        json={"movieFileIds": [with_file["movieFileId"]], "quality": {"quality": {"id": 5}}},  # WEBDL-720p
    )
    assert edited.status_code == 202, edited.text

    missing = await call(
        radarr.MissingApi(client).get_wanted_missing,
        page=1,
        page_size=10,
        sort_key="movieMetadata.sortTitle",
        sort_direction=radarr.SortDirection.ASCENDING,
        monitored=True,
    )
    cutoff = await call(radarr.CutoffApi(client).get_wanted_cutoff, monitored=True)

    assert (missing.page, missing.page_size, missing.total_records) == (1, 10, 1)
    assert missing.records is not None
    assert [m.id for m in missing.records] == [without_file["id"]]
    assert cutoff.records is not None
    assert [m.id for m in cutoff.records] == [with_file["id"]]
    [below] = cutoff.records
    assert below.movie_file is not None
    assert below.movie_file.quality is not None


async def test_delay_and_release_profiles_through_radarrs_models(client: radarr.ApiClient) -> None:
    tag = await call(radarr.TagApi(client).create_tag, radarr.TagResource(label="uhd"))
    delays = radarr.DelayProfileApi(client)
    created = await call(
        delays.create_delay_profile,
        radarr.DelayProfileResource(
            enable_usenet=True,
            enable_torrent=True,
            preferred_protocol="torrent",
            torrent_delay=60,
            tags=[tag.id],
        ),
    )
    assert created.id
    assert created.preferred_protocol == "torrent"
    listed = await call(delays.list_delay_profile)
    assert [p.id for p in listed] == [created.id, 1]
    reordered = await call(delays.update_delay_profile_reorder, created.id)
    assert reordered[0].id == created.id

    releases = radarr.ReleaseProfileApi(client)
    profile = await call(
        releases.create_release_profile,
        radarr.ReleaseProfileResource(name="x265 only", required=["x265"], ignored=["CAM"], tags=[tag.id]),
    )
    fetched = await call(releases.get_release_profile_by_id, profile.id)
    assert (fetched.required, fetched.ignored, fetched.indexer_id) == (["x265"], ["CAM"], 0)
    await call(releases.delete_release_profile, profile.id)
    assert await call(releases.list_release_profile) == []


async def test_custom_formats_through_radarrs_models(library: Library, client: radarr.ApiClient) -> None:
    formats = radarr.CustomFormatApi(client)
    schema = await call(formats.list_custom_format_schema)
    assert [s.implementation for s in schema][:2] == ["ReleaseTitleSpecification", "EditionSpecification"]
    assert all(f.privacy == radarr.PrivacyLevel.NORMAL for s in schema for f in s.fields or [])

    guides = trash_formats()
    created = []
    for name in ("x265-hd", "language-not-original", "hdr10plus-boost"):
        body = radarr.CustomFormatResource.from_dict(as_recyclarr_sends(guides[name]))
        created.append(await call(formats.create_custom_format, body))
    x265 = created[0]
    assert x265.id
    assert [s.implementation for s in x265.specifications or []] == [
        "ReleaseTitleSpecification",
        "ResolutionSpecification",
    ]
    assert (await call(formats.get_custom_format_by_id, x265.id)) == x265
    assert len(await call(formats.list_custom_format)) == 3

    x265.name = "x265 (720p/1080p)"
    updated = await call(formats.update_custom_format, str(x265.id), x265)
    assert updated.name == "x265 (720p/1080p)"

    # Radarr answers the bulk edit with the list of formats, though its spec declares one format.
    bulk = radarr.CustomFormatBulkResource(
        ids=[c.id for c in created], include_custom_format_when_renaming=True
    )
    response = await call(formats.put_custom_format_bulk_without_preload_content, bulk)
    edited = [radarr.CustomFormatResource.from_dict(item) for item in json.loads(response.data)]
    assert all(f.include_custom_format_when_renaming for f in edited)

    parsed = await call(radarr.ParseApi(client).get_parse, title="Movie.2019.1080p.BluRay.x265-GRP")
    # No library movie: the release's language is unknown, which is not the (unknown) original one.
    assert [(f.id, f.name) for f in parsed.custom_formats or []] == [
        (created[1].id, "Language: Not Original"),
        (x265.id, "x265 (720p/1080p)"),
    ]
    assert parsed.custom_format_score == 0

    profile = await call(radarr.QualityProfileApi(client).get_quality_profile_by_id, HD_1080P)
    assert {item.format for item in profile.format_items or []} == {c.id for c in created}

    await call(formats.delete_custom_format_bulk, radarr.CustomFormatBulkResource(ids=[created[1].id]))
    await call(formats.delete_custom_format, created[2].id)
    assert [f.id for f in await call(formats.list_custom_format)] == [x265.id]


async def test_naming_settings_through_radarrs_models(client: radarr.ApiClient) -> None:
    naming = radarr.NamingConfigApi(client)
    config = await call(naming.get_naming_config)
    assert config.colon_replacement_format == radarr.ColonReplacementFormat.SMART
    assert (await call(naming.get_naming_config_by_id, 1)) == config
    config.rename_movies = True
    config.colon_replacement_format = radarr.ColonReplacementFormat.SPACEDASHSPACE
    config.standard_movie_format = "{Movie CleanTitle} {(Release Year)} {[Quality Full]}"
    saved = await call(naming.update_naming_config, str(config.id), config)
    assert saved == config
    # Radarr's spec declares no body for the examples; the answer is NamingExampleResource's shape.
    response = await call(
        naming.get_naming_config_examples_without_preload_content,
        rename_movies=True,
        standard_movie_format="{Movie Title} {Release Year}",
        movie_folder_format="{Movie TitleThe}",
        id=1,
    )
    assert json.loads(response.data) == {
        "movieExample": "The Movie - Title 2010",
        "movieFolderExample": "Movie - Title, The",
    }
