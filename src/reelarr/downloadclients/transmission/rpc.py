"""Transmission's RPC over HTTP: JSON requests, basic auth and the X-Transmission-Session-Id handshake.

Transmission answers 409 with a session id to a request without the current one; the request is
sent again with it. Credentials travel only in the Authorization header: no message raised here
carries the password, the request body or Transmission's answer page.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from reelarr.remote import RetryPolicy, ServicePolicy, new_client

SESSION_HEADER = "X-Transmission-Session-Id"
POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
_NAME = "Transmission"


class TransmissionError(Exception):
    """Transmission answered, but not as a working RPC would (a redirect, a refusal, not JSON)."""


class TransmissionAuthFailed(TransmissionError):
    """Transmission refused the username and password (HTTP 401)."""


class TransmissionUnavailable(TransmissionError):
    """Transmission could not be reached (refused, timed out, TLS failed)."""


class TransmissionRefused(TransmissionError):
    """Transmission ran the method and answered with an error result (a corrupt torrent...)."""


class TransmissionRpc:
    """One conversation with Transmission's RPC; `async with` it, then `call` its methods."""

    def __init__(self, url: str, username: str, password: str) -> None:
        self.url = url
        self._auth = httpx.BasicAuth(username, password) if username or password else None
        self._session_id: str | None = None
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> TransmissionRpc:
        self._http = new_client(POLICY, headers={"Accept": "application/json"})
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def call(self, method: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run one RPC method; its `arguments` answer, or TransmissionError saying why not."""
        body = orjson.dumps({"method": method, **({"arguments": arguments} if arguments else {})})
        response = await self._post(body)
        if response.status_code == 409:
            self._session_id = response.headers.get(SESSION_HEADER)
            if not self._session_id:
                raise TransmissionError("Remote host did not return a Session Id.")
            response = await self._post(body)
        return _result(response)

    async def _post(self, body: bytes) -> httpx.Response:
        assert self._http is not None, "TransmissionRpc is used inside `async with`"
        headers = {"Content-Type": "application/json"}
        if self._session_id:
            headers[SESSION_HEADER] = self._session_id
        try:
            return await self._http.post(
                self.url,
                content=body,
                headers=headers,
                auth=self._auth or httpx.USE_CLIENT_DEFAULT,
                follow_redirects=False,
            )
        except httpx.RequestError as error:
            raise TransmissionUnavailable(_unreachable(error)) from None


def _result(response: httpx.Response) -> dict[str, Any]:
    status = response.status_code
    if status == 401:
        raise TransmissionAuthFailed("User authentication failed.")
    if status == 403:
        raise TransmissionError(
            f"Failed to authenticate with {_NAME}. "
            "It may be necessary to add Reelarr's IP address to RPC whitelist."
        )
    if response.is_redirect:
        raise TransmissionError(f"Remote site redirected to {response.headers.get('Location', '')}")
    if status == 409:
        raise TransmissionError("Remote host did not accept the Session Id.")
    try:
        answer = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise TransmissionError(f"Unexpected response (HTTP {status})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("result"), str):
        raise TransmissionError(f"Unexpected response (HTTP {status})")
    if answer["result"] != "success":
        raise TransmissionRefused(answer["result"])
    arguments = answer.get("arguments")
    return dict(arguments) if isinstance(arguments, dict) else {}


def _unreachable(error: httpx.RequestError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"Unable to connect to {_NAME}, the request timed out."
    if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
        return f"Unable to connect to {_NAME}, certificate validation failed."
    reason = str(error).strip() or type(error).__name__
    return f"Unable to connect to {_NAME}, please check your settings ({reason})."
