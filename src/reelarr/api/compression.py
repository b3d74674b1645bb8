"""Compresses text and JSON responses for clients that accept zstd or gzip (ASGI middleware).

Only bodies of a compressible type (JSON, text, JavaScript, SVG, XML) of at least `minimum_size`
bytes are compressed; a response that is already encoded (the kept movie list, precompressed UI
assets), a partial one (206, Content-Range), `no-transform`, a HEAD request and a WebSocket pass
as they are. Every compressible response says `Vary: Accept-Encoding`. Streamed bodies are
compressed as they stream, each chunk flushed so the client gets it at once; big bodies are
compressed in a worker thread so the event loop serves others meanwhile.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Callable

import zstandard
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelarr.api.content_coding import IDENTITY, preferred_coding

OFFERED = ("zstd", "gzip")
MINIMUM_SIZE = 1024
# Compressed per response, so cheap levels (nginx's gzip default is 1); zstd's 3 is its default.
_GZIP_LEVEL = 4
_ZSTD_LEVEL = 3
# Bigger bodies are compressed on a worker thread (zlib and zstd let go of the GIL): a page of 50 movies
# (~150 KB, ~1.5 ms to compress) then leaves the event loop free for the other requests meanwhile.
_THREAD_BYTES = 64 * 1024
_FLUSH_BYTES = 64 * 1024
_TYPES = ("application/json", "application/javascript", "application/xml", "image/svg+xml")


def compressible(content_type: str) -> bool:
    """True for media types that shrink well (JSON, text, JavaScript, SVG, XML)."""
    media = content_type.partition(";")[0].strip().lower()
    if media == "text/event-stream":
        return False
    return media.startswith("text/") or media in _TYPES or media.endswith(("+json", "+xml"))


def add_vary(headers: MutableHeaders) -> None:
    """Say that the body depends on Accept-Encoding (once)."""
    vary = headers.get("vary", "")
    names = {v.strip().lower() for v in vary.split(",")}
    if "accept-encoding" not in names and "*" not in names:
        headers["vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"


class CompressionMiddleware:
    """zstd or gzip for the responses and clients that suit it; see the module's docstring."""

    def __init__(self, app: ASGIApp, minimum_size: int = MINIMUM_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Headers(scope=scope)
        coding = preferred_coding(request.get("accept-encoding"), OFFERED)
        if scope["method"] == "HEAD" or "range" in request:
            coding = IDENTITY
        if coding != IDENTITY and "http.response.pathsend" in scope.get("extensions", {}):
            # A file sent by the server itself cannot be compressed on its way: ask for its bytes.
            extensions = {k: v for k, v in scope["extensions"].items() if k != "http.response.pathsend"}
            scope = {**scope, "extensions": extensions}
        await self.app(scope, receive, _Responder(send, coding, self.minimum_size).send)


class _Responder:
    """Holds back the response's start until the first body part says how to send the whole."""

    def __init__(self, send: Send, coding: str, minimum_size: int) -> None:
        self._send = send
        self._coding = coding
        self._minimum_size = minimum_size
        self._start: Message | None = None
        self._passing = False
        self._stream: Callable[[bytes, bool], bytes] | None = None

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            await self._started(message)
        elif message["type"] != "http.response.body" or self._passing:
            await self._send(message)
        elif self._stream is not None:
            await self._send_streamed(message)
        else:
            await self._first_body(message)

    async def _started(self, message: Message) -> None:
        headers = MutableHeaders(scope=message)
        status: int = message["status"]
        if not _eligible(status, headers):
            self._passing = True
        else:
            add_vary(headers)
            self._passing = (
                self._coding == IDENTITY or "no-transform" in headers.get("cache-control", "").lower()
            )
        if self._passing:
            await self._send(message)
        else:
            self._start = message

    async def _first_body(self, message: Message) -> None:
        assert self._start is not None
        body: bytes = message.get("body", b"")
        more: bool = message.get("more_body", False)
        headers = MutableHeaders(scope=self._start)
        if not more:
            packed = await _off_loop(_whole(self._coding), body) if len(body) >= self._minimum_size else body
            if len(packed) < len(body):
                _encoded_headers(headers, self._coding)
                headers["content-length"] = str(len(packed))
                body = packed
            self._passing = True
            await self._send(self._start)
            await self._send({"type": "http.response.body", "body": body})
            return
        _encoded_headers(headers, self._coding)
        del headers["content-length"]
        self._stream = _streaming(self._coding)
        await self._send(self._start)
        await self._send_streamed(message)

    async def _send_streamed(self, message: Message) -> None:
        assert self._stream is not None
        body: bytes = message.get("body", b"")
        more: bool = message.get("more_body", False)
        stream = self._stream
        packed = await _off_loop(lambda data: stream(data, not more), body)
        if packed or not more:
            await self._send({"type": "http.response.body", "body": packed, "more_body": more})


def _eligible(status: int, headers: MutableHeaders) -> bool:
    """A complete, not yet encoded answer of a compressible type."""
    if status < 200 or status in (204, 206, 304) or not compressible(headers.get("content-type", "")):
        return False
    return "content-encoding" not in headers and "content-range" not in headers


def _encoded_headers(headers: MutableHeaders, coding: str) -> None:
    headers["content-encoding"] = coding
    etag = headers.get("etag")
    if etag and not etag.startswith("W/"):
        headers["etag"] = "W/" + etag  # the same resource, not the same bytes


async def _off_loop(work: Callable[[bytes], bytes], data: bytes) -> bytes:
    if len(data) < _THREAD_BYTES:
        return work(data)
    return await asyncio.to_thread(work, data)


def _whole(coding: str) -> Callable[[bytes], bytes]:
    if coding == "zstd":
        return zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compress
    return lambda data: zlib.compress(data, _GZIP_LEVEL, wbits=31)


def _streaming(coding: str) -> Callable[[bytes, bool], bytes]:
    """Compresses a body a part at a time, flushing every `_FLUSH_BYTES` of input (and at the end).

    Flushing each small part (a streamed list sends one movie at a time) would cost ratio and time.
    """
    pending = 0
    compress: Callable[[bytes], bytes]
    flush: Callable[[bool], bytes]
    if coding == "zstd":
        zstd = zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compressobj()
        modes = (zstandard.COMPRESSOBJ_FLUSH_BLOCK, zstandard.COMPRESSOBJ_FLUSH_FINISH)
        compress = zstd.compress

        def flush(last: bool) -> bytes:
            return zstd.flush(modes[last])
    else:
        gzip = zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, 31)
        compress = gzip.compress

        def flush(last: bool) -> bytes:
            return gzip.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)

    def part(data: bytes, last: bool) -> bytes:
        nonlocal pending
        packed = compress(data)
        pending += len(data)
        if last or pending >= _FLUSH_BYTES:
            packed += flush(last)
            pending = 0
        return packed

    return part
