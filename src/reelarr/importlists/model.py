"""What an import list offers and how a list is kept in step: Radarr's ImportListMovie, list types,
monitor choices and clean-up levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class MonitorType(StrEnum):
    """What a list's films are monitored for when added (Radarr's MonitorTypes)."""

    MOVIE_ONLY = "movieOnly"
    MOVIE_AND_COLLECTION = "movieAndCollection"
    NONE = "none"


class ListType(StrEnum):
    """Radarr's ImportListType: the group an implementation is shown in; `order` is its `listOrder`."""

    PROGRAM = "program"
    TMDB = "tmdb"
    TRAKT = "trakt"
    PLEX = "plex"
    SIMKL = "simkl"
    OTHER = "other"
    ADVANCED = "advanced"

    @property
    def order(self) -> int:
        """Radarr's `listOrder`: the enum's number."""
        return list(ListType).index(self)


class ListSyncLevel(StrEnum):
    """What the clean-up does to a library film that no list offers any more (Radarr's ListSyncLevel)."""

    DISABLED = "disabled"
    LOG_ONLY = "logOnly"
    KEEP_AND_UNMONITOR = "keepAndUnmonitor"
    REMOVE_AND_KEEP = "removeAndKeep"
    REMOVE_AND_DELETE = "removeAndDelete"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One film as a list names it: by TMDB id, IMDb id or title (and year)."""

    title: str = ""
    year: int = 0
    tmdb_id: int = 0
    imdb_id: str = ""

    @property
    def usable(self) -> bool:
        """Whether it names a film at all (Radarr's IsValidItem)."""
        return bool(self.title.strip() or self.imdb_id.strip() or self.tmdb_id)


@dataclass(frozen=True, slots=True)
class ListFetch:
    """What one fetch of a list gave: its films, and whether it may be trusted as the whole list.

    A fetch that stopped at the page limit is `truncated`: its films are offered and added, but the
    clean-up does not read the films it lacks as removed.
    """

    items: tuple[ListItem, ...] = ()
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class OfferedMovie:
    """A film a list offers, resolved to TMDB (Radarr's ImportListMovie)."""

    list_id: int
    tmdb_id: int
    title: str
    year: int = 0
    imdb_id: str | None = None


@dataclass
class SyncReport:
    """What a sync did, for the command's message and the tests."""

    synced_lists: list[int] = field(default_factory=list)
    failed_lists: list[int] = field(default_factory=list)
    empty_lists: list[int] = field(default_factory=list)
    truncated_lists: list[int] = field(default_factory=list)
    skipped_lists: list[int] = field(default_factory=list)  # not due yet, or backed off
    added: list[int] = field(default_factory=list)  # TMDB ids
    cleaned: list[int] = field(default_factory=list)  # movie ids the clean-up acted on
    cleanup_held: str | None = None  # why the clean-up did not run, when it did not

    def summary(self) -> str:
        """One line for the command's message."""
        line = (
            f"Synced {len(self.synced_lists)} list(s), added {len(self.added)} film(s)"
            f", {len(self.failed_lists)} list(s) failed"
        )
        if self.cleanup_held:
            return f"{line}; clean-up held: {self.cleanup_held}"
        return f"{line}; clean-up acted on {len(self.cleaned)} film(s)"
