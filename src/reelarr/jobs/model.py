"""What a command is: its states, its definition, its body and the context a handler runs in."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from pydantic import ConfigDict
from pydantic.alias_generators import to_camel

from reelarr.camel import CamelModel


class CommandStatus(StrEnum):
    """Where a command is in its life (Radarr's values)."""

    QUEUED = "queued"
    STARTED = "started"
    COMPLETED = "completed"
    FAILED = "failed"
    ABORTED = "aborted"
    CANCELLED = "cancelled"
    ORPHANED = "orphaned"


FINISHED_STATUSES = frozenset(
    {
        CommandStatus.COMPLETED,
        CommandStatus.FAILED,
        CommandStatus.ABORTED,
        CommandStatus.CANCELLED,
        CommandStatus.ORPHANED,
    }
)


class CommandResult(StrEnum):
    """How a finished command went."""

    UNKNOWN = "unknown"
    SUCCESSFUL = "successful"
    UNSUCCESSFUL = "unsuccessful"


class CommandTrigger(StrEnum):
    """Who asked for the command."""

    UNSPECIFIED = "unspecified"
    MANUAL = "manual"
    SCHEDULED = "scheduled"


class CommandPriority(StrEnum):
    """Radarr's priorities; high runs before normal, normal before low."""

    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        """Sort key stored in the database: lower runs first."""
        return {"high": 0, "normal": 1, "low": 2}[self.value]

    @classmethod
    def from_rank(cls, rank: int) -> CommandPriority:
        """The priority stored as `rank`."""
        return (cls.HIGH, cls.NORMAL, cls.LOW)[max(0, min(rank, 2))]


class CommandBody(CamelModel):
    """The parameters of a command as clients send them (camelCase, any case); extra fields are kept."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


@dataclass(frozen=True, slots=True)
class Command:
    """A command as stored: its definition, parameters and progress."""

    id: int
    name: str
    body: dict[str, Any]
    priority: CommandPriority
    status: CommandStatus
    result: CommandResult
    trigger: CommandTrigger
    message: str | None
    exception: str | None
    attempts: int
    max_attempts: int
    queued_at: datetime
    next_attempt_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    state_changed_at: datetime
    worker_id: str | None

    @property
    def finished(self) -> bool:
        """True once the command will not run again by itself."""
        return self.status in FINISHED_STATUSES


class Progress(Protocol):
    """Reports what a running command is doing."""

    async def __call__(self, message: str) -> None:
        """Record and broadcast a progress message."""


@dataclass(frozen=True, slots=True)
class CommandContext:
    """What a handler knows about the command it is running."""

    command_id: int
    trigger: CommandTrigger
    attempt: int
    progress: Progress


Handler = Callable[[Any, CommandContext], Awaitable[str | None]]
# Checks a command's body against the world (files, database) when it is queued: raises ValidationFailed.
Check = Callable[[Any], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A kind of command: its name, body model, handler and retry limit.

    The handler returns an optional completion message shown to the user.
    """

    name: str
    handler: Handler
    body: type[CommandBody] = CommandBody
    priority: CommandPriority = CommandPriority.NORMAL
    max_attempts: int | None = None
    description: str | None = None
    check: Check | None = None  # run before queueing, so that bad input is a 400, not a failed command

    @property
    def display_name(self) -> str:
        """Human name, e.g. "Check Health" for CheckHealth."""
        return self.description or display_name(self.name)


def display_name(name: str) -> str:
    """Split a CamelCase command name into words."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
