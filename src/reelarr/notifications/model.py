"""What a notification is told: the kind of event, the film it concerns, and Radarr's payload."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from reelarr.movies.model import Movie


class EventKind(StrEnum):
    """Radarr's WebhookEventType values (PascalCase on the wire, as Radarr writes them)."""

    TEST = "Test"
    GRAB = "Grab"
    DOWNLOAD = "Download"
    RENAME = "Rename"
    MOVIE_DELETE = "MovieDelete"
    MOVIE_FILE_DELETE = "MovieFileDelete"
    HEALTH = "Health"
    APPLICATION_UPDATE = "ApplicationUpdate"
    MOVIE_ADDED = "MovieAdded"
    HEALTH_RESTORED = "HealthRestored"
    MANUAL_INTERACTION_REQUIRED = "ManualInteractionRequired"


# The kinds Reelarr raises events for (ApplicationUpdate once, at the first start of a new version);
# an implementation that can tell every event supports these.
RAISED_KINDS: frozenset[EventKind] = frozenset(
    {
        EventKind.GRAB,
        EventKind.DOWNLOAD,
        EventKind.RENAME,
        EventKind.MOVIE_ADDED,
        EventKind.MOVIE_DELETE,
        EventKind.MOVIE_FILE_DELETE,
        EventKind.HEALTH,
        EventKind.HEALTH_RESTORED,
        EventKind.APPLICATION_UPDATE,
        EventKind.MANUAL_INTERACTION_REQUIRED,
    }
)


@dataclass(frozen=True, slots=True)
class NotificationEvent:
    """One event to tell: its kind, the film's tags (None when no film is concerned), whether it came of
    an upgrade (an import that replaced a file, or the file it replaced), the health level of a health
    event, the payload Radarr's webhook sends, and the film itself (for what the payload leaves out:
    its rating, trailer, website)."""

    kind: EventKind
    payload: dict[str, Any]
    movie_tags: tuple[int, ...] | None = None
    is_upgrade: bool = False
    health_level: str | None = None
    summary: str = field(default="", compare=False)  # one line for logs, never a secret
    movie: Movie | None = field(default=None, compare=False, repr=False)
