"""RemoteService.exchange: any 4xx comes back for the caller to read, bodies are capped, 5xx fail."""

from __future__ import annotations

import httpx
import pytest

from reelarr.errors import RemoteUnavailable
from reelarr.remote import BackedOff, BreakerPolicy, ResponseTooLarge, RetryPolicy, ServicePolicy
from tests.unit.test_remote import URL, Peer, make

POLICY = ServicePolicy(
    retry=RetryPolicy(attempts=1), breaker=BreakerPolicy(failure_threshold=2, cooldown=60.0)
)


async def test_a_4xx_answer_comes_back_with_its_body() -> None:
    service, _, _ = make(Peer(httpx.Response(401, text="<error code='100'/>")), POLICY)
    response = await service.exchange("GET", URL, max_bytes=1000)
    assert (response.status_code, response.text) == (401, "<error code='100'/>")


async def test_a_429_comes_back_for_the_caller_to_honour() -> None:
    peer = Peer(httpx.Response(429, headers={"Retry-After": "3600"}))
    service, _, _ = make(peer, POLICY)
    response = await service.exchange("GET", URL, max_bytes=1000)
    assert response.headers["Retry-After"] == "3600"


async def test_a_5xx_is_a_remote_failure() -> None:
    service, _, _ = make(Peer(httpx.Response(503)), POLICY)
    with pytest.raises(RemoteUnavailable, match="HTTP 503"):
        await service.exchange("GET", URL, max_bytes=1000)


async def test_a_body_longer_than_allowed_is_refused() -> None:
    service, _, _ = make(Peer(httpx.Response(200, content=b"x" * 5000)), POLICY)
    with pytest.raises(ResponseTooLarge, match="5,000 bytes, over the 4,096 bytes allowed"):
        await service.exchange("GET", URL, max_bytes=4096)


async def test_a_streamed_body_longer_than_allowed_is_refused_without_a_length() -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"y" * 1000

    service, _, _ = make(Peer(httpx.Response(200, content=chunks())), POLICY)
    with pytest.raises(ResponseTooLarge, match="more than the 4,096 bytes"):
        await service.exchange("GET", URL, max_bytes=4096)


async def test_a_compressed_body_comes_back_decoded() -> None:
    import gzip

    body = gzip.compress(b"<rss/>")
    service, _, _ = make(
        Peer(httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})), POLICY
    )
    response = await service.exchange("GET", URL, max_bytes=1000)
    assert response.content == b"<rss/>"


async def test_after_repeated_failures_calls_are_not_made_and_say_so() -> None:
    peer = Peer(httpx.Response(500))
    service, _, _ = make(peer, POLICY)
    for _ in range(2):
        with pytest.raises(RemoteUnavailable):
            await service.exchange("GET", URL, max_bytes=1000)
    with pytest.raises(BackedOff):
        await service.exchange("GET", URL, max_bytes=1000)
    assert len(peer.requests) == 2


async def test_basic_credentials_and_a_json_body_are_sent() -> None:
    peer = Peer(httpx.Response(200, json=[]))
    service, _, _ = make(peer, POLICY)
    await service.exchange("POST", URL, max_bytes=1000, json={"a": 1}, auth=("user", "pass"))
    assert peer.requests[0].headers["Authorization"].startswith("Basic ")
    assert peer.requests[0].content == b'{"a":1}'
