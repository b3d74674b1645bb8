"""SABnzbd's HTTP API: `GET|POST /api?mode=...&output=json` with the API key in the query string.

SABnzbd answers 200 to nearly everything and says what went wrong in the body: `{"status": false,
"error": "API Key Incorrect"}` (or `error: ...` as plain text from older versions). No message raised
here carries the request's address, so the API key and the password never reach a log or an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import orjson

from reelarr.downloadclients.sabnzbd.settings import SabnzbdSettings
from reelarr.remote import RetryPolicy, ServicePolicy, new_client

POLICY = ServicePolicy(timeout=30.0, connect_timeout=10.0, retry=RetryPolicy(attempts=1))
_NAME = "SABnzbd"


class SabnzbdError(Exception):
    """SABnzbd answered, but not as a working API would (not JSON, an HTTP error)."""


class SabnzbdUnavailable(SabnzbdError):
    """SABnzbd could not be reached (refused, timed out, TLS failed)."""


class SabnzbdRefused(SabnzbdError):
    """SABnzbd answered with `status: false` and its reason (a wrong API key, a bad request)."""

    @property
    def bad_key(self) -> bool:
        """Whether SABnzbd refused the credentials rather than the request."""
        text = str(self).lower()
        return "api key" in text or "authentication" in text


class SabnzbdApi:
    """One conversation with SABnzbd's API; `async with` it, then `call` its modes."""

    def __init__(self, settings: SabnzbdSettings) -> None:
        self.url = settings.api_url()
        if settings.api_key.strip():
            self._auth = {"apikey": settings.api_key}
        else:
            self._auth = {"ma_username": settings.username, "ma_password": settings.password}
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> SabnzbdApi:
        self._http = new_client(POLICY, headers={"Accept": "application/json"})
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def call(
        self,
        mode: str,
        params: Mapping[str, str | int] | None = None,
        *,
        upload: tuple[str, bytes] | None = None,
    ) -> dict[str, Any]:
        """Run one mode (a POST with the file as `name` when `upload` is given); SABnzbd's answer."""
        assert self._http is not None, "SabnzbdApi is used inside `async with`"
        query: dict[str, str | int] = {"mode": mode, **(params or {}), **self._auth, "output": "json"}
        try:
            if upload is None:
                response = await self._http.get(self.url, params=query, follow_redirects=True)
            else:
                filename, content = upload
                files = {"name": (filename, content, "application/x-nzb")}
                response = await self._http.post(self.url, params=query, files=files, follow_redirects=True)
        except httpx.RequestError as error:
            raise SabnzbdUnavailable(_unreachable(error)) from None
        return _answer(response)


def _answer(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        raise SabnzbdError(f"Unexpected response (HTTP {response.status_code})")
    text = response.text.strip()
    if text.lower().startswith("error"):
        raise SabnzbdRefused(text.removeprefix("error:").removeprefix("error").strip())
    try:
        answer = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise SabnzbdError(f"Unexpected response (HTTP {response.status_code})") from None
    if not isinstance(answer, dict):
        raise SabnzbdError(f"Unexpected response (HTTP {response.status_code})")
    if answer.get("status") is False and answer.get("error"):
        raise SabnzbdRefused(str(answer["error"]))
    return answer


def _unreachable(error: httpx.RequestError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"Unable to connect to {_NAME}, the request timed out."
    if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
        return f"Unable to connect to {_NAME}, certificate validation failed."
    reason = str(error).strip() or type(error).__name__
    return f"Unable to connect to {_NAME}, please check your settings ({reason})."
