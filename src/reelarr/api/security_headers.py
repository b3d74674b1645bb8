"""Headers that keep the UI out of other sites' frames and the browser from guessing or leaking.

Every answer gets them: the UI, `/login`, the API. The content security policy fits the UI as
built: scripts, styles, fonts and the WebSocket from Reelarr itself; images also from TMDB
(headshots and posters are remote https URLs) and from the TMDB image address the settings name.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def content_security_policy(image_url: str | None = None) -> str:
    """The policy for the UI; `image_url` adds the origin of a TMDB image address set by hand."""
    images = ["'self'", "data:", "blob:", "https:"]
    if image_url and (parts := urlsplit(image_url)).scheme == "http" and parts.netloc:
        images.append(f"http://{parts.netloc}")
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": images,
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Adds the content security policy, no framing, no MIME sniffing and no referrer to every answer."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.headers = {
            "Content-Security-Policy": policy,
            "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
