"""Accept-Encoding as RFC 9110 reads it: q-values, refusals, the wildcard and identity."""

from __future__ import annotations

import pytest

from reelarr.api.content_coding import preferred_coding

OFFERED = ("zstd", "gzip")


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, "identity"),
        ("", "identity"),
        ("gzip, deflate", "gzip"),
        ("GZIP", "gzip"),
        ("x-gzip", "gzip"),
        ("gzip, deflate, br, zstd", "zstd"),
        ("gzip;q=0.9, zstd;q=0.8", "gzip"),
        ("gzip ; q=0.5 , zstd ; Q=0.6", "zstd"),
        ("zstd;q=0, gzip", "gzip"),
        ("gzip;q=0", "identity"),
        ("br", "identity"),
        ("*", "zstd"),
        ("*;q=0.5, zstd;q=0", "gzip"),
        ("*;q=0", "identity"),
        ("identity;q=0", "identity"),
        ("identity;q=0, gzip;q=0.1", "gzip"),
        ("identity, gzip;q=0.5", "identity"),
        ("gzip;q=2", "gzip"),
        ("gzip;q=-1", "identity"),
        ("gzip;q=abc", "identity"),
        (",,;, gzip", "gzip"),
    ],
)
def test_the_coding_chosen_for_a_header(header: str | None, coding: str) -> None:
    assert preferred_coding(header, OFFERED) == coding
