"""What an extra file is, as the rest of Reelarr sees it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reelarr.languages import Language


class ExtraFileType(StrEnum):
    """Radarr's ExtraFileType, as its API writes it (metadata: files a metadata provider wrote)."""

    SUBTITLE = "subtitle"
    METADATA = "metadata"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ExtraFile:
    """A recorded extra file; `relative_path` is within the film's folder."""

    id: int
    movie_id: int
    movie_file_id: int | None
    relative_path: str
    extension: str  # with its dot: ".srt"
    type: ExtraFileType
    language: Language
    language_tags: tuple[str, ...] = ()
    title: str | None = None
    copy: int = 0
