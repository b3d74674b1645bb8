"""/api/v3/metadata: Radarr's provider resource for metadata writers, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests.support.live import LiveServer


def _field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def _kodi_schema(server: LiveServer) -> dict[str, Any]:
    schema = (await server.client.get("/api/v3/metadata/schema")).json()
    kodi: dict[str, Any] = next(e for e in schema if e["implementation"] == "XbmcMetadata")
    return kodi


async def test_the_schema_offers_kodi_with_radarrs_fields_and_defaults(server: LiveServer) -> None:
    schema = (await server.client.get("/api/v3/metadata/schema")).json()
    assert [e["implementation"] for e in schema] == [
        "MediaBrowserMetadata",
        "XbmcMetadata",
        "RoksboxMetadata",
        "WdtvMetadata",
    ]
    assert schema[0]["message"]["type"] == "warning"
    kodi = schema[1]
    assert (kodi["configContract"], kodi["implementationName"]) == (
        "XbmcMetadataSettings",
        "Kodi (XBMC) / Emby",
    )
    assert kodi["enable"] is False
    assert [(f["name"], f["value"]) for f in kodi["fields"]] == [
        ("movieMetadata", True),
        ("useMovieNfo", False),
        ("movieMetadataLanguage", 1),
        ("movieMetadataURL", False),
        ("addCollectionName", True),
        ("movieImages", True),
    ]
    assert _field(kodi, "movieMetadataLanguage")["type"] == "select"
    assert _field(kodi, "movieMetadataURL")["advanced"] is True


async def test_a_created_provider_reads_back_updates_and_deletes(server: LiveServer) -> None:
    client = server.client
    kodi = await _kodi_schema(server)
    fields = [{**f, "value": True} if f["name"] == "useMovieNfo" else f for f in kodi["fields"]]
    created = await client.post(
        "/api/v3/metadata", json={**kodi, "name": "Kodi", "enable": True, "fields": fields}
    )
    assert created.status_code == 201, created.text
    provider = created.json()
    assert (provider["name"], provider["enable"], _field(provider, "useMovieNfo")["value"]) == (
        "Kodi",
        True,
        True,
    )

    changed = await client.put(f"/api/v3/metadata/{provider['id']}", json={**provider, "enable": False})
    assert changed.status_code == 202, changed.text
    assert (await client.get(f"/api/v3/metadata/{provider['id']}")).json()["enable"] is False
    tested = await client.post("/api/v3/metadata/test", json=provider)
    assert tested.is_success, tested.text

    assert (await client.delete(f"/api/v3/metadata/{provider['id']}")).is_success
    assert (await client.get(f"/api/v3/metadata/{provider['id']}")).status_code == 404
    assert (await client.get("/api/v3/metadata")).json() == []


async def test_an_unknown_implementation_is_a_validation_error(server: LiveServer) -> None:
    kodi = await _kodi_schema(server)
    response = await server.client.post(
        "/api/v3/metadata", json={**kodi, "name": "x", "implementation": "Nothing", "configContract": "None"}
    )
    assert response.status_code == 400, response.text
    assert isinstance(response.json(), list)


async def test_a_missing_provider_is_404(server: LiveServer) -> None:
    assert (await server.client.get("/api/v3/metadata/999")).status_code == 404
    assert (await server.client.delete("/api/v3/metadata/999")).status_code == 404
