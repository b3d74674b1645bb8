"""/api/v3/config/metadata (the certification country, and its effect on what TMDB's answers become)
and /api/v3/localization: one server per dialect for the module; each test sets what it checks."""

from __future__ import annotations

import pytest

from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.live import LiveServer

__all__ = ["tmdb_fixture_server", "tmdb_server"]


async def _set_country(server: LiveServer, country: object) -> dict[str, object]:
    response = await server.client.put("/api/v3/config/metadata/1", json={"certificationCountry": country})
    assert response.status_code == 202, response.text
    body: dict[str, object] = response.json()
    return body


async def test_a_client_saves_the_certification_country(module_server: LiveServer) -> None:
    await _set_country(module_server, "us")
    assert (await module_server.client.get("/api/v3/config/metadata")).json() == {
        "id": 1,
        "certificationCountry": "us",
    }
    assert await _set_country(module_server, "GB") == {"id": 1, "certificationCountry": "gb"}
    saved = (await module_server.client.get("/api/v3/config/metadata/1")).json()
    assert saved["certificationCountry"] == "gb"
    # Radarr reads its enum by number too: 3 is France.
    assert (await _set_country(module_server, 3))["certificationCountry"] == "fr"


@pytest.mark.parametrize("country", ["xx", "", 13, True])
async def test_a_country_radarr_does_not_offer_is_a_400_and_nothing_is_saved(
    module_server: LiveServer, country: object
) -> None:
    await _set_country(module_server, "de")
    sent = {"certificationCountry": country}
    response = await module_server.client.put("/api/v3/config/metadata", json=sent)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["attemptedValue"]) for f in response.json()] == [
        ("certificationCountry", country)
    ]
    assert (await module_server.client.get("/api/v3/config/metadata")).json()["certificationCountry"] == "de"


async def test_films_carry_the_certificate_of_the_chosen_country(
    module_server: LiveServer, tmdb_server: TmdbFixtureServer
) -> None:
    tmdb = {"apiUrl": tmdb_server.api_url, "apiKey": tmdb_server.api_key}
    assert (await module_server.client.put("/api/v3/config/tmdb", json=tmdb)).status_code == 202

    async def certification() -> str:
        response = await module_server.client.get("/api/v3/movie/lookup/tmdb", params={"tmdbId": 101})
        assert response.status_code == 200, response.text
        value: str = response.json()["certification"]
        return value

    await _set_country(module_server, "us")
    assert await certification() == "R"  # Léon in the United States
    await _set_country(module_server, "gb")
    assert await certification() == "18"  # and in Great Britain


async def test_localization_answers_the_uis_english_strings_in_radarrs_shape(
    module_server: LiveServer,
) -> None:
    body = (await module_server.client.get("/api/v3/localization")).json()
    assert list(body) == ["Strings"]
    assert body["Strings"]["Settings"] == "Settings"
    assert body["Strings"]["CertificationCountry"] == "Certification Country"
    language = (await module_server.client.get("/api/v3/localization/language")).json()
    assert language == {"identifier": "en"}
