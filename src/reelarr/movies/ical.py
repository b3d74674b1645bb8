"""An iCalendar (RFC 5545) feed of release dates, readable by Google Calendar, Outlook and phones."""

from __future__ import annotations

from datetime import datetime, timedelta

from reelarr.movies.calendar import ReleaseEvent


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    # Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1).
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_feed(events: list[ReleaseEvent], *, now: datetime, name: str = "Reelarr Movies Calendar") -> str:
    """The iCalendar text of these release events, one all-day event each."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Reelarr//Movies Calendar//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        movie = event.movie
        lines += [
            "BEGIN:VEVENT",
            f"UID:reelarr_movie_{movie.id}_{event.kind.value}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(f'{movie.title} ({event.label})')}",
            f"DESCRIPTION:{_escape(movie.overview)}",
            f"CATEGORIES:{_escape(event.label)}",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
