"""Languages in names: two-letter codes, filters, English alone left out."""

from __future__ import annotations

import pytest

from reelarr.naming.media_tokens import languages_token


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("nob", "NB"),
        ("swe", "SV"),
        ("zho", "ZH"),
        ("chi", "ZH"),
        ("fre", "FR"),
        ("rum", "RO"),
        ("per", "FA"),
        ("ger", "DE"),
        ("gsw", "DE"),
        ("cze", "CS"),
        ("ice", "IS"),
        ("dut", "NL"),
        ("nor", "NO"),
        ("khk", "MN"),
        ("mvf", "MN"),
        ("geo", "KA"),
        ("kat", "KA"),
        ("de", "DE"),
        ("zxx", "zxx"),
    ],
)
def test_codes_are_shown_as_two_letters(code: str, shown: str) -> None:
    assert languages_token([code], None, skip_english_only=False) == f"[{shown}]"


@pytest.mark.parametrize(
    ("codes", "format", "expected"),
    [
        ("eng/deu", None, "[EN+DE]"),
        ("eng/nld/deu", None, "[EN+NL+DE]"),
        ("eng/deu", "DE", "[DE]"),
        ("eng/nld/deu", "EN+NL", "[EN+NL]"),
        ("eng/nld/deu", "NL+EN", "[NL+EN]"),
        ("eng/nld/deu", "-NL", "[EN+DE]"),
        ("eng/nld/deu", "DE+", "[DE+--]"),
        ("eng/nld/deu", "DE+NO", "[DE]"),
        ("eng/nld/deu", "-EN", "[NL+DE]"),
        ("eng/eng/und/ ", None, "[EN]"),
        ("", None, ""),
    ],
)
def test_filters(codes: str, format: str | None, expected: str) -> None:
    assert languages_token(codes.split("/"), format, skip_english_only=False) == expected


@pytest.mark.parametrize(("codes", "expected"), [(["eng"], ""), (["eng", "deu"], "[EN+DE]")])
def test_english_alone_can_be_left_out(codes: list[str], expected: str) -> None:
    assert languages_token(codes, None, skip_english_only=True) == expected
