"""Radarr's API conventions hold for every endpoint: auth, errors, paths, headers."""

from __future__ import annotations

import pytest

from tests.support.live import API_KEY, LiveServer
from tests.support.shared_server import shared_server

server = shared_server()


async def test_ping_and_api_root_are_anonymous(server: LiveServer) -> None:
    async with server.anonymous() as anonymous:
        assert (await anonymous.get("/ping")).json() == {"status": "OK"}
        assert (await anonymous.get("/api")).json() == {"current": "v3", "deprecated": []}


async def test_api_without_credentials_is_401_with_an_empty_body(server: LiveServer) -> None:
    async with server.anonymous() as anonymous:
        response = await anonymous.get("/api/v3/system/status")
    assert response.status_code == 401
    assert response.content == b""


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"apikey": API_KEY}, {}),
        ({"ApiKey": API_KEY}, {}),
        ({}, {"X-Api-Key": API_KEY}),
        ({}, {"x-api-key": API_KEY}),
        ({}, {"Authorization": f"Bearer {API_KEY}"}),
    ],
)
async def test_api_key_is_accepted_from_query_header_or_bearer(
    server: LiveServer, params: dict[str, str], headers: dict[str, str]
) -> None:
    async with server.anonymous() as anonymous:
        response = await anonymous.get("/api/v3/system/status", params=params, headers=headers)
    assert response.status_code == 200


async def test_wrong_api_key_is_401(server: LiveServer) -> None:
    async with server.anonymous() as anonymous:
        response = await anonymous.get("/api/v3/system/status", headers={"X-Api-Key": "f" * 32})
    assert response.status_code == 401
    assert response.content == b""


@pytest.mark.parametrize(
    "path", ["/API/V3/System/Status", "/api/v3/system/status/", "/Api/V3/SYSTEM/status/"]
)
async def test_paths_ignore_case_and_trailing_slash(server: LiveServer, path: str) -> None:
    response = await server.client.get(path)
    assert response.status_code == 200
    assert response.json()["appName"] == "Radarr"


async def test_every_api_answer_carries_the_application_version(server: LiveServer) -> None:
    for path in ("/api/v3/system/status", "/api/v3/command/999999", "/api/v3/nothing-here"):
        response = await server.client.get(path)
        assert response.headers["X-Application-Version"] == "6.1.0.0", path


async def test_unknown_route_is_a_json_404(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/nothing-here")
    assert response.status_code == 404
    assert "message" in response.json()


async def test_unknown_id_is_a_json_404(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/command/424242")
    assert response.status_code == 404
    assert "424242" in response.json()["message"]


async def test_non_numeric_id_is_a_400_validation_array(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/command/abc")
    assert response.status_code == 400
    [failure] = response.json()
    assert failure["propertyName"] == "id"
    assert failure["attemptedValue"] == "abc"
    assert failure["severity"] == "error"


async def test_get_with_a_json_null_body_is_accepted(server: LiveServer) -> None:
    response = await server.client.request(
        "GET", "/api/v3/system/status", content=b"null", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200


async def test_malformed_json_is_a_400_array_and_queues_nothing(server: LiveServer) -> None:
    response = await server.client.post(
        "/api/v3/command", content=b'{"name": "CheckHealth",', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()[0]["errorMessage"]
    assert await server.services.commands.recent() == []


async def test_wrong_type_is_a_400_array(server: LiveServer) -> None:
    response = await server.client.post("/api/v3/command", json=["CheckHealth"])
    assert response.status_code == 400
    assert isinstance(response.json(), list)


async def test_huge_body_is_413_and_queues_nothing(server: LiveServer) -> None:
    huge = b'{"name": "CheckHealth", "x": "' + b"a" * (11 * 1024 * 1024) + b'"}'
    response = await server.client.post(
        "/api/v3/command", content=huge, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "message" in response.json()
    assert await server.services.commands.recent() == []


async def test_method_not_allowed_is_json(server: LiveServer) -> None:
    response = await server.client.patch("/api/v3/system/status")
    assert response.status_code == 405
    assert "message" in response.json()


async def test_openapi_document_lists_the_v3_routes(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v3/command" in paths
    assert "/api/v3/system/status" in paths


async def test_a_validation_error_has_the_shape_the_openapi_document_gives(server: LiveServer) -> None:
    document = (await server.client.get("/api/v3/openapi.json")).json()
    documented = document["paths"]["/api/v3/tag"]["post"]["responses"]["400"]
    failure_schema = document["components"]["schemas"]["ValidationFailure"]
    response = await server.client.post("/api/v3/tag", json={"label": 5})
    assert response.status_code == 400
    assert documented["content"]["application/json"]["schema"]["type"] == "array"
    for failure in response.json():
        assert set(failure_schema["required"]) <= set(failure)
        assert set(failure) <= set(failure_schema["properties"])


async def test_responses_leave_out_null_properties(server: LiveServer) -> None:
    queued = (await server.client.post("/api/v3/command", json={"name": "Housekeeping"})).json()
    assert "ended" not in queued
    assert "exception" not in queued
    assert queued["queued"].endswith("Z")


async def test_legacy_status_path_is_an_empty_404_as_radarr_answers(server: LiveServer) -> None:
    response = await server.client.get("/api/system/status")
    assert response.status_code == 404
    assert response.content == b""


async def test_a_lone_surrogate_in_the_input_is_a_400_not_a_500(server: LiveServer) -> None:
    body = b'{"name": "Check\\ud800Health"}'
    response = await server.client.post(
        "/api/v3/command", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "Unknown command" in response.json()[0]["errorMessage"]
