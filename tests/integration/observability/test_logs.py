"""A real `reelarr serve`: the API key and TMDB's key reach neither the console nor the log file."""

from __future__ import annotations

from pathlib import Path

import websockets

from tests.fixtures.tmdb.plugin import tmdb_fixture_server, tmdb_server
from tests.fixtures.tmdb.server import TmdbFixtureServer
from tests.support.live import API_KEY
from tests.support.processes import ReelarrProcess

__all__ = ["tmdb_fixture_server", "tmdb_server"]


async def test_keys_in_query_strings_and_remote_urls_are_not_logged(
    database_url: str, tmp_path: Path, tmdb_server: TmdbFixtureServer
) -> None:
    log_file = tmp_path / "data" / "reelarr.log"
    server = ReelarrProcess(
        tmp_path / "data",
        database_url,
        log_file=str(log_file),
        tmdb_api_url=tmdb_server.api_url,
        tmdb_api_key=tmdb_server.api_key,
    )
    with server:
        async with server.client() as client:
            client.headers.pop("X-Api-Key")
            for path in ("/api/v3/system/status", "/feed/v3/calendar/radarr.ics", "/api/v3/movie/lookup"):
                response = await client.get(path, params={"apikey": API_KEY, "term": "tmdb:603"})
                assert response.status_code == 200, path
        async with websockets.connect(f"ws://127.0.0.1:{server.port}/ws?access_token={API_KEY}"):
            pass
        assert tmdb_server.count("/movie/603") >= 1
    console = server.log_path.read_text(errors="replace")
    written = log_file.read_text()
    assert "radarr.ics?apikey=(removed)" in console
    assert "api_key=(removed)" in written, "httpx logs TMDB's URLs: the test must see one"
    for secret in (API_KEY, tmdb_server.api_key):
        assert secret not in console
        assert secret not in written
