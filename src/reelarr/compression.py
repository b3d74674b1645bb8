"""Bodies kept compressed in pieces and sent as one gzip stream, or as the plain bytes again.

A piece is compressed once, independently of every other piece, as raw deflate blocks that end on a
byte boundary without the final-block bit (what a sync flush writes), so pieces joined in any order
are one deflate stream; a gzip header, an empty final block and a trailer whose CRC-32 is combined
from the pieces' make it one gzip member. Clients that do not take gzip get the pieces inflated one
at a time.

Not zstd: a zstd stream of one frame per piece is valid (RFC 8878), but httpx's and urllib3's
decoders fail when a frame ends exactly where a read does, and Python clients (pyarr, Home
Assistant) ask for zstd as soon as zstandard is installed.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["identity", "gzip"]
# Kept pieces are compressed once per change, so a better ratio is worth the time here (level 6
# and up gain less than 3% on movie JSON for a third more time).
GZIP_LEVEL = 5
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, OS unknown
_FINAL_BLOCK = b"\x03\x00"  # an empty final block with fixed codes
_CRC_POLY = 0xEDB88320


@dataclass(frozen=True, slots=True)
class Piece:
    """Bytes kept compressed, joinable with other pieces' into one gzip stream."""

    deflate: bytes  # raw deflate ending in a sync flush (never a final block)
    crc: int  # CRC-32 of the plain bytes
    size: int  # length of the plain bytes

    def plain(self) -> bytes:
        """The bytes as they were."""
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(self.deflate)

    @property
    def kept_bytes(self) -> int:
        """What the piece holds in memory."""
        return len(self.deflate)


def compress(data: bytes) -> Piece:
    """The piece for these bytes (slow: call it off the event loop for big ones; zlib drops the GIL)."""
    deflater = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    # One bytes of its own size: a join of the compressor's parts (with some compressors, the
    # output buffer is allocated at the input's bound and kept whole by the bytes returned).
    deflate = b"".join((deflater.compress(data), deflater.flush(zlib.Z_SYNC_FLUSH)))
    return Piece(deflate=deflate, crc=zlib.crc32(data), size=len(data))


def encoded(pieces: Sequence[Piece], encoding: Encoding) -> Iterator[bytes]:
    """The pieces joined, as one body in `encoding`; a piece at a time."""
    if encoding == "gzip":
        yield _GZIP_HEADER
        yield from (piece.deflate for piece in pieces)
        crc, size = _combined_crc(pieces)
        yield _FINAL_BLOCK + struct.pack("<II", crc, size & 0xFFFFFFFF)
    else:
        yield from (piece.plain() for piece in pieces)


def encoded_length(pieces: Sequence[Piece], encoding: Encoding) -> int:
    """The length of `encoded(pieces, encoding)`, without encoding anything."""
    if encoding == "gzip":
        return len(_GZIP_HEADER) + sum(len(piece.deflate) for piece in pieces) + len(_FINAL_BLOCK) + 8
    return sum(piece.size for piece in pieces)


def _combined_crc(pieces: Iterable[Piece]) -> tuple[int, int]:
    crc, size = 0, 0
    for piece in pieces:
        crc = crc32_combine(crc, piece.crc, piece.size)
        size += piece.size
    return crc, size


# ---------------------------------------------------------------- CRC-32 of joined bytes
# zlib's crc32_combine (its multmodp / x2nmodp form), which Python's zlib module does not expose.


def _multmodp(a: int, b: int) -> int:
    """a times b modulo the CRC polynomial (bit-reflected)."""
    m, product = 1 << 31, 0
    while True:
        if a & m:
            product ^= b
            if (a & (m - 1)) == 0:
                return product
        m >>= 1
        b = (b >> 1) ^ _CRC_POLY if b & 1 else b >> 1


def _powers_of_x() -> tuple[int, ...]:
    """x^(2^k) modulo the polynomial, for k = 0..31."""
    powers, p = [], 1 << 30  # x^1
    for _ in range(32):
        powers.append(p)
        p = _multmodp(p, p)
    return tuple(powers)


_X2N = _powers_of_x()


def _x8nmodp(n: int) -> int:
    """x^(8n) modulo the polynomial: the shift of a CRC over n zero bytes."""
    p, k = 1 << 31, 3  # x^0; n bytes are 8n = n * 2^3 bits
    while n:
        if n & 1:
            p = _multmodp(_X2N[k & 31], p)
        n >>= 1
        k += 1
    return p


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """CRC-32 of A + B from CRC-32 of A, CRC-32 of B and B's length."""
    return _multmodp(_x8nmodp(length2), crc1) ^ crc2
