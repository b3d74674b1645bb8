"""Durations are written as .NET TimeSpans, as Radarr clients parse them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reelarr.api.timespan import format_timespan


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (timedelta(0), "00:00:00"),
        (timedelta(seconds=3), "00:00:03"),
        (timedelta(seconds=1.5), "00:00:01.5000000"),
        (timedelta(hours=5, minutes=4, seconds=3), "05:04:03"),
        (timedelta(days=2, hours=1), "2.01:00:00"),
        (timedelta(seconds=-4), "00:00:00"),
    ],
)
def test_timespan_text(value: timedelta, text: str) -> None:
    assert format_timespan(value) == text
