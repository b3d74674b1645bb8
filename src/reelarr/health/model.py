"""What a health check reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class HealthLevel(StrEnum):
    """How bad it is (Radarr's values)."""

    OK = "ok"
    NOTICE = "notice"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class HealthResult:
    """One problem found by a check; `source` is the check's name, as Radarr names them."""

    source: str
    level: HealthLevel
    message: str
    wiki_url: str = ""


class HealthCheck(Protocol):
    """Looks at one part of the system and reports its problems (an empty list when all is well)."""

    name: str

    async def check(self) -> list[HealthResult]:
        """The problems found now."""
