"""/api/v3/metadata: Radarr's provider resource for metadata writers, on SQLite and PostgreSQL (one
server per dialect for the module; a test puts back what it changes)."""

from __future__ import annotations

from typing import Any

from tests.support.live import LiveServer


def _field(resource: dict[str, Any], name: str) -> Any:
    return next(f for f in resource["fields"] if f["name"] == name)


async def _kodi_schema(server: LiveServer) -> dict[str, Any]:
    schema = (await server.client.get("/api/v3/metadata/schema")).json()
    kodi: dict[str, Any] = next(e for e in schema if e["implementation"] == "XbmcMetadata")
    return kodi


async def test_the_schema_offers_kodi_with_radarrs_fields_and_defaults(module_server: LiveServer) -> None:
    schema = (await module_server.client.get("/api/v3/metadata/schema")).json()
    assert [e["implementation"] for e in schema] == [
        "MediaBrowserMetadata",
        "XbmcMetadata",
        "KometaMetadata",
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


async def _listed(server: LiveServer) -> dict[str, dict[str, Any]]:
    return {p["implementation"]: p for p in (await server.client.get("/api/v3/metadata")).json()}


async def test_a_server_lists_every_writer_disabled_under_radarr_s_name(module_server: LiveServer) -> None:
    client = module_server.client
    listed = (await client.get("/api/v3/metadata")).json()
    schema = {e["implementation"]: e for e in (await client.get("/api/v3/metadata/schema")).json()}

    assert [(p["name"], p["implementation"], p["enable"]) for p in listed] == [
        ("Emby (Legacy)", "MediaBrowserMetadata", False),
        ("Kodi (XBMC) / Emby", "XbmcMetadata", False),
        ("Kometa", "KometaMetadata", False),
        ("Roksbox", "RoksboxMetadata", False),
        ("WDTV", "WdtvMetadata", False),
    ]
    for provider in listed:
        defaults = [(f["name"], f["value"]) for f in schema[provider["implementation"]]["fields"]]
        assert [(f["name"], f["value"]) for f in provider["fields"]] == defaults


async def test_a_start_brings_back_a_deleted_writer_and_adds_no_second_one(module_server: LiveServer) -> None:
    client = module_server.client
    listed = await _listed(module_server)
    kodi = listed["XbmcMetadata"]
    renamed = {**kodi, "name": "My Kodi"}
    assert (await client.put(f"/api/v3/metadata/{kodi['id']}", json=renamed)).status_code == 202
    assert (await client.delete(f"/api/v3/metadata/{listed['WdtvMetadata']['id']}")).is_success
    try:
        await module_server.services.metadata_files.seed_defaults()  # what every start does

        again = (await client.get("/api/v3/metadata")).json()
        assert sorted((p["name"], p["implementation"]) for p in again) == [
            ("Emby (Legacy)", "MediaBrowserMetadata"),
            ("Kometa", "KometaMetadata"),
            ("My Kodi", "XbmcMetadata"),
            ("Roksbox", "RoksboxMetadata"),
            ("WDTV", "WdtvMetadata"),
        ]
        assert [p["enable"] for p in again] == [False] * 5
    finally:
        assert (await client.put(f"/api/v3/metadata/{kodi['id']}", json=kodi)).status_code == 202


async def test_an_enabled_kometa_is_a_health_warning(module_server: LiveServer) -> None:
    client = module_server.client
    kometa = (await _listed(module_server))["KometaMetadata"]
    assert kometa["message"]["type"] == "warning"
    assert [(f["name"], f["value"], f["hidden"]) for f in kometa["fields"]] == [
        ("deprecated", True, "hidden")
    ]

    saved = await client.put(f"/api/v3/metadata/{kometa['id']}", json={**kometa, "enable": True})
    try:
        assert saved.status_code == 202, saved.text
        health = (await client.get("/api/v3/health")).json()
        assert [h["type"] for h in health if h["source"] == "MetadataCheck"] == ["warning"]
    finally:
        await client.put(f"/api/v3/metadata/{kometa['id']}", json=kometa)
    health = (await client.get("/api/v3/health")).json()
    assert [h for h in health if h["source"] == "MetadataCheck"] == []


async def test_a_created_provider_reads_back_updates_and_deletes(module_server: LiveServer) -> None:
    client = module_server.client
    kodi = await _kodi_schema(module_server)
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
    assert provider["id"] not in [p["id"] for p in (await client.get("/api/v3/metadata")).json()]


async def test_an_unknown_implementation_is_a_validation_error(module_server: LiveServer) -> None:
    kodi = await _kodi_schema(module_server)
    response = await module_server.client.post(
        "/api/v3/metadata", json={**kodi, "name": "x", "implementation": "Nothing", "configContract": "None"}
    )
    assert response.status_code == 400, response.text
    assert isinstance(response.json(), list)


async def test_a_missing_provider_is_404(module_server: LiveServer) -> None:
    assert (await module_server.client.get("/api/v3/metadata/999")).status_code == 404
    assert (await module_server.client.delete("/api/v3/metadata/999")).status_code == 404
