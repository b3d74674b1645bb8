"""A dead, slow, lying or hostile indexer never stalls the others: its error is in the answer and in
its status, it backs off, and hostile XML is refused unread."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from reelarr.releases.search import MovieSearch
from tests.conftest import make_settings
from tests.fixtures.indexers.plugin import indexer_app, indexer_fixture_server, indexer_server
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.support.clock import FakeClock
from tests.support.live import LiveServer, live_server
from tests.support.net import free_port

__all__ = ["indexer_app", "indexer_fixture_server", "indexer_server"]
MATRIX = MovieSearch(tmdb_id=603, imdb_id="tt0133093", titles=("The Matrix",), year=1999)


async def _two_indexers(app: LiveServer, server: IndexerFixtureServer) -> tuple[int, int]:
    """A good Newznab indexer and the Torznab one the test breaks (saved before it breaks)."""
    ids = []
    for site, name in (("newznab", "Good"), ("torznab", "Bad")):
        response = await app.client.post("/api/v3/indexer", json=nab_resource(server, site, name=name))
        assert response.status_code == 201, response.text
        ids.append(int(response.json()["id"]))
    server.controls.reset()
    return ids[0], ids[1]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ({"kind": "html"}, "html content"),
        ({"kind": "bad_xml"}, "invalid XML"),
        ({"kind": "bomb"}, "unsafe XML"),
        ({"kind": "external_entity"}, "unsafe XML"),
        ({"kind": "json"}, "invalid XML"),
        ({"kind": "huge"}, "bytes allowed"),
        ({"kind": "huge", "declare_length": False}, "bytes allowed"),
        ({"kind": "status", "status": 500}, "HTTP 500"),
        ({"kind": "status", "status": 403}, "StatusCode [403]"),
        ({"kind": "error", "code": 100, "description": "Incorrect user credentials"}, "Invalid API key"),
        (
            {"kind": "error", "code": 900, "description": "Unknown error"},
            "Torznab error detected: Unknown error",
        ),
        ({"kind": "hang", "seconds": 30}, "timed out"),
        ({"kind": "drip", "seconds": 1}, "did not finish answering"),
    ],
)
async def test_a_broken_indexer_fails_alone_and_backs_off(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer, fault: dict[str, Any], message: str
) -> None:
    good, bad = await _two_indexers(indexer_app, indexer_server)
    indexer_server.fail(path="/torznab/", **fault)
    async with asyncio.timeout(20):  # a stalled search would never end
        outcome = await indexer_app.services.indexers.search(MATRIX)
    assert outcome.searched == [good]
    assert {r.indexer for r in outcome.releases} == {"Good"}
    (failure,) = outcome.failures
    assert failure.indexer_id == bad
    assert message in failure.message
    assert failure.backed_off_until is not None
    status = await indexer_app.services.provider_statuses.get(bad)
    assert status.disabled(indexer_app.services.clock())
    assert status.last_error == failure.message


async def test_a_dead_indexer_fails_alone(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    good, bad = await _two_indexers(indexer_app, indexer_server)
    body = nab_resource(indexer_server, fields={"baseUrl": f"http://127.0.0.1:{free_port()}/gone"})
    await indexer_app.client.put(
        f"/api/v3/indexer/{bad}", json={**body, "id": bad}, params={"forceSave": "true"}
    )
    outcome = await indexer_app.services.indexers.rss()
    assert outcome.searched == [good]
    (failure,) = outcome.failures
    assert "cannot connect" in failure.message
    status = await indexer_app.services.provider_statuses.get(bad)
    assert status.escalation_level == 1


async def test_an_indexer_that_asks_to_wait_is_left_alone_that_long(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    _ = await _two_indexers(indexer_app, indexer_server)
    indexer_server.fail("throttle", path="/torznab/", retry_after="7200")
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (failure,) = outcome.failures
    assert "request limit" in failure.message
    assert failure.backed_off_until is not None
    assert (failure.backed_off_until - indexer_app.services.clock()).total_seconds() >= 7200 - 5


async def test_a_limit_reached_error_backs_off_an_hour(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    _ = await _two_indexers(indexer_app, indexer_server)
    indexer_server.fail("error", path="/torznab/", code=500, description="Request limit reached")
    outcome = await indexer_app.services.indexers.rss()
    (failure,) = outcome.failures
    assert failure.backed_off_until is not None
    assert (failure.backed_off_until - indexer_app.services.clock()).total_seconds() >= 3600 - 5


async def test_a_backed_off_indexer_is_not_asked_and_says_why(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    _ = await _two_indexers(indexer_app, indexer_server)
    indexer_server.fail("status", path="/torznab/", status=502, times=1)
    await indexer_app.services.indexers.search(MATRIX)
    indexer_server.controls.reset()
    outcome = await indexer_app.services.indexers.search(MATRIX)
    assert indexer_server.requests_to("/torznab/") == []
    (failure,) = outcome.failures
    assert failure.message.startswith("Backed off until")
    assert "HTTP 502" in failure.message


async def test_a_recovered_indexer_steps_its_back_off_down(
    database_url: str, tmp_path: Path, indexer_server: IndexerFixtureServer
) -> None:
    clock = FakeClock()
    settings = make_settings(database_url, tmp_path / "data", indexer_request_interval_seconds=0)
    async with live_server(settings, clock=clock) as app:
        _, bad = await _two_indexers(app, indexer_server)
        indexer_server.fail("status", path="/torznab/", status=502, times=1)
        await app.services.indexers.search(MATRIX)
        statuses = app.services.provider_statuses
        assert (await statuses.get(bad)).escalation_level == 1
        clock.advance(minutes=2)
        outcome = await app.services.indexers.search(MATRIX)
        assert bad in outcome.searched
        assert (await statuses.get(bad)).escalation_level == 0


async def test_secrets_an_indexer_echoes_are_kept_out_of_its_error(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    good, _ = await _two_indexers(indexer_app, indexer_server)
    key = indexer_server.site("newznab").api_key
    indexer_server.fail("error", path="/newznab/", code=203, description=f"Function not available for {key}")
    outcome = await indexer_app.services.indexers.search(MATRIX)
    (failure,) = outcome.failures
    assert failure.indexer_id == good
    assert key not in failure.message
    assert "(removed)" in failure.message
    assert key not in ((await indexer_app.services.provider_statuses.get(good)).last_error or "")


async def test_the_indexer_resource_shows_its_failure_while_it_lasts(
    indexer_app: LiveServer, indexer_server: IndexerFixtureServer
) -> None:
    good, bad = await _two_indexers(indexer_app, indexer_server)
    indexer_server.fail("status", path="/torznab/", status=503)
    await indexer_app.services.indexers.search(MATRIX)
    listed = {i["id"]: i for i in (await indexer_app.client.get("/api/v3/indexer")).json()}
    assert "status" not in listed[good]
    status = listed[bad]["status"]
    assert status["escalationLevel"] == 1
    assert "HTTP 503" in status["lastError"]
    assert status["disabledTill"] > status["mostRecentFailure"]
    one = (await indexer_app.client.get(f"/api/v3/indexer/{bad}")).json()
    assert one["status"]["lastError"] == status["lastError"]
