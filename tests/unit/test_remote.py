"""The resilience policy of remote.py: retries, Retry-After, breaker, rate limit, error mapping."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

from reelarr.errors import RemoteRejected, RemoteUnavailable
from reelarr.remote import (
    BreakerPolicy,
    RateLimit,
    RemoteRegistry,
    RemoteService,
    RetryPolicy,
    ServicePolicy,
    ServiceStatus,
    TokenBucket,
    TransientFailure,
    describe_rejection,
    parse_retry_after,
)

START = 1_800_000_000.0
URL = "https://api.example.test/v1/thing"
Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class FakeClock:
    """Wall-clock seconds that only move when someone sleeps (or a test says so)."""

    def __init__(self) -> None:
        self.now = START
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.now += seconds


POLICY = ServicePolicy(
    retry=RetryPolicy(attempts=3, initial_delay=0.5, max_delay=10.0, jitter=0.0, max_retry_after=30.0),
    breaker=BreakerPolicy(failure_threshold=3, cooldown=30.0, max_cooldown=120.0),
)


class Peer:
    """A scripted remote peer: answers from a list (the last one repeats) and counts requests."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def make(handler: Handler, policy: ServicePolicy = POLICY) -> tuple[RemoteService, FakeClock, RemoteRegistry]:
    clock = FakeClock()
    registry = RemoteRegistry(clock=clock, sleep=clock.sleep, transport=httpx.MockTransport(handler))
    return registry.service("Example", policy), clock, registry


def ok(body: object = None) -> httpx.Response:
    return httpx.Response(200, json=body if body is not None else {"ok": True})


# -- success and error mapping -------------------------------------------------------------------


async def test_a_good_answer_comes_back_and_the_service_is_ok() -> None:
    service, _, _ = make(Peer(ok({"id": 1})))
    assert await service.get_json(URL) == {"id": 1}
    assert service.state().status is ServiceStatus.OK


async def test_every_request_carries_reelarr_user_agent() -> None:
    peer = Peer(ok())
    service, _, _ = make(peer)
    await service.request("GET", URL)
    assert peer.requests[0].headers["User-Agent"].startswith("Reelarr/")


async def test_5xx_is_retried_with_exponential_backoff_then_succeeds() -> None:
    peer = Peer(httpx.Response(502), httpx.Response(503), ok())
    service, clock, _ = make(peer)
    response = await service.request("GET", URL)
    assert response.status_code == 200
    assert len(peer.requests) == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_5xx_on_every_attempt_raises_remote_unavailable_without_the_query_string() -> None:
    peer = Peer(httpx.Response(500))
    service, _, _ = make(peer)
    with pytest.raises(RemoteUnavailable) as raised:
        await service.request("GET", URL, params={"api_key": "s3cret"})
    assert len(peer.requests) == 3
    assert "HTTP 500" in raised.value.message
    assert "s3cret" not in str(raised.value)
    assert service.state().status is ServiceStatus.FAILING


async def test_connection_refused_maps_to_remote_unavailable() -> None:
    service, _, _ = make(Peer(httpx.ConnectError("Connection refused")))
    with pytest.raises(RemoteUnavailable, match="cannot connect"):
        await service.request("GET", URL)


async def test_timeout_maps_to_remote_unavailable() -> None:
    service, _, _ = make(Peer(httpx.ReadTimeout("slow")))
    with pytest.raises(RemoteUnavailable, match="timed out"):
        await service.request("GET", URL)


async def test_4xx_is_not_retried_and_keeps_its_status_code() -> None:
    peer = Peer(
        httpx.Response(404, json={"status_message": "The resource you requested could not be found."})
    )
    service, _, _ = make(peer)
    with pytest.raises(RemoteRejected) as raised:
        await service.request("GET", URL)
    assert raised.value.status_code == 404
    assert "could not be found" in raised.value.message
    assert len(peer.requests) == 1
    assert service.state().status is ServiceStatus.OK  # "no such thing" is a healthy answer


async def test_a_refused_key_shows_as_failing_but_does_not_open_the_breaker() -> None:
    peer = Peer(httpx.Response(401, json={"status_message": "Invalid API key"}))
    service, _, _ = make(peer)
    for _ in range(5):
        with pytest.raises(RemoteRejected):
            await service.request("GET", URL)
    state = service.state()
    assert state.status is ServiceStatus.FAILING
    assert "Invalid API key" in (state.last_error or "")
    assert len(peer.requests) == 5  # never backed off


async def test_a_body_that_is_not_json_is_a_failure() -> None:
    service, _, _ = make(Peer(httpx.Response(200, text="<html>captive portal</html>")))
    with pytest.raises(RemoteUnavailable, match="not JSON"):
        await service.get_json(URL)


# -- what is safe to retry -----------------------------------------------------------------------


