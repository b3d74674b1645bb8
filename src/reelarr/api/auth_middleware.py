"""Who may call what: the API key or a session on every route but the anonymous few."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Collection
from urllib.parse import parse_qsl, quote

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from reelarr.api.deps import Principal
from reelarr.api.json import JsonResponse
from reelarr.api.middleware import route_path
from reelarr.services import Services

log = logging.getLogger(__name__)

SESSION_COOKIE = "ReelarrAuth"
CSRF_COOKIE = "reelarr_csrf"
CSRF_HEADER = "x-csrf-token"
ANONYMOUS_PATHS = frozenset({"/ping", "/api", "/initialize.json", "/login", "/setup", "/logout"})
# Paths whose callers are programs: they get a bare 401, never a redirect to the login page.
_PROGRAM_PREFIXES = ("/api/", "/feed/", "/ws", "/metrics", "/mediacover")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Login and first-account forms check the Origin header themselves: no session token exists yet.
_OWN_ORIGIN_CHECK = frozenset({"/login", "/setup"})


def is_program_path(path: str) -> bool:
    """True for API-like paths, answered with status codes rather than pages."""
    lowered = path.lower()
    return lowered == "/api" or lowered.startswith(_PROGRAM_PREFIXES)


def presented_api_key(scope: Scope) -> str | None:
    """The key from the `apikey` query (first, as Radarr), `X-Api-Key`, or `Authorization: Bearer`."""
    query: str = scope.get("query_string", b"").decode("latin-1")
    names = ("apikey", "access_token") if scope["type"] == "websocket" else ("apikey",)
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() in names and value:
            return value
    headers = Headers(scope=scope)
    if header_key := headers.get("x-api-key"):
        return header_key
    authorization = headers.get("authorization", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def same_origin(headers: Headers) -> bool:
    """True unless the Origin header names another site than the Host header."""
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = headers.get("x-forwarded-host") or headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/").lower() == host.lower()


class AuthMiddleware:
    """Identifies the caller and turns away the unidentified and cross-site writes."""

    def __init__(
        self, app: ASGIApp, services_of: Callable[[], Services | None], static_paths: Collection[str]
    ) -> None:
        self.app = app
        self._services_of = services_of
        self._static = static_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        services = self._services_of()
        if services is None:
            await JsonResponse({"message": "Reelarr is starting"}, status_code=503)(scope, receive, send)
            return
        try:
            principal = await self._identify(scope, services)
        except Exception:
            log.exception("Could not check credentials")
            if scope["type"] == "http":
                await JsonResponse({"message": "Credentials could not be checked"}, 503)(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 1011})
            return
        scope.setdefault("state", {})["principal"] = principal
        path = route_path(scope)
        method: str = scope.get("method", "GET")
        if principal is None and not self._anonymous(path, method, services):
            await self._deny(scope, receive, send, services)
            return
        if (
            principal is not None
            and principal.kind == "session"
            and path.lower() not in _OWN_ORIGIN_CHECK
            and not self._csrf_ok(scope, principal)
        ):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await JsonResponse({"message": "Missing or invalid CSRF token"}, 403)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _identify(self, scope: Scope, services: Services) -> Principal | None:
        key = presented_api_key(scope)
        if key is not None and await services.api_keys.matches(key):
            return Principal("api_key")
        cookies = cookie_parser(Headers(scope=scope).get("cookie", ""))
        token = cookies.get(SESSION_COOKIE)
        if token:
            info = await services.sessions.resolve(token)
            if info is not None:
                return Principal("session", info)
        return None

    def _anonymous(self, path: str, method: str, services: Services) -> bool:
        lowered = path.lower()
        if lowered in ANONYMOUS_PATHS:
            return True
        if lowered == "/metrics" and services.settings.metrics_anonymous:
            return True
        return method in ("GET", "HEAD") and path in self._static

    def _csrf_ok(self, scope: Scope, principal: Principal) -> bool:
        headers = Headers(scope=scope)
        if scope["type"] == "websocket":
            return same_origin(headers)
        if scope.get("method", "GET") in _SAFE_METHODS:
            return True
        assert principal.session is not None
        presented = headers.get(CSRF_HEADER, "")
        return bool(presented) and hmac.compare_digest(
            presented.encode(), principal.session.csrf_token.encode()
        )

    async def _deny(self, scope: Scope, receive: Receive, send: Send, services: Services) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        path = route_path(scope)
        if is_program_path(path) or scope.get("method") not in ("GET", "HEAD"):
            await send({"type": "http.response.start", "status": 401, "headers": [(b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        root = scope.get("root_path", "")
        if await services.users.any_exist():
            query: str = scope.get("query_string", b"").decode("latin-1")
            target = path + (f"?{query}" if query else "")
            location = f"{root}/login?returnUrl={quote(target, safe='/')}"
        else:
            location = f"{root}/setup"
        await send(
            {"type": "http.response.start", "status": 302, "headers": [(b"location", location.encode())]}
        )
        await send({"type": "http.response.body", "body": b""})
