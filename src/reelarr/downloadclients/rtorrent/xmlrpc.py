"""XML-RPC as rTorrent speaks it over HTTP (`POST <urlPath>`, usually behind an HTTP-to-SCGI bridge),
through Reelarr's remote layer.

Calls are written with the standard library's encoder (it only writes); answers are untrusted and read
here: through defusedxml with DTDs refused, the body capped before it is parsed, and only XML-RPC's own
value types accepted. No message raised here carries the password.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import time
import xmlrpc.client
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from reelarr.errors import RemoteUnavailable
from reelarr.remote import RemoteService, RetryPolicy, ServicePolicy, new_client
from reelarr.remote.service import ResponseTooLarge

_NAME = "rTorrent"
MAX_ANSWER_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 32
# Radarr waits up to 30 seconds for rTorrent; a refused connection is tried once more shortly after.
POLICY = ServicePolicy(
    timeout=30.0,
    connect_timeout=10.0,
    retry=RetryPolicy(attempts=2, initial_delay=0.2, max_delay=1.0, jitter=0.1),
)


class RTorrentError(Exception):
    """rTorrent (or what stands before it) answered, but not as a working XML-RPC would."""


class RTorrentAuthFailed(RTorrentError):
    """The HTTP server before rTorrent refused the user name and password."""


class RTorrentUnavailable(RTorrentError):
    """rTorrent could not be reached (refused, timed out, TLS failed) or its answer was too large."""


class RTorrentFault(RTorrentError):
    """rTorrent ran the method and answered with an XML-RPC fault (an unknown hash, a bad argument)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def encode_call(method: str, params: tuple[Any, ...]) -> bytes:
    """An XML-RPC methodCall; bytes go as base64 (a torrent file for load.raw)."""
    wrapped = tuple(xmlrpc.client.Binary(p) if isinstance(p, bytes) else p for p in params)
    return xmlrpc.client.dumps(wrapped, methodname=method, encoding="utf-8").encode("utf-8")


def decode_answer(body: bytes) -> Any:
    """The value of an XML-RPC methodResponse; RTorrentFault for a fault, RTorrentError for anything
    that is not a well-formed answer (a DTD, an entity, an unknown type)."""
    try:
        root = SafeTree.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise RTorrentError(f"Unreadable XML-RPC answer: {type(error).__name__}") from None
    if root.tag != "methodResponse" or len(root) != 1:
        raise RTorrentError("Unexpected XML-RPC answer: not a methodResponse")
    outcome = root[0]
    if outcome.tag == "fault":
        fault = _value(_only(outcome, "value"), 0)
        if not isinstance(fault, dict):
            raise RTorrentError("Unexpected XML-RPC fault")
        code = fault.get("faultCode")
        return _raise_fault(str(fault.get("faultString") or "Unknown fault"), code)
    if outcome.tag != "params" or len(outcome) != 1:
        raise RTorrentError("Unexpected XML-RPC answer: no single result")
    return _value(_only(_only(outcome, "param"), "value"), 0)


def _raise_fault(message: str, code: object) -> Any:
    raise RTorrentFault(message.strip() or "Unknown fault", code if isinstance(code, int) else 0)


def _only(element: Element, tag: str) -> Element:
    if len(element) != 1 or element[0].tag != tag:
        raise RTorrentError(f"Unexpected XML-RPC answer: expected <{tag}> in <{element.tag}>")
    return element[0]


def _value(element: Element, depth: int) -> Any:
    if element.tag != "value":
        raise RTorrentError(f"Unexpected XML-RPC answer: <{element.tag}> where a value was expected")
    if depth > MAX_DEPTH:
        raise RTorrentError("Unexpected XML-RPC answer: nested too deeply")
    if len(element) == 0:
        return element.text or ""  # a value without a type is a string
    if len(element) != 1:
        raise RTorrentError("Unexpected XML-RPC answer: a value of several types")
    typed = element[0]
    text = (typed.text or "").strip()
    try:
        if typed.tag in ("i4", "i8", "int"):
            return int(text)
        if typed.tag == "string":
            return typed.text or ""
        if typed.tag == "boolean":
            return text == "1"
        if typed.tag == "double":
            return float(text)
        if typed.tag == "base64":
            return base64.b64decode(text)
        if typed.tag == "nil":
            return None
    except (ValueError, binascii.Error):
        raise RTorrentError(f"Unexpected XML-RPC answer: a malformed <{typed.tag}>") from None
    if typed.tag == "array":
        return [_value(v, depth + 1) for v in _only(typed, "data")]
    if typed.tag == "struct":
        return dict(_member(m, depth + 1) for m in typed)
    raise RTorrentError(f"Unexpected XML-RPC answer: an unknown type <{typed.tag}>")


def _member(member: Element, depth: int) -> tuple[str, Any]:
    name, value = member.find("name"), member.find("value")
    if member.tag != "member" or name is None or value is None:
        raise RTorrentError("Unexpected XML-RPC answer: a malformed struct member")
    return name.text or "", _value(value, depth)


class RTorrentRpc:
    """One conversation with rTorrent's XML-RPC; `async with` it, then `call` its methods."""

    def __init__(self, url: str, username: str, password: str) -> None:
        self.url = url
        self._auth = (username, password) if username or password else None
        self._service: RemoteService | None = None

    async def __aenter__(self) -> RTorrentRpc:
        client = new_client(POLICY, headers={"Accept": "text/xml"})
        self._service = RemoteService(_NAME, POLICY, client, clock=time.time, sleep=asyncio.sleep)
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._service is not None:
            await self._service.client.aclose()
            self._service = None

    async def call(self, method: str, *params: Any) -> Any:
        """Run one method; its result, or an RTorrentError saying why not."""
        assert self._service is not None, "RTorrentRpc is used inside `async with`"
        try:
            response = await self._service.exchange(
                "POST",
                self.url,
                max_bytes=MAX_ANSWER_BYTES,
                content=encode_call(method, params),
                headers={"Content-Type": "text/xml"},
                auth=self._auth,
            )
        except ResponseTooLarge as error:
            raise RTorrentError(f"rTorrent's answer is too large: it {error.message}") from None
        except RemoteUnavailable as error:
            raise RTorrentUnavailable(_unreachable(error.message)) from None
        if response.status_code in (401, 403):
            raise RTorrentAuthFailed("Authentication failure")
        if response.status_code != 200:
            raise RTorrentError(f"Unexpected response (HTTP {response.status_code})")
        return decode_answer(response.content)


def _unreachable(message: str) -> str:
    if message.startswith("timed out"):
        return f"Unable to connect to {_NAME}, the request timed out."
    if "CERTIFICATE" in message.upper():
        return f"Unable to connect to {_NAME}, certificate validation failed."
    return f"Unable to connect to {_NAME}, please check your settings ({message})."
