"""Real torrent files and magnet links made in a test: a tiny bencoder and single-file torrents."""

from __future__ import annotations

import hashlib
import os

PIECE_LENGTH = 16 * 1024
# A tracker nobody answers on: torrents made here never reach beyond loopback.
ANNOUNCE = "http://127.0.0.1:1/announce"


def bencode(value: object) -> bytes:
    """BitTorrent's encoding of ints, bytes, strings, lists and dicts (keys sorted)."""
    if isinstance(value, bool):
        raise TypeError("bencode has no booleans")
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    raise TypeError(f"cannot bencode {type(value).__name__}")


def random_content(length: int = 2 * PIECE_LENGTH) -> bytes:
    """Content no other test's torrent has (so every torrent made has its own info hash)."""
    return os.urandom(length)


def make_torrent(name: str, content: bytes) -> tuple[bytes, str]:
    """A single-file torrent of `content` called `name`, and its upper-case hex info hash."""
    pieces = b"".join(
        hashlib.sha1(content[n : n + PIECE_LENGTH]).digest() for n in range(0, len(content), PIECE_LENGTH)
    )
    info = bencode({"length": len(content), "name": name, "piece length": PIECE_LENGTH, "pieces": pieces})
    torrent = b"d8:announce" + bencode(ANNOUNCE) + b"4:info" + info + b"e"
    return torrent, hashlib.sha1(info).hexdigest().upper()


def make_magnet(name: str) -> tuple[str, str]:
    """A magnet link to a torrent nobody has (its metadata never arrives), and its info hash."""
    info_hash = hashlib.sha1(os.urandom(32)).hexdigest().upper()
    return f"magnet:?xt=urn:btih:{info_hash}&dn={name}", info_hash
