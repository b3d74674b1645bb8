"""Health checks, Prometheus metrics and the log file, as an operator sees them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import make_settings
from tests.support.live import LiveServer, live_server


async def test_a_new_server_warns_of_no_tmdb_key_no_indexers_no_download_client_and_nothing_else(
    server: LiveServer,
) -> None:
    response = await server.client.get("/api/v3/health")
    assert response.status_code == 200
    problems = {p["source"]: p for p in response.json()}
    assert {source: p["type"] for source, p in problems.items()} == {
        "TmdbCheck": "warning",
        "IndexerRssCheck": "error",
        "IndexerSearchCheck": "warning",
        "DownloadClientCheck": "warning",
    }
    assert "TMDB API key" in problems["TmdbCheck"]["message"]


async def test_metrics_need_credentials_and_count_requests(server: LiveServer) -> None:
    async with server.anonymous() as anonymous:
        assert (await anonymous.get("/metrics")).status_code == 401
    await server.client.get("/api/v3/system/status")
    text = (await server.client.get("/metrics")).text
    assert 'reelarr_http_requests_total{method="GET",route="/api/v3/system/status",status="200"}' in text
    assert "reelarr_commands{" in text
    assert 'reelarr_build_info{radarr_api_version="6.1.0.0"' in text


async def test_metrics_can_be_served_without_credentials(database_url: str, tmp_path: Path) -> None:
    settings = make_settings(database_url, tmp_path / "data", metrics_anonymous=True)
    async with live_server(settings) as server, server.anonymous() as anonymous:
        assert (await anonymous.get("/metrics")).status_code == 200


async def test_logs_are_json_lines_in_the_data_dir(database_url: str, tmp_path: Path) -> None:
    from reelarr.observability.logs import configure_logging

    settings = make_settings(database_url, tmp_path / "data")
    configure_logging("info", settings.resolved_log_file)
    try:
        async with live_server(settings):
            pass
    finally:
        configure_logging("warning", None)
    lines = [json.loads(line) for line in settings.resolved_log_file.read_text().splitlines()]
    assert any("ready" in line["message"] for line in lines)
    assert {"time", "level", "logger", "message"} <= set(lines[0])


async def test_debug_logs_hold_no_secret_a_provider_was_saved_with(database_url: str, tmp_path: Path) -> None:
    from reelarr.observability.logs import configure_logging

    settings = make_settings(database_url, tmp_path / "data", log_level="debug")
    secret = "s3cret-webhook-password-4711"
    configure_logging("debug", settings.resolved_log_file)
    try:
        async with live_server(settings) as server:
            schema = (await server.client.get("/api/v3/notification/schema")).json()
            hook = next(entry for entry in schema if entry["implementation"] == "Webhook")
            values = {"url": "http://127.0.0.1:9/hook", "password": secret}
            hook["fields"] = [{**f, "value": values.get(f["name"], f.get("value"))} for f in hook["fields"]]
            body = {**hook, "name": "Hook", "onGrab": True}
            created = await server.client.post(
                "/api/v3/notification", json=body, params={"forceSave": "true"}
            )
            assert created.status_code == 201, created.text
    finally:
        configure_logging("warning", None)
    lines = [json.loads(line) for line in settings.resolved_log_file.read_text().splitlines()]
    assert any(line["level"] == "debug" for line in lines), "debug lines were written"
    assert not [line for line in lines if secret in json.dumps(line)]
