"""The iCal feed text follows RFC 5545: escaped text, folded lines, all-day events."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reelarr.languages import lang
from reelarr.movies.calendar import ReleaseKind, release_events
from reelarr.movies.ical import calendar_feed
from reelarr.movies.model import MinimumAvailability, Movie

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def movie(**overrides: object) -> Movie:
    values: dict[str, object] = {
        "id": 1,
        "tmdb_id": 603,
        "imdb_id": None,
        "title": "The Matrix",
        "original_title": "The Matrix",
        "sort_title": "matrix",
        "clean_title": "matrix",
        "year": 1999,
        "overview": "Neo; a hacker, learns\nthe truth",
        "runtime": 136,
        "tmdb_status": "Released",
        "original_language": lang("English"),
        "monitored": True,
        "minimum_availability": MinimumAvailability.RELEASED,
        "quality_profile_id": 1,
        "path": "/m/x",
        "root_folder_path": "/m",
        "added": NOW,
    }
    values.update(overrides)
    return Movie(**values)  # type: ignore[arg-type]


def test_events_in_the_window_only_and_in_date_order() -> None:
    a = movie(id=1, in_cinemas=date(2026, 12, 5), digital_release=date(2027, 3, 1))
    b = movie(id=2, sort_title="alpha", physical_release=date(2026, 12, 1))
    events = release_events([a, b], date(2026, 11, 25), date(2026, 12, 31))
    assert [(e.movie.id, e.kind) for e in events] == [(2, ReleaseKind.PHYSICAL), (1, ReleaseKind.CINEMA)]


def test_text_is_escaped_and_long_lines_are_folded() -> None:
    long_title = "A" * 120
    feed = calendar_feed(
        release_events(
            [movie(title=long_title, in_cinemas=date(2026, 12, 5))], date(2026, 12, 1), date(2026, 12, 31)
        ),
        now=NOW,
    )
    assert "DESCRIPTION:Neo\\; a hacker\\, learns\\nthe truth" in feed
    assert all(len(line.encode()) <= 75 for line in feed.split("\r\n"))
    unfolded = feed.replace("\r\n ", "")
    assert f"SUMMARY:{long_title} (Cinema Release)" in unfolded
    assert "DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261206" in feed


def test_multibyte_characters_are_not_split_when_folding() -> None:
    feed = calendar_feed(
        release_events(
            [movie(title="Amélie " * 20, in_cinemas=date(2026, 12, 5))], date(2026, 12, 1), date(2026, 12, 31)
        ),
        now=NOW,
    )
    for line in feed.split("\r\n"):
        line.encode("utf-8").decode("utf-8")
        assert len(line.encode()) <= 75
