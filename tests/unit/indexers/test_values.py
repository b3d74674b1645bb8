"""Loose feed values: dates, sizes, numbers and magnet hashes as indexers write them."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reelarr.indexers.values import info_hash_from_magnet, parse_date, parse_int, parse_size


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat, 14 Mar 2015 17:10:42 -0400", datetime(2015, 3, 14, 21, 10, 42, tzinfo=UTC)),
        ("Sat, 14 Mar 2015 17:10:42 +0000", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
        ("Sat, 14 Mar 2015 17:10:42 GMT", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
        ("Sat, 14 Mar 2015 17:10:42 CEST", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
        ("2015-03-14T17:10:42Z", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
        ("2015-03-14 17:10:42", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
        ("2015-03-14T19:10:42+02:00", datetime(2015, 3, 14, 17, 10, 42, tzinfo=UTC)),
    ],
)
def test_feed_dates_are_read_as_utc(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "14/14/2015"])
def test_unreadable_dates_are_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234567", 1234567),
        ("1.4 GB", round(1.4 * 1024**3)),
        ("Size: 700 MiB, Seeders: 3", 700 * 1024**2),
        ("1,500 KB", 1500 * 1024),
        ("Size 2.5GB", round(2.5 * 1024**3)),
        ("no size here", 0),
        ("", 0),
    ],
)
def test_sizes_are_read_in_binary_units(text: str, expected: int) -> None:
    assert parse_size(text) == expected


def test_decimal_units_are_used_when_asked() -> None:
    assert parse_size("1.5 GB", binary_default=False) == 1_500_000_000
    assert parse_size("1.5 GiB", binary_default=False) == round(1.5 * 1024**3)


@pytest.mark.parametrize(("text", "expected"), [("²", 0), ("1²", 0), ("³ 4 GB", 4 * 1024**3), ("١٢", 12)])
def test_a_size_of_digits_that_are_not_decimals_is_no_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@given(st.text(max_size=200))
def test_reading_a_size_never_raises(text: str) -> None:
    assert parse_size(text) >= 0


@pytest.mark.parametrize(
    ("text", "expected"), [("12", 12), (" 7 ", 7), ("3.0", 3), ("lots", None), (None, None)]
)
def test_numbers_are_read_leniently(text: str | None, expected: int | None) -> None:
    assert parse_int(text) == expected


def test_magnet_hashes_are_read_in_hex_and_base32() -> None:
    hex_hash = "9C0A89D3BC079DDAA86D0070E421C58FFDE382E6"
    assert info_hash_from_magnet(f"magnet:?xt=urn:btih:{hex_hash.lower()}&dn=x") == hex_hash
    assert info_hash_from_magnet("magnet:?xt=urn:btih:TQFITU54A6O5VKDNABYOIIOFR766HAXG") == hex_hash
    assert info_hash_from_magnet("https://example.test/file.torrent") is None
    assert info_hash_from_magnet("magnet:?xt=urn:btih:nothex") is None


# From 1900: the email module reads a year below 100 as a two-digit one (0099 as 1999), where the fast
# path, like .NET, keeps the four digits it was given. No feed writes such years.
@given(st.datetimes(min_value=datetime(1900, 1, 1), timezones=st.timezones()), st.booleans())
def test_rfc822_dates_read_as_the_email_module_reads_them(moment: datetime, with_weekday: bool) -> None:
    try:
        text = format_datetime(moment.replace(microsecond=0))
        expected = parsedate_to_datetime(text).astimezone(UTC)
    except (ValueError, OverflowError):
        return  # neither the fixture nor the email module can write or read it
    if not with_weekday:
        text = text.partition(", ")[2]
    assert parse_date(text) == expected
