"""ASGI middleware for the conventions Radarr clients rely on, applied before routing."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelarr.api.json import JsonResponse
from reelarr.api.routing import PathCanonicalizer


def route_path(scope: Scope) -> str:
    """The request path below the URL base (ASGI's `path` includes `root_path`)."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] or "/" if root and path.startswith(root) else path


class UrlBaseMiddleware:
    """Serves the app under a path prefix (REELARR_URL_BASE) for reverse proxies, as the ASGI root_path."""

    def __init__(self, app: ASGIApp, url_base: str) -> None:
        self.app = app
        self.url_base = url_base

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or not self.url_base:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path == self.url_base or path.startswith(self.url_base + "/"):
            scope = dict(scope)
            if path == self.url_base:
                scope["path"] = path + "/"
            scope["root_path"] = self.url_base
            await self.app(scope, receive, send)
            return
        if scope["type"] == "http" and path == "/":
            await _redirect(self.url_base + "/", send)
            return
        if scope["type"] == "http":
            await JsonResponse({"message": "Not Found"}, status_code=404)(scope, receive, send)


async def _redirect(location: str, send: Send) -> None:
    await send({"type": "http.response.start", "status": 302, "headers": [(b"location", location.encode())]})
    await send({"type": "http.response.body", "body": b""})


class ConventionsMiddleware:
    """Paths and query names matched ignoring case, no trailing slashes, the version header on answers."""

    def __init__(
        self,
        app: ASGIApp,
        version: str,
        paths: PathCanonicalizer,
        query_names: Mapping[str, str],
        max_body_bytes: int,
        self_bounded: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.version = version
        self.paths = paths
        self.query_names = query_names
        self.max_body_bytes = max_body_bytes
        self.self_bounded = self_bounded  # routes that bound their own bodies (a backup upload)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        path = route_path(scope)
        canonical = self.paths.canonical(path.rstrip("/") or "/")
        if canonical != path:
            scope["path"] = scope.get("root_path", "") + canonical
            scope["raw_path"] = scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        if query:
            scope["query_string"] = self._canonical_query(query)
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("X-Application-Version", self.version)
            await send(message)

        # Declared sizes are refused here; FastAPI's own limit catches chunked bodies that grow too big.
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes and canonical not in self.self_bounded:
            limit = f"{self.max_body_bytes // (1024 * 1024)} MB"
            response = JsonResponse({"message": f"The request body is larger than {limit}"}, status_code=413)
            await response(scope, receive, send_with_version)
            return
        await self.app(scope, receive, send_with_version)

    def _canonical_query(self, query: bytes) -> bytes:
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        if not any(self.query_names.get(k.lower(), k) != k for k, _ in pairs):
            return query
        return urlencode([(self.query_names.get(k.lower(), k), v) for k, v in pairs]).encode("latin-1")
