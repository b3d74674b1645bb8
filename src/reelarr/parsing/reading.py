"""Where a release title names its film, kept per title: what parse_names answers and what parse_title
builds on, read once whether in this process or in a worker process that reads indexers' feeds."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from reelarr.parsing.result import MovieNames
from reelarr.parsing.title import TitleMatch

# A reading as plain tuples, which pickle at a fraction of the cost of the dataclasses.
ReadingValues = tuple[str, str, tuple[Any, ...], str, tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class TitleReading:
    """A title as read (unreversed), its release title, where the film's name and year are in it, the
    title simplified for its group and tags, and the names (titles, year, ids) it gives."""

    read_as: str
    release_title: str
    found: TitleMatch
    simple_release: str
    names: MovieNames

    def values(self) -> ReadingValues:
        """The reading as tuples (to send to another process)."""
        found, names = self.found, self.names
        return (
            self.read_as,
            self.release_title,
            (found.title, found.year, found.edition, found.subgroup, found.release_hash),
            self.simple_release,
            (names.title, names.titles, names.year, names.imdb_id, names.tmdb_id),
        )

    @classmethod
    def from_values(cls, values: ReadingValues) -> TitleReading:
        """A reading sent as `values`."""
        read_as, release_title, found, simple_release, names = values
        return cls(read_as, release_title, TitleMatch(*found), simple_release, MovieNames(*names))


class KeptReadings:
    """The readings of the titles seen last, oldest forgotten first (an RSS sync reads the indexers'
    newest pages again, most of their titles seen at the last sync)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._kept: dict[str, TitleReading | None] = {}
        self._lock = threading.Lock()

    def get(self, title: str) -> tuple[bool, TitleReading | None]:
        """Whether a reading is kept for the title (None: it reads as no film), and the reading."""
        reading = self._kept.get(title, _NOT_KEPT)
        return (False, None) if reading is _NOT_KEPT else (True, reading)

    def keep(self, title: str, reading: TitleReading | None) -> None:
        """Keep a reading, forgetting the oldest past the size."""
        with self._lock:
            if title not in self._kept and len(self._kept) >= self._size:
                del self._kept[next(iter(self._kept))]
            self._kept[title] = reading

    def forget(self) -> None:
        """Forget every reading."""
        with self._lock:
            self._kept.clear()


_NOT_KEPT = TitleReading("", "", TitleMatch(""), "", MovieNames("", (), 0, None, 0))
