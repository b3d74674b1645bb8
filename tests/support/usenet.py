"""Usenet articles for tests: a file split into yEnc-encoded parts, posted over NNTP, and the NZB that
points at them (message-ids unique per call, so a session's posts never collide)."""

from __future__ import annotations

import socket
import time
import uuid
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

GROUP = "alt.binaries.test"
LINE = 128
_CRITICAL = frozenset({0, 10, 13, 61})


def yenc(data: bytes) -> bytes:
    """The yEnc body of `data`: lines of about 128 characters, the critical bytes escaped."""
    lines: list[bytes] = []
    line = bytearray()
    for byte in data:
        out = (byte + 42) % 256
        edge = not line or len(line) >= LINE - 1
        if out in _CRITICAL or (edge and out in (9, 32, 46)):
            line += bytes((61, (out + 64) % 256))
        else:
            line.append(out)
        if len(line) >= LINE:
            lines.append(bytes(line))
            line = bytearray()
    if line:
        lines.append(bytes(line))
    return b"\r\n".join(lines)


@dataclass(frozen=True)
class Segment:
    """One posted (or only planned) article: its message-id without brackets and its size."""

    message_id: str
    size: int


@dataclass(frozen=True)
class PostedFile:
    """A file as usenet has it: its name, its size and its segments in order."""

    name: str
    size: int
    segments: tuple[Segment, ...]


def articles(name: str, data: bytes, part_size: int) -> list[tuple[str, bytes]]:
    """The articles of `data` in parts of `part_size`: (message-id, article with headers)."""
    total = max(1, -(-len(data) // part_size))
    token = uuid.uuid4().hex[:12]
    found: list[tuple[str, bytes]] = []
    for number in range(1, total + 1):
        begin = (number - 1) * part_size
        part = data[begin : begin + part_size]
        message_id = f"part{number}of{total}.{token}@reelarr.test"
        body = (
            f"=ybegin part={number} total={total} line={LINE} size={len(data)} name={name}\r\n"
            f"=ypart begin={begin + 1} end={begin + len(part)}\r\n"
        ).encode() + yenc(part)
        body += f"\r\n=yend size={len(part)} part={number} pcrc32={zlib.crc32(part):08x}\r\n".encode()
        headers = (
            "From: Reelarr Tests <tests@reelarr.test>\r\n"
            f"Newsgroups: {GROUP}\r\n"
            f'Subject: [1/1] - "{name}" yEnc ({number}/{total})\r\n'
            f"Message-ID: <{message_id}>\r\n\r\n"
        ).encode()
        found.append((message_id, headers + body))
    return found


def nzb(files: list[PostedFile], poster: str = "tests@reelarr.test") -> bytes:
    """An NZB of the files (no DOCTYPE line: NZBGet does not need it)."""
    date = int(time.time())
    parts = []
    for posted in files:
        total = len(posted.segments)
        subject = quoteattr(f'[1/1] - "{posted.name}" yEnc (1/{total})')
        segments = "".join(
            f'<segment bytes="{s.size}" number="{n}">{escape(s.message_id)}</segment>'
            for n, s in enumerate(posted.segments, start=1)
        )
        parts.append(
            f'<file poster="{poster}" date="{date}" subject={subject}>'
            f"<groups><group>{GROUP}</group></groups><segments>{segments}</segments></file>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">{"".join(parts)}</nzb>\n'
    ).encode()


class NntpPoster:
    """A minimal NNTP client that posts articles (MODE READER, then POST each) and checks them (STAT)."""

    def __init__(self, host: str, port: int) -> None:
        self._socket = socket.create_connection((host, port), timeout=30)
        self._file = self._socket.makefile("rwb")
        self._expect(self._line(), "200")
        self._expect(self.command("MODE READER"), "200")

    def _line(self) -> str:
        return self._file.readline().decode("latin-1").rstrip("\r\n")

    @staticmethod
    def _expect(answer: str, code: str) -> None:
        if not answer.startswith(code):
            raise RuntimeError(f"NNTP server answered {answer!r}, not {code}")

    def command(self, text: str) -> str:
        """Send one command line; the server's answer line."""
        self._file.write(text.encode() + b"\r\n")
        self._file.flush()
        return self._line()

    def post(self, article: bytes) -> None:
        """POST one article (headers, blank line, body), dot-stuffed."""
        self._expect(self.command("POST"), "340")
        lines = article.split(b"\r\n")
        stuffed = b"\r\n".join(b"." + line if line.startswith(b".") else line for line in lines)
        self._file.write(stuffed + b"\r\n.\r\n")
        self._file.flush()
        self._expect(self._line(), "240")

    def has(self, message_id: str) -> bool:
        """Whether the server holds the article."""
        return self.command(f"STAT <{message_id}>").startswith("223")

    def close(self) -> None:
        """Say goodbye and close the connection."""
        try:
            self.command("QUIT")
        finally:
            self._file.close()
            self._socket.close()
