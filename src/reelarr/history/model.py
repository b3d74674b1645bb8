"""History entries and Radarr's event types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from reelarr.languages import Language
from reelarr.quality.revision import QualityModel


class HistoryEventType(IntEnum):
    """Radarr's MovieHistoryEventType (2 and 5 are retired)."""

    UNKNOWN = 0
    GRABBED = 1
    DOWNLOAD_FOLDER_IMPORTED = 3
    DOWNLOAD_FAILED = 4
    MOVIE_FILE_DELETED = 6
    MOVIE_FOLDER_IMPORTED = 7
    MOVIE_FILE_RENAMED = 8
    DOWNLOAD_IGNORED = 9

    @property
    def api_name(self) -> str:
        """Radarr's camelCase name of the type, as its API writes it."""
        head, *rest = self.name.lower().split("_")
        return head + "".join(part.capitalize() for part in rest)

    @classmethod
    def parse(cls, value: str | int) -> HistoryEventType | None:
        """A type by Radarr's number or its camelCase name; None for anything else."""
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdecimal()):
            number = int(value)
            return cls(number) if number in cls._value2member_map_ else None
        wanted = value.strip().lower()
        return next((t for t in cls if t.api_name.lower() == wanted), None)


@dataclass(frozen=True, slots=True)
class NewHistory:
    """An event to record against a film."""

    movie_id: int
    event_type: HistoryEventType
    source_title: str
    quality: QualityModel
    date: datetime
    languages: tuple[Language, ...] = ()
    download_id: str | None = None
    custom_formats: tuple[str, ...] = ()
    data: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HistoryEntry(NewHistory):
    """A recorded event."""

    id: int = 0