async def test_post_is_not_retried_once_the_request_may_have_been_processed() -> None:
    peer = Peer(httpx.Response(500), ok())
    service, _, _ = make(peer)
    with pytest.raises(RemoteUnavailable):
        await service.request("POST", URL, json={"add": 1})
    assert len(peer.requests) == 1


async def test_post_is_retried_when_the_connection_was_refused() -> None:
    peer = Peer(httpx.ConnectError("refused"), ok())
    service, _, _ = make(peer)
    assert (await service.request("POST", URL)).status_code == 200
    assert len(peer.requests) == 2


async def test_a_caller_can_declare_a_post_idempotent() -> None:
    peer = Peer(httpx.Response(503), ok())
    service, _, _ = make(peer)
    assert (await service.request("POST", URL, idempotent=True)).status_code == 200


# -- Retry-After --------------------------------------------------------------------------------


async def test_429_waits_as_long_as_retry_after_says() -> None:
    peer = Peer(httpx.Response(429, headers={"Retry-After": "2"}), ok())
    service, clock, _ = make(peer)
    await service.request("GET", URL)
    assert clock.sleeps == [2.0]
    assert len(peer.requests) == 2


async def test_retry_after_may_be_an_http_date() -> None:
    when = format_datetime(datetime.fromtimestamp(START + 7, UTC), usegmt=True)
    peer = Peer(httpx.Response(429, headers={"Retry-After": when}), ok())
    service, clock, _ = make(peer)
    await service.request("GET", URL)
    assert clock.sleeps == [7.0]


async def test_a_long_retry_after_backs_the_service_off_instead_of_waiting() -> None:
    peer = Peer(httpx.Response(429, headers={"Retry-After": "120"}), ok())
    service, clock, _ = make(peer)
    with pytest.raises(RemoteUnavailable, match="429"):
        await service.request("GET", URL)
    assert clock.sleeps == []
    state = service.state()
    assert state.status is ServiceStatus.BACKING_OFF
    assert state.backing_off_until == datetime.fromtimestamp(START + 120, UTC)
    with pytest.raises(RemoteUnavailable, match="backing off until"):
        await service.request("GET", URL)
    assert len(peer.requests) == 1
    clock.advance(121)
    assert (await service.request("GET", URL)).status_code == 200


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("5", 5.0), ("0", 0.0), (" 1.5 ", 1.5), ("", None), (None, None), ("soon", None), ("-3", 0.0)],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, START) == seconds


def test_describe_rejection_prefers_the_services_own_words() -> None:
    assert describe_rejection(httpx.Response(401, json={"status_message": "Invalid key"})) == "Invalid key"
    assert describe_rejection(httpx.Response(400, json={"errors": ["a", "b"]})) == "a; b"
    assert describe_rejection(httpx.Response(400, text="plain words")) == "plain words"
    assert describe_rejection(httpx.Response(418)) == "I'm a teapot"


# -- circuit breaker ----------------------------------------------------------------------------


async def fail_calls(service: RemoteService, times: int) -> None:
    for _ in range(times):
        with pytest.raises(RemoteUnavailable):
            await service.request("GET", URL)


async def test_breaker_opens_after_consecutive_failed_calls_and_then_fails_fast() -> None:
    peer = Peer(httpx.Response(503))
    service, clock, _ = make(peer)
    await fail_calls(service, 3)
    sent = len(peer.requests)
    with pytest.raises(RemoteUnavailable, match="backing off until") as raised:
        await service.request("GET", URL)
    assert len(peer.requests) == sent  # nothing sent while open
    assert "HTTP 503" in raised.value.message
    state = service.state()
    assert state.status is ServiceStatus.BACKING_OFF
    assert state.backing_off_until == datetime.fromtimestamp(clock.now + 30, UTC)
    assert state.consecutive_failures == 3
    assert state.failing_since is not None


async def test_breaker_lets_one_trial_through_after_the_cooldown_and_closes_on_success() -> None:
    peer = Peer(httpx.Response(503))
    service, clock, _ = make(peer)
    await fail_calls(service, 3)
    peer.answers = [ok()]
    clock.advance(30)
    assert (await service.request("GET", URL)).status_code == 200
    assert service.state().status is ServiceStatus.OK
    assert service.state().last_error is None


async def test_a_failed_trial_reopens_the_breaker_for_twice_as_long() -> None:
    peer = Peer(httpx.Response(503))
    service, clock, _ = make(peer)
    await fail_calls(service, 3)
    clock.advance(30)
    sent = len(peer.requests)
    await fail_calls(service, 1)
    assert len(peer.requests) == sent + 1  # the trial is one attempt, not a retry loop
    assert service.state().backing_off_until == datetime.fromtimestamp(clock.now + 60, UTC)


async def test_the_cooldown_stops_growing_at_its_maximum() -> None:
    service, clock, _ = make(Peer(httpx.Response(503)))
    await fail_calls(service, 3)
    for _ in range(5):
        clock.advance(1000)
        await fail_calls(service, 1)
    assert service.state().backing_off_until == datetime.fromtimestamp(clock.now + 120, UTC)


