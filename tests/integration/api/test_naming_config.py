"""/api/v3/config/naming: the naming settings as Recyclarr, pyarr and the settings page use them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.shared_server import shared_server

RADARR_DEFAULTS = {
    "id": 1,
    "renameMovies": False,
    "replaceIllegalCharacters": True,
    "colonReplacementFormat": "smart",
    "standardMovieFormat": "{Movie Title} ({Release Year}) {Quality Full}",
    "movieFolderFormat": "{Movie Title} ({Release Year})",
}
# TRaSH's naming scheme for Plex, as Recyclarr syncs it.
TRASH_FILE = (
    "{Movie CleanTitle} {(Release Year)} {imdb-{ImdbId}} - {edition-{Edition Tags}} "
    "{[MediaInfo 3D]}{[Custom Formats]}{[Quality Full]}{[Mediainfo AudioCodec}{ Mediainfo AudioChannels]}"
    "{[MediaInfo VideoDynamicRangeType]}{[Mediainfo VideoCodec]}{-Release Group}"
)
TRASH_FOLDER = "{Movie CleanTitle} ({Release Year}) {imdb-{ImdbId}}"


async def _radarrs_defaults(server: LiveServer) -> None:
    response = await server.client.put("/api/v3/config/naming", json=RADARR_DEFAULTS)
    assert response.status_code == 202, response.text


server = shared_server(reset=_radarrs_defaults)


async def test_the_defaults_are_radarrs(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/config/naming")
    assert response.status_code == 200
    assert response.json() == RADARR_DEFAULTS
    assert (await server.client.get("/api/v3/config/naming/1")).json() == RADARR_DEFAULTS


async def test_recyclarr_gets_edits_and_puts_the_whole_resource_back(server: LiveServer) -> None:
    config = (await server.client.get("/api/v3/config/naming")).json()
    config.update(renameMovies=True, standardMovieFormat=TRASH_FILE, movieFolderFormat=TRASH_FOLDER)
    response = await server.client.put(f"/api/v3/config/naming/{config['id']}", json=config)
    assert response.status_code == 202, response.text
    assert response.json() == config
    assert (await server.client.get("/api/v3/config/naming")).json() == config


async def test_pyarr_puts_without_the_id_in_the_path(server: LiveServer) -> None:
    config = {
        **RADARR_DEFAULTS,
        "colonReplacementFormat": "spaceDashSpace",
        "replaceIllegalCharacters": False,
    }
    response = await server.client.put("/api/v3/config/naming", json=config)
    assert response.status_code == 202, response.text
    assert (await server.client.get("/api/v3/config/naming")).json() == config


@pytest.mark.parametrize(("sent", "stored"), [(3, "spaceDashSpace"), ("DASH", "dash"), ("1", "dash")])
async def test_the_colon_mode_is_read_by_name_in_any_case_or_by_number(
    server: LiveServer, sent: object, stored: str
) -> None:
    response = await server.client.put("/api/v3/config/naming/1", json={"colonReplacementFormat": sent})
    assert response.status_code == 202, response.text
    assert response.json()["colonReplacementFormat"] == stored


async def test_a_name_that_does_not_read_back_is_allowed_while_renaming_is_off(server: LiveServer) -> None:
    # Radarr checks the sample's name, which is its release name while renaming is off.
    config = {**RADARR_DEFAULTS, "standardMovieFormat": "{Release Year} {Movie Title}"}
    response = await server.client.put("/api/v3/config/naming/1", json=config)
    assert response.status_code == 202, response.text


async def test_fields_left_out_keep_their_values(server: LiveServer) -> None:
    await server.client.put("/api/v3/config/naming/1", json={"renameMovies": True})
    await server.client.put("/api/v3/config/naming/1", json={"movieFolderFormat": "{Movie TitleThe}"})
    config = (await server.client.get("/api/v3/config/naming")).json()
    assert (config["renameMovies"], config["movieFolderFormat"]) == (True, "{Movie TitleThe}")


@pytest.mark.parametrize(
    ("change", "property_name", "message"),
    [
        ({"standardMovieFormat": ""}, "standardMovieFormat", "'Standard Movie Format' must not be empty."),
        (
            {"standardMovieFormat": "{Quality Full}"},
            "standardMovieFormat",
            "Must contain either movie title and release year OR Original Title/Filename",
        ),
        ({"standardMovieFormat": "{Movie Title}"}, "standardMovieFormat", "Must contain either movie title"),
        ({"standardMovieFormat": "{Movie Title} {Release Year}\x01"}, "standardMovieFormat", "illegal"),
        (
            {"renameMovies": True, "standardMovieFormat": "{Release Year} {Movie Title}"},
            "standardMovieFormat",
            "Produces invalid file names",
        ),
        ({"movieFolderFormat": ""}, "movieFolderFormat", "'Movie Folder Format' must not be empty."),
        ({"movieFolderFormat": "{Release Year}"}, "movieFolderFormat", "Must contain movie title"),
        (
            {"movieFolderFormat": "{Movie Title} {Quality Full}"},
            "movieFolderFormat",
            "Must not contain deprecated tokens derived from file properties: {Quality Full}",
        ),
        (
            {"standardMovieFormat": "{Movie Title} {Release Year}" + "{" * 5000},
            "standardMovieFormat",
            "at most",
        ),
        ({"colonReplacementFormat": "colon"}, "colonReplacementFormat", "not a valid"),
        ({"colonReplacementFormat": 9}, "colonReplacementFormat", "not a valid"),
        ({"renameMovies": "perhaps"}, "renameMovies", ""),
        ({"standardMovieFormat": 5}, "standardMovieFormat", ""),
    ],
)
async def test_broken_rules_are_a_400_in_radarrs_shape_and_nothing_is_saved(
    server: LiveServer, change: dict[str, Any], property_name: str, message: str
) -> None:
    response = await server.client.put("/api/v3/config/naming/1", json={**RADARR_DEFAULTS, **change})
    assert response.status_code == 400, response.text
    failures = response.json()
    assert isinstance(failures, list)
    assert any(f["propertyName"] == property_name and message in f["errorMessage"] for f in failures), (
        failures
    )
    assert all(f["severity"] == "error" for f in failures)
    assert (await server.client.get("/api/v3/config/naming")).json() == RADARR_DEFAULTS


async def test_examples_name_the_sample_film_under_the_saved_settings(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/config/naming/examples")
    assert response.status_code == 200
    # Renaming is off by default: the file keeps its release name, as in Radarr.
    assert response.json() == {
        "movieExample": "The.Movie.Title.2010.1080p.BluRay.DTS.x264-EVOLVE",
        "movieFolderExample": "The Movie - Title (2010)",
    }


async def test_examples_follow_the_unsaved_form_the_settings_page_sends(server: LiveServer) -> None:
    form = {
        **RADARR_DEFAULTS,
        "renameMovies": "true",
        "replaceIllegalCharacters": "true",
        "colonReplacementFormat": "delete",
        "standardMovieFormat": TRASH_FILE,
        "movieFolderFormat": "{Movie TitleFirstCharacter}/{Movie TitleThe} ({Release Year})",
    }
    response = await server.client.get("/api/v3/config/naming/examples", params=form)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "movieExample": "The Movie Title (2010) {imdb-tt0066921} - {edition-Ultimate Extended Edition} "
        "[3D][Surround Sound x264][Bluray-1080p Proper][DTS 5.1][HLG][x264]-EVOLVE",
        "movieFolderExample": "M/Movie Title, The (2010)",
    }
    assert (await server.client.get("/api/v3/config/naming")).json() == RADARR_DEFAULTS


async def test_an_empty_format_has_no_example(server: LiveServer) -> None:
    response = await server.client.get(
        "/api/v3/config/naming/examples",
        params={"id": 1, "renameMovies": "True", "standardMovieFormat": "", "movieFolderFormat": ""},
    )
    assert response.status_code == 200
    assert response.json() == {}


async def test_examples_use_the_quality_title_the_user_gave(server: LiveServer) -> None:
    definitions = (await server.client.get("/api/v3/qualitydefinition")).json()
    bluray = next(d for d in definitions if d["quality"]["name"] == "Bluray-1080p")
    response = await server.client.put(
        f"/api/v3/qualitydefinition/{bluray['id']}", json={**bluray, "title": "BD1080"}
    )
    assert response.status_code == 202, response.text
    response = await server.client.get(
        "/api/v3/config/naming/examples",
        params={"renameMovies": True, "standardMovieFormat": "{Quality Title}"},
    )
    assert response.json()["movieExample"] == "BD1080"


async def test_examples_with_a_bad_colon_mode_are_a_400(server: LiveServer) -> None:
    response = await server.client.get(
        "/api/v3/config/naming/examples", params={"colonReplacementFormat": "x"}
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "colonReplacementFormat"


async def test_examples_of_a_format_longer_than_any_name_are_a_400(server: LiveServer) -> None:
    response = await server.client.get(
        "/api/v3/config/naming/examples", params={"movieFolderFormat": "{" * 2000}
    )
    assert response.status_code == 400
    assert response.json()[0]["propertyName"] == "movieFolderFormat"
