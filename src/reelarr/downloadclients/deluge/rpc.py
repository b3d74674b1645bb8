"""deluge-web's JSON-RPC over HTTP (`POST <urlBase>/json`), through Reelarr's remote layer.

A conversation logs in with the Web UI's password (`auth.login` sets a session cookie), makes sure the
Web UI is connected to a daemon (`web.connected`, else `web.get_hosts` and `web.connect`), then calls
methods. The session is kept for the next conversation with the same Web UI and password (Radarr
caches it too): deluge-web keeps every login's session for an hour. deluge-web answers 200 to nearly
everything and puts what went wrong in `error`; code 1 (not authenticated) and 2 (an unknown method:
the Web UI lost its daemon) are met by logging in and connecting again once, as Radarr does. No
message raised here carries the password.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import re
import time
from typing import Any

import httpx
import orjson

from reelarr.errors import RemoteRejected, RemoteUnavailable
from reelarr.remote import RemoteService, RetryPolicy, ServicePolicy, new_client

_NAME = "Deluge"
# Radarr waits 15 seconds for deluge-web; a refused connection is tried once more shortly after.
POLICY = ServicePolicy(
    timeout=15.0,
    connect_timeout=10.0,
    retry=RetryPolicy(attempts=2, initial_delay=0.2, max_delay=1.0, jitter=0.1),
)
# Methods that change nothing: safe to send again after a failure that may have reached deluge-web.
READS = frozenset(
    {
        "auth.login",
        "web.connected",
        "web.get_hosts",
        "web.update_ui",
        "system.listMethods",
        "daemon.info",
        "daemon.get_version",
        "core.get_config",
        "core.get_torrents_status",
        "label.get_labels",
        "label.get_options",
        "label.set_torrent",
        "core.set_torrent_options",
    }
)
NOT_AUTHENTICATED, UNKNOWN_METHOD = 1, 2
COOKIE = "_session_id"
# deluge-web's session by Web UI address and password digest, shared by conversations.
SESSIONS: dict[tuple[str, str], str] = {}
_EXCEPTION = re.compile(r"<class '[^']+'>: ([^\n\]]+)")


class DelugeError(Exception):
    """deluge-web answered, but not as a working JSON-RPC would (an HTTP error, not JSON)."""


class DelugeAuthFailed(DelugeError):
    """deluge-web refused the password."""


class DelugeUnavailable(DelugeError):
    """deluge-web could not be reached (refused, timed out, TLS failed), or has no daemon to use."""


class DelugeRefused(DelugeError):
    """deluge-web ran the method and answered with an error (a bad torrent, an unknown label...)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def error_message(error: dict[str, Any]) -> str:
    """Deluge's words for an error, without the Twisted traceback around them."""
    text = str(error.get("message") or "").strip()
    found = _EXCEPTION.search(text)
    return (found.group(1) if found else text.splitlines()[0] if text else "Unknown error").strip()


class DelugeWeb:
    """One conversation with deluge-web; `async with` it, then `call` its methods."""

    def __init__(self, url: str, password: str) -> None:
        self.url = url
        self._password = password
        self._ids = itertools.count(1)
        self._key = (url, hashlib.sha256(password.encode()).hexdigest())
        self._session = SESSIONS.get(self._key)
        self._ready = self._session is not None  # a kept session was connected to its daemon
        self._service: RemoteService | None = None

    async def __aenter__(self) -> DelugeWeb:
        client = new_client(POLICY, headers={"Accept": "application/json"})
        self._service = RemoteService(_NAME, POLICY, client, clock=time.time, sleep=asyncio.sleep)
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._service is not None:
            await self._service.client.aclose()
            self._service = None

    async def call(self, method: str, *params: Any) -> Any:
        """Run one method (logging in and connecting to the daemon first); its result, or a
        DelugeError saying why not."""
        if not self._ready:
            await self.authenticate()
        try:
            return await self._call(method, list(params))
        except DelugeRefused as error:
            if error.code not in (NOT_AUTHENTICATED, UNKNOWN_METHOD):
                raise
        await self.authenticate()
        try:
            return await self._call(method, list(params))
        except DelugeRefused as error:
            if error.code == NOT_AUTHENTICATED:
                raise DelugeAuthFailed(str(error)) from None
            raise

    async def authenticate(self) -> None:
        """Log in to the Web UI and have it connected to a daemon; the session is kept."""
        self._ready = False
        self._session = SESSIONS.pop(self._key, None)
        response = await self._post("auth.login", [self._password])
        session = response.cookies.get(COOKIE)
        if _result(response) is not True or not session:
            raise DelugeAuthFailed("Failed to authenticate with Deluge.")
        self._session = session
        await self.connect_daemon()
        SESSIONS[self._key] = session
        self._ready = True

    async def connect_daemon(self) -> None:
        """Radarr's ConnectDaemon: nothing when the Web UI is connected, else connect it to the daemon
        on 127.0.0.1 (or the only one it knows)."""
        if await self._call("web.connected", []) is True:
            return
        hosts = await self._call("web.get_hosts", [])
        entries = [h for h in hosts or [] if isinstance(h, list) and len(h) >= 2]
        local = [h for h in entries if h[1] in ("127.0.0.1", "localhost")]
        chosen = local or (entries if len(entries) == 1 else [])
        if not chosen:
            raise DelugeUnavailable(
                "Failed to connect to Deluge daemon: deluge-web's Connection Manager has none on 127.0.0.1."
            )
        await self._call("web.connect", [chosen[0][0]])
        if await self._call("web.connected", []) is not True:
            where = f"{chosen[0][1]}:{chosen[0][2]}" if len(chosen[0]) > 2 else str(chosen[0][1])
            raise DelugeUnavailable(
                f"Failed to connect to Deluge daemon: deluge-web could not reach {where}."
            )

    async def _call(self, method: str, params: list[Any]) -> Any:
        return _result(await self._post(method, params))

    async def _post(self, method: str, params: list[Any]) -> httpx.Response:
        assert self._service is not None, "DelugeWeb is used inside `async with`"
        body = orjson.dumps({"method": method, "params": params, "id": next(self._ids)})
        headers = {"Content-Type": "application/json"}
        if self._session is not None:
            headers["Cookie"] = f"{COOKIE}={self._session}"
        try:
            return await self._service.request(
                "POST", self.url, content=body, headers=headers, idempotent=method in READS
            )
        except RemoteRejected as error:
            raise DelugeError(f"Unexpected response (HTTP {error.status_code})") from None
        except RemoteUnavailable as error:
            raise DelugeUnavailable(_unreachable(error.message)) from None


def _result(response: httpx.Response) -> Any:
    try:
        answer = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        raise DelugeError(f"Unexpected response (HTTP {response.status_code})") from None
    if not isinstance(answer, dict) or "result" not in answer:
        raise DelugeError(f"Unexpected response (HTTP {response.status_code})")
    error = answer.get("error")
    if isinstance(error, dict):
        raise DelugeRefused(error_message(error), int(error.get("code") or 0))
    return answer["result"]


def _unreachable(message: str) -> str:
    if message.startswith("timed out"):
        return f"Unable to connect to {_NAME}, the request timed out."
    if "CERTIFICATE" in message.upper():
        return f"Unable to connect to {_NAME}, certificate validation failed."
    return f"Unable to connect to {_NAME}, please check your settings ({message})."