async def test_while_half_open_only_one_trial_call_is_in_flight() -> None:
    release = asyncio.Event()
    failing = True

    async def handler(request: httpx.Request) -> httpx.Response:
        if failing:
            return httpx.Response(503)
        await release.wait()
        return ok()

    service, clock, _ = make(handler)
    await fail_calls(service, 3)
    failing = False
    clock.advance(30)
    trial = asyncio.create_task(service.request("GET", URL))
    await asyncio.sleep(0.01)
    with pytest.raises(RemoteUnavailable, match="trial"):
        await service.request("GET", URL)
    release.set()
    assert (await trial).status_code == 200
    assert (await service.request("GET", URL)).status_code == 200


async def test_a_cancelled_trial_frees_the_half_open_slot() -> None:
    hang = asyncio.Event()
    failing = True

    async def handler(request: httpx.Request) -> httpx.Response:
        if failing:
            return httpx.Response(503)
        await hang.wait()
        return ok()

    service, clock, _ = make(handler)
    await fail_calls(service, 3)
    failing = False
    clock.advance(30)
    trial = asyncio.create_task(service.request("GET", URL))
    await asyncio.sleep(0.01)
    trial.cancel()
    with pytest.raises(asyncio.CancelledError):
        await trial
    hang.set()
    assert (await service.request("GET", URL)).status_code == 200


async def test_a_success_between_failures_keeps_the_breaker_closed() -> None:
    peer = Peer(httpx.Response(503))
    service, _, _ = make(peer)
    for _ in range(3):
        await fail_calls(service, 2)
        peer.answers = [ok()]
        await service.request("GET", URL)
        peer.answers = [httpx.Response(503)]
    assert service.state().status is ServiceStatus.OK


# -- rate limit ----------------------------------------------------------------------------------


async def test_token_bucket_allows_a_burst_then_paces_calls() -> None:
    clock = FakeClock()
    bucket = TokenBucket(RateLimit(rate=2.0, burst=3), clock, clock.sleep)
    for _ in range(3):
        await bucket.acquire()
    assert clock.sleeps == []
    for _ in range(4):
        await bucket.acquire()
    assert clock.sleeps == [0.5, 0.5, 0.5, 0.5]
    assert clock.now == START + 2.0


async def test_token_bucket_refills_while_idle_up_to_its_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(RateLimit(rate=1.0, burst=2), clock, clock.sleep)
    await bucket.acquire()
    await bucket.acquire()
    clock.advance(60)
    await bucket.acquire()
    await bucket.acquire()
    assert clock.sleeps == []
    await bucket.acquire()
    assert clock.sleeps == [1.0]


async def test_a_rate_limited_service_paces_its_requests() -> None:
    peer = Peer(ok())
    policy = ServicePolicy(
        retry=POLICY.retry, breaker=POLICY.breaker, rate_limit=RateLimit(rate=10.0, burst=1)
    )
    service, clock, _ = make(peer, policy)
    for _ in range(5):
        await service.request("GET", URL)
    assert len(peer.requests) == 5
    assert clock.now == pytest.approx(START + 0.4)


def test_a_rate_limit_must_be_positive() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError, match="rate must be positive"):
        TokenBucket(RateLimit(rate=0.0), clock, clock.sleep)


# -- other clients and the registry --------------------------------------------------------------


async def test_run_applies_the_policy_to_a_client_that_is_not_httpx() -> None:
    service, clock, _ = make(Peer(ok()))
    calls = 0

    async def operation() -> str:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise TransientFailure("daemon busy")
        return "added"

    assert await service.run(operation) == "added"
    assert calls == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_registry_hands_out_one_service_per_name_and_reports_all_states() -> None:
    _, _, registry = make(Peer(httpx.Response(503)))
    assert registry.service("Example") is registry.get("Example")
    broken = registry.service("Broken", ServicePolicy(retry=RetryPolicy(attempts=1)))
    with pytest.raises(RemoteUnavailable):
        await broken.request("GET", URL)
    states = registry.states()
    assert [state.name for state in states] == ["Broken", "Example"]
    assert [state.status for state in states] == [ServiceStatus.FAILING, ServiceStatus.OK]
    assert "Broken is failing: HTTP 503" in states[0].message
    await registry.aclose()
    assert registry.states() == []


async def test_a_new_policy_keeps_the_breakers_history() -> None:
    service, _, registry = make(Peer(httpx.Response(503)))
    await fail_calls(service, 2)
    registry.service("Example", ServicePolicy(retry=POLICY.retry, breaker=BreakerPolicy(failure_threshold=3)))
    await fail_calls(service, 1)
    assert service.state().status is ServiceStatus.BACKING_OFF
