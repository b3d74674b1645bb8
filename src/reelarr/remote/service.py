"""One named remote service: every call goes through its breaker, rate limit and retry policy."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from reelarr.errors import RemoteRejected, RemoteUnavailable
from reelarr.remote.breaker import BackedOff, CircuitBreaker, ServiceState
from reelarr.remote.policy import Clock, ServicePolicy, Sleep
from reelarr.remote.ratelimit import TokenBucket

T = TypeVar("T")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
Params = Mapping[str, str | int | float | bool]


class TransientFailure(Exception):
    """A failure worth retrying: unreachable, timed out, 5xx, 429.

    `sent` is False when the service cannot have acted on the request (connection refused,
    429), which makes even a non-idempotent call safe to repeat.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, sent: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.sent = sent


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def describe_rejection(response: httpx.Response) -> str:
    """The service's own words for a 4xx answer, shortened."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("status_message", "message", "error", "detail", "errors"):
            value = body.get(key)
            if isinstance(value, list):
                value = "; ".join(str(item) for item in value)
            if value:
                return str(value)[:300]
    text = response.text.strip()
    return text[:300] if text else response.reason_phrase


async def _read_capped(response: httpx.Response, max_bytes: int, service: str, where: str) -> bytes:
    """The body, or ResponseTooLarge as soon as it is known to pass `max_bytes`."""
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLarge(
            service, f"answered with {int(declared):,} bytes, over the {max_bytes:,} bytes allowed ({where})"
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ResponseTooLarge(
                service, f"answered with more than the {max_bytes:,} bytes allowed ({where})"
            )
        chunks.append(chunk)
    return b"".join(chunks)


class ResponseTooLarge(RemoteUnavailable):
    """The answer was longer than the caller allows; it was not read."""


def _where(method: str, url: str | httpx.URL) -> str:
    # Never the query string: it may carry an API key.
    return f"{method} {httpx.URL(url).copy_with(query=None)}"


class RemoteService:
    """Calls to one remote service under its resilience policy; its state feeds the health page."""

    def __init__(
        self, name: str, policy: ServicePolicy, client: httpx.AsyncClient, *, clock: Clock, sleep: Sleep
    ) -> None:
        self._name = name
        self._client = client
        self._clock = clock
        self._sleep = sleep
        self._breaker = CircuitBreaker(name, policy.breaker, clock)
        self._policy = policy
        self._limiter = TokenBucket(policy.rate_limit, clock, sleep) if policy.rate_limit else None

    @property
    def name(self) -> str:
        """The service's name as shown on the health page."""
        return self._name

    @property
    def policy(self) -> ServicePolicy:
        """The resilience policy in force."""
        return self._policy

    @property
    def client(self) -> httpx.AsyncClient:
        """The underlying HTTP client (for streaming; prefer `request`, which applies the policy)."""
        return self._client

    def set_policy(self, policy: ServicePolicy) -> None:
        """Change the policy (e.g. after a settings edit), keeping the breaker's history."""
        if policy == self._policy:
            return
        self._breaker.set_policy(policy.breaker)
        if policy.rate_limit != self._policy.rate_limit:
            self._limiter = (
                TokenBucket(policy.rate_limit, self._clock, self._sleep) if policy.rate_limit else None
            )
        self._client.timeout = httpx.Timeout(policy.timeout, connect=policy.connect_timeout)
        self._policy = policy

    def state(self) -> ServiceState:
        """ok / backing off until T / failing with E, for the health page."""
        return self._breaker.state()

    async def run(self, operation: Callable[[], Awaitable[T]], *, idempotent: bool = True) -> T:
        """Run one call under the breaker, rate limit and retries.

        `operation` raises TransientFailure for what may be retried and RemoteRejected when the
        service refused; this is how clients built on another library (not httpx) share the policy.
        """
        trial = self._breaker.admit()
        try:
            attempts = 1 if trial else self._policy.retry.attempts
            result = await self._with_retries(operation, idempotent=idempotent, attempts=attempts)
        except TransientFailure as exc:
            if exc.retry_after is not None:
                self._breaker.hold_until(self._clock() + exc.retry_after, exc.message)
            else:
                self._breaker.record_failure(exc.message, trial=trial)
            raise RemoteUnavailable(self._name, exc.message) from exc
        except BackedOff:
            raise
        except RemoteUnavailable as exc:
            self._breaker.record_failure(exc.message, trial=trial)
            raise
        except RemoteRejected as exc:
            if exc.status_code in (401, 403):
                self._breaker.record_rejection(exc.message)
            else:
                self._breaker.record_success()  # "no such id" is a healthy answer
            raise
        finally:
            if trial:
                self._breaker.end_trial()
        self._breaker.record_success()
        return result

    async def _with_retries(
        self, operation: Callable[[], Awaitable[T]], *, idempotent: bool, attempts: int
    ) -> T:
        retry = self._policy.retry
        backoff = wait_exponential_jitter(
            multiplier=retry.initial_delay, max=retry.max_delay, jitter=retry.jitter
        )

        def should_retry(exc: BaseException) -> bool:
            if not isinstance(exc, TransientFailure) or not (idempotent or not exc.sent):
                return False
            return exc.retry_after is None or exc.retry_after <= retry.max_retry_after

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, TransientFailure) and exc.retry_after is not None:
                return exc.retry_after
            return backoff(state)

        retrying = AsyncRetrying(
            stop=stop_after_attempt(max(1, attempts)),
            wait=wait,
            retry=retry_if_exception(should_retry),
            sleep=self._sleep,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                if self._limiter is not None:
                    await self._limiter.acquire()
                result = await operation()
        return result

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        idempotent: bool | None = None,
    ) -> httpx.Response:
        """Send one HTTP request under the policy; 4xx raise RemoteRejected, the rest RemoteUnavailable.

        Only idempotent methods are retried after the request may have reached the service,
        unless `idempotent=True` says this call is safe to repeat.
        """
        method = method.upper()
        safe = method in IDEMPOTENT_METHODS if idempotent is None else idempotent

        async def once() -> httpx.Response:
            return await self._send(
                method,
                url,
                params=params,
                headers=headers,
                json=json,
                content=content,
                data=data,
                files=files,
            )

        return await self.run(once, idempotent=safe)

    async def exchange(
        self,
        method: str,
        url: str,
        *,
        max_bytes: int,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
        auth: tuple[str, str] | None = None,
    ) -> httpx.Response:
        """Send one request under the policy and return the answer whatever its 4xx status (429
        included: the caller decides how long to wait), its body read up to `max_bytes` (a longer one
        is refused unread); 5xx and failures to connect raise RemoteUnavailable as `request` does.

        For services whose error answers carry what went wrong in a body of their own (an indexer's
        XML error), which the caller reads itself.
        """
        method = method.upper()

        async def once() -> httpx.Response:
            where = _where(method, url)
            request = self._client.build_request(
                method, url, params=params, headers=headers, json=json, content=content
            )
            response = await self._transport_call(
                lambda: self._client.send(
                    request, stream=True, auth=httpx.BasicAuth(*auth) if auth else None
                ),
                where,
            )
            try:
                body = await _read_capped(response, max_bytes, self._name, where)
            except httpx.TimeoutException as exc:
                raise TransientFailure(f"timed out reading the answer ({where})") from exc
            except httpx.TransportError as exc:
                raise TransientFailure(f"connection failed reading the answer ({where}): {exc}") from exc
            finally:
                await response.aclose()
            # The body is decoded already: the copy must not claim an encoding or the wire length.
            kept = [
                (k, v)
                for k, v in response.headers.multi_items()
                if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
            ]
            response = httpx.Response(response.status_code, headers=kept, content=body, request=request)
            if response.status_code >= 500:
                self._check(response, where)
            return response

        return await self.run(once, idempotent=method in IDEMPOTENT_METHODS)

    async def get_json(
        self, url: str, *, params: Params | None = None, headers: Mapping[str, str] | None = None
    ) -> Any:
        """GET a JSON document under the policy; a body that is not JSON counts as a failure."""

        async def once() -> Any:
            response = await self._send("GET", url, params=params, headers=headers)
            try:
                return response.json()
            except ValueError as exc:
                raise TransientFailure(
                    f"answered with something that is not JSON ({_where('GET', url)})"
                ) from exc

        return await self.run(once, idempotent=True)

    async def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        where = _where(method, url)
        response = await self._transport_call(lambda: self._client.request(method, url, **kwargs), where)
        return self._check(response, where)

    async def _transport_call(
        self, call: Callable[[], Awaitable[httpx.Response]], where: str
    ) -> httpx.Response:
        try:
            return await call()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise TransientFailure(
                f"cannot connect ({where}): {exc or type(exc).__name__}", sent=False
            ) from exc
        except httpx.TimeoutException as exc:
            raise TransientFailure(f"timed out ({where})") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise RemoteUnavailable(self._name, f"invalid URL ({where}): {exc}") from exc
        except httpx.TransportError as exc:
            raise TransientFailure(f"connection failed ({where}): {exc or type(exc).__name__}") from exc
        except httpx.HTTPError as exc:
            raise RemoteUnavailable(self._name, f"request failed ({where}): {exc}") from exc

    def _check(self, response: httpx.Response, where: str) -> httpx.Response:
        status = response.status_code
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(response.headers.get("Retry-After"), self._clock())
            wait = f", asked to retry after {retry_after:g}s" if retry_after is not None else ""
            # A 429 was refused before any work: repeating it is safe whatever the method.
            raise TransientFailure(
                f"HTTP {status} {response.reason_phrase} ({where}){wait}",
                retry_after=retry_after,
                sent=status != 429,
            )
        if status >= 400:
            raise RemoteRejected(
                self._name, f"HTTP {status} ({where}): {describe_rejection(response)}", status_code=status
            )
        return response
