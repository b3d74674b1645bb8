"""Stream language tags become the ISO 639-2 (bibliographic) codes Radarr shows."""

from __future__ import annotations

import pytest

from reelarr.mediafiles.languages import stream_language


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("eng", "eng"),
        ("en", "eng"),
        ("EN", "eng"),
        ("en-US", "eng"),
        ("fra", "fre"),
        ("fre", "fre"),
        ("fr", "fre"),
        ("deu", "ger"),
        ("de", "ger"),
        ("zho", "chi"),
        ("nld", "dut"),
        ("ces", "cze"),
        ("jpn", "jpn"),
        ("und", "und"),
        ("pt-BR", "por"),
        ("", ""),
        ("  ", ""),
        ("english", ""),
    ],
)
def test_stream_language(tag: str, code: str) -> None:
    assert stream_language(tag) == code
