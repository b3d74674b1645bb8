"""Pieces compressed apart join into one valid gzip stream of the joined bytes."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

from hypothesis import given
from hypothesis import strategies as st

from reelarr.compression import compress, crc32_combine, encoded, encoded_length


@given(st.binary(max_size=5000), st.binary(max_size=5000))
def test_crc_of_joined_bytes_is_combined_from_the_parts(a: bytes, b: bytes) -> None:
    assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


@given(st.lists(st.binary(max_size=3000) | st.text(max_size=3000).map(str.encode), max_size=8))
def test_pieces_join_into_one_body_in_each_encoding(parts: list[bytes]) -> None:
    pieces = [compress(part) for part in parts]
    whole = b"".join(parts)
    gz = b"".join(encoded(pieces, "gzip"))
    plain = b"".join(encoded(pieces, "identity"))
    assert gzip.decompress(gz) == whole
    assert zlib.decompress(gz, wbits=31) == whole, "one gzip member, not several"
    assert plain == whole
    assert [len(gz), len(plain)] == [encoded_length(pieces, "gzip"), encoded_length(pieces, "identity")]


def test_a_piece_holds_only_its_compressed_bytes() -> None:
    text = b'{"title":"A film","overview":"Long enough to compress well."}' * 20_000
    tracemalloc.start()
    try:
        piece = compress(text)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Output buffers allocated at the input's bound and kept whole would hold more than the input.
    assert held < len(text) // 10
    assert piece.kept_bytes <= held
    assert piece.plain() == text
