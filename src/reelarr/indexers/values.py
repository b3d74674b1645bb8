"""Reading the loose values feeds carry: dates in any common format, sizes like "1.4 GB", info hashes."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit

_TRAILING_ZONE = re.compile(r"\s[A-Z]{2,4}$")
_SIZE = re.compile(r"(?P<value>(?:\d+,)*\d+(?:\.\d{1,3})?)\W?(?P<unit>[KMG]i?B)(?![\w/])", re.IGNORECASE)
_POWERS = {"kb": 1, "mb": 2, "gb": 3, "kib": 1, "mib": 2, "gib": 3}
# The RFC 822 form nearly every feed writes ("Sat, 14 Mar 2015 17:10:42 -0400"), read without the
# email module's general parser, which cost a feed of 1,000 items ~40 ms.
_RFC822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UTC|UT|Z)"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d %b %Y %H:%M:%S", "%a, %d %b %Y %H:%M")


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_date(text: str) -> datetime:
    """A feed date (RFC 822, ISO 8601 and a few others) as aware UTC; ValueError when none fits.
    A date without a zone is taken as UTC, as Radarr assumes."""
    value = text.strip()
    if not value:
        raise ValueError("empty date")
    quick = _rfc822(value)
    if quick is not None:
        return quick
    for candidate in (value, _TRAILING_ZONE.sub("", value)):
        try:
            return _utc(parsedate_to_datetime(candidate))
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return _utc(datetime.fromisoformat(candidate.replace("Z", "+00:00")))
        except ValueError:
            pass
        for pattern in _FORMATS:
            try:
                return _utc(datetime.strptime(candidate, pattern))
            except ValueError:
                continue
    raise ValueError(f"not a date: {value[:60]!r}")


def _rfc822(value: str) -> datetime | None:
    match = _RFC822.fullmatch(value)
    if match is None:
        return None
    day, month_name, year, hour, minute, second, zone = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    offset = timedelta(0)
    if zone[0] in "+-":
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
        offset = -offset if zone[0] == "-" else offset
    try:
        moment = datetime(int(year), month, int(day), int(hour), int(minute), int(second)) - offset
    except (ValueError, OverflowError):
        return None  # the general parsers below decide (a leap second, a 24:00, the year 1)
    return moment.replace(tzinfo=UTC)


def _after_decimal(text: str, start: int) -> bool:
    # Radarr's look-behind (?<!\.\d*): the number must not continue a decimal ("1.4 GB" is read
    # from "1", not from "4").
    index = start
    while index > 0 and text[index - 1].isdecimal():
        index -= 1
    return index > 0 and text[index - 1] == "."


def parse_size(text: str | None, *, binary_default: bool = True) -> int:
    """Bytes from "1,234", "1.4 GB", "700 MiB" or "Size: 3.2 GB, ..." (0 when no size is found)."""
    if not text or not text.strip():
        return 0
    value = text.strip()
    # isdecimal, not isdigit: "²" is a digit int() refuses; \d and int() read decimals only.
    if value.isdecimal():
        return int(value)
    for match in _SIZE.finditer(value):
        if _after_decimal(value, match.start()):
            continue
        number = float(match.group("value").replace(",", ""))
        unit = match.group("unit").lower()
        binary = binary_default or unit.endswith("ib")
        base: int = 1024 if binary else 1000
        return round(number * float(base ** _POWERS[unit]))
    return 0


def parse_int(text: str | None) -> int | None:
    """An integer from a feed value, or None (also for garbage: a lying feed is not an error)."""
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        try:
            return int(float(text.strip()))
        except ValueError:
            return None


def parse_float(text: str | None) -> float | None:
    """A number from a feed value, or None."""
    if text is None:
        return None
    try:
        return float(text.strip())
    except ValueError:
        return None


def info_hash_from_magnet(magnet: str | None) -> str | None:
    """The v1 info hash (40 hex characters, upper case) of a magnet link, or None."""
    if not magnet or not magnet.lower().startswith("magnet:"):
        return None
    try:
        topics = parse_qs(urlsplit(magnet).query).get("xt", [])
    except ValueError:
        return None
    for topic in topics:
        if not topic.lower().startswith("urn:btih:"):
            continue
        digest = topic[9:]
        if re.fullmatch(r"[0-9a-fA-F]{40}", digest):
            return digest.upper()
        if re.fullmatch(r"[A-Za-z2-7]{32}", digest):
            return base64.b32decode(digest.upper()).hex().upper()
    return None
