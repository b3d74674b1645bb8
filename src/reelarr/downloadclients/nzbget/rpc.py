"""NZBGet's JSON-RPC: `POST /jsonrpc` with `{"method", "params"}` and the control credentials as basic
auth. NZBGet answers 401 to wrong credentials and `{"error": {...}}` to a method it could not run.

No message raised here carries the password, the request body (an NZB) or NZBGet's answer page.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from reelarr.downloadclients.nzbget.settings import NzbgetSettings
from reelarr.remote import RetryPolicy, ServicePolicy, new_client

POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
_NAME = "NZBGet"


class NzbgetError(Exception):
    """NZBGet answered, but not as a working API would (an HTTP error, not JSON, an error result)."""


class NzbgetUnavailable(NzbgetError):
    """NZBGet could not be reached (refused, timed out, TLS failed)."""


class NzbgetRefused(NzbgetError):
    """NZBGet ran the method and answered with an error (a bad NZB, an unknown method)."""


class NzbgetAuthFailed(NzbgetError):
    """NZBGet refused the username and password (HTTP 401)."""


class NzbgetRpc:
    """One conversation with NZBGet's JSON-RPC; `async with` it, then `call` its methods."""

    def __init__(self, settings: NzbgetSettings) -> None:
        self.url = settings.rpc_url()
        self._auth = httpx.BasicAuth(settings.username, settings.password)
        self._http: httpx.AsyncClient | None = None
        self._next_id = 0

    async def __aenter__(self) -> NzbgetRpc:
        self._http = new_client(POLICY, headers={"Accept": "application/json"})
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def call(self, method: str, *params: Any) -> Any:
        """Run one method with positional `params`; its `result`, or NzbgetError saying why not."""
        assert self._http is not None, "NzbgetRpc is used inside `async with`"
        self._next_id += 1
        body = orjson.dumps({"jsonrpc": "2.0", "method": method, "params": list(params), "id": self._next_id})
        try:
            response = await self._http.post(
                self.url,
                content=body,
                headers={"Content-Type": "application/json"},
                auth=self._auth,
                follow_redirects=False,
            )
        except httpx.RequestError as error:
            raise NzbgetUnavailable(_unreachable(error)) from None
        return _result(response)


def _result(response: httpx.Response) -> Any:
    status = response.status_code
    if status == 401:
        raise NzbgetAuthFailed(f"Authentication failed for {_NAME}, please check your settings")
    if status >= 300:
        raise NzbgetError(f"Unable to connect to {_NAME}. Unexpected response (HTTP {status})")
    try:
        answer = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise NzbgetError(f"Unexpected response from {_NAME} (HTTP {status})") from None
    if not isinstance(answer, dict):
        raise NzbgetError(f"Unexpected response from {_NAME} (HTTP {status})")
    error = answer.get("error")
    if error:
        message = error.get("message", error) if isinstance(error, dict) else error
        raise NzbgetRefused(f"Error response received from {_NAME}: {message}")
    return answer.get("result")


def _unreachable(error: httpx.RequestError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"Unable to connect to {_NAME}, the request timed out."
    if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
        return f"Unable to connect to {_NAME}, certificate validation failed."
    reason = str(error).strip() or type(error).__name__
    return f"Unable to connect to {_NAME}, please check your settings ({reason})."
