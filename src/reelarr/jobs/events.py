"""Events of the command queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reelarr.events import Event, shared


@shared("command.updated")
@dataclass(frozen=True, slots=True, kw_only=True)
class CommandUpdated(Event):
    """A command was queued or changed state or progress; `command` is its JSON-safe snapshot."""

    command: dict[str, Any]


@shared("task.updated")
@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledTaskUpdated(Event):
    """A scheduled task was queued or finished a run."""

    task_name: str
