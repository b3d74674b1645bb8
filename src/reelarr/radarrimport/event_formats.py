"""The custom formats of an event read from radarr.db, worked out as Radarr's API works them out.

Radarr's database keeps no custom formats with a history event or a blocked release: its API
parses the source title and matches it, with the event's quality, languages, size and indexer
flags and the film's year and original language, against the custom formats it has now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reelarr.customformats.input import FormatInput, simplify_release_title
from reelarr.parsing import parse_title
from reelarr.radarrimport.values import languages, quality_model
from reelarr.releases.model import flags_named

if TYPE_CHECKING:
    from reelarr.customformats.matching import FormatMatcher
    from reelarr.movies.model import Movie

Json = dict[str, Any]


def _data_value(data: Any, key: str) -> str:
    """A value of the event's data; Radarr's keys are read regardless of case ("Size", "size")."""
    if not isinstance(data, dict):
        return ""
    for name, value in data.items():
        if str(name).lower() == key:
            return str(value or "")
    return ""


def _size(text: str) -> int:
    return int(text) if text.strip().lstrip("-").isdecimal() else 0


def _flags(text: str) -> int:
    """Radarr's IndexerFlags as its enum's text: a number or "G_Freeleech, G_Halfleech"."""
    return int(text) if text.strip().isdecimal() else int(flags_named(text))


def event_input(event: Json, movie: Movie | None) -> FormatInput:
    """What the custom formats are matched against for one event (or blocked release) of `movie`."""
    title = str(event.get("sourceTitle") or "")
    parsed = parse_title(title) if title.strip() else None
    data = event.get("data")
    size = event.get("size") if isinstance(event.get("size"), int) else _size(_data_value(data, "size"))
    flags = event.get("indexerFlags")
    return FormatInput(
        release_title=parsed.simple_release_title if parsed is not None else simplify_release_title(title),
        edition=(parsed.edition or None) if parsed is not None else None,
        release_group=parsed.release_group if parsed is not None else None,
        quality=quality_model(event.get("quality")).quality,
        languages=languages(event.get("languages")),
        size=int(size or 0),
        indexer_flags=flags if isinstance(flags, int) else _flags(_data_value(data, "indexerflags")),
        movie_year=movie.year if movie is not None else None,
        original_language=movie.original_language if movie is not None else None,
    )


def event_formats(matcher: FormatMatcher, event: Json, movie: Movie | None) -> tuple[str, ...]:
    """The names of the custom formats the event matches, ordered by name as Radarr lists them."""
    return tuple(f.name for f in matcher.matches(event_input(event, movie)))
