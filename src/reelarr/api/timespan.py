"""Durations in .NET TimeSpan text, as Radarr clients parse them."""

from __future__ import annotations

from datetime import timedelta


def format_timespan(value: timedelta) -> str:
    """`hh:mm:ss.fffffff`, with a `d.` prefix past a day (negative durations clamp to zero)."""
    ticks = max(0, round(value.total_seconds() * 10_000_000))
    seconds, fraction = divmod(ticks, 10_000_000)
    days, seconds = divmod(seconds, 86_400)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if fraction:
        text += f".{fraction:07d}"
    return f"{days}.{text}" if days else text
