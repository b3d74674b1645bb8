"""Info hashes of torrent files: the download id every torrent client answers with (a magnet's is read
by `reelarr.indexers.values.info_hash_from_magnet`)."""

from __future__ import annotations

import hashlib

MAX_DEPTH = 64


class InvalidTorrent(ValueError):
    """The bytes are not a torrent file."""


def _integer_end(data: bytes, start: int, terminator: int) -> tuple[int, int]:
    end = data.find(terminator, start)
    if end < 0 or end == start or end - start > 20:
        raise InvalidTorrent("A malformed number")
    text = data[start:end]
    if not (text.isdigit() or (text[:1] == b"-" and text[1:].isdigit())):
        raise InvalidTorrent("A malformed number")
    return int(text), end + 1


def _skip(data: bytes, position: int, depth: int, spans: dict[bytes, tuple[int, int]] | None) -> int:
    """The position after the value at `position`; the top dictionary's values' spans go in `spans`."""
    if depth > MAX_DEPTH:
        raise InvalidTorrent("Nested too deeply")
    if position >= len(data):
        raise InvalidTorrent("Truncated")
    lead = data[position]
    if lead == ord("i"):
        return _integer_end(data, position + 1, ord("e"))[1]
    if lead in (ord("l"), ord("d")):
        position += 1
        is_dict = lead == ord("d")
        while position < len(data) and data[position] != ord("e"):
            key_start = position
            position = _skip(data, position, depth + 1, None)
            if is_dict:
                if data[key_start] not in b"0123456789":
                    raise InvalidTorrent("A dictionary key that is not a string")
                value_start = position
                position = _skip(data, position, depth + 1, None)
                if spans is not None:
                    length, body = _integer_end(data, key_start, ord(":"))
                    spans[data[body : body + length]] = (value_start, position)
        if position >= len(data):
            raise InvalidTorrent("Truncated")
        return position + 1
    if lead in b"0123456789":
        length, body = _integer_end(data, position, ord(":"))
        if length < 0 or body + length > len(data):
            raise InvalidTorrent("Truncated")
        return body + length
    raise InvalidTorrent("Not bencoded data")


def torrent_info_hash(data: bytes) -> str:
    """The upper-case hex SHA-1 of a torrent file's `info` dictionary, exactly as its bytes are."""
    if not data.startswith(b"d"):
        raise InvalidTorrent("Not a torrent file")
    spans: dict[bytes, tuple[int, int]] = {}
    end = _skip(data, 0, 0, spans)
    if end != len(data.rstrip(b"\r\n")):
        raise InvalidTorrent("Data after the torrent")
    if b"info" not in spans:
        raise InvalidTorrent("A torrent file without an info dictionary")
    start, stop = spans[b"info"]
    if data[start] != ord("d"):
        raise InvalidTorrent("A torrent file whose info is not a dictionary")
    return hashlib.sha1(data[start:stop]).hexdigest().upper()  # noqa: S324 - BitTorrent's own hash
