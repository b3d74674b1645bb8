"""The kinds of command a process can run, and the tasks that run on a schedule."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from reelarr.jobs.model import CommandSpec

# Removes what a domain no longer needs; returns how many rows or files went.
Cleanup = Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class HousekeepingTask:
    """One domain's cleanup, run by the daily Housekeeping command; `what` names what it removes."""

    what: str
    run: Cleanup


@dataclass(frozen=True, slots=True)
class TaskDefinition:
    """A command the scheduler queues every `interval_minutes`."""

    command_name: str
    interval_minutes: float


@dataclass
class CommandRegistry:
    """Command kinds by name (case-insensitive, as Radarr matches them) and the scheduled tasks."""

    _specs: dict[str, CommandSpec] = field(default_factory=dict)
    _tasks: dict[str, TaskDefinition] = field(default_factory=dict)
    _housekeeping: list[HousekeepingTask] = field(default_factory=list)

    def add(self, spec: CommandSpec, *, every_minutes: float | None = None) -> None:
        """Register a command kind, and schedule it when `every_minutes` is given."""
        key = spec.name.lower()
        if key in self._specs:
            raise ValueError(f"Command {spec.name} is registered twice")
        self._specs[key] = spec
        if every_minutes is not None:
            self._tasks[key] = TaskDefinition(spec.name, every_minutes)

    def schedule(self, name: str, every_minutes: float | None) -> None:
        """Run a registered command every `every_minutes` from now on (None or 0: not on a schedule)."""
        spec = self.get(name)
        if spec is None:
            raise ValueError(f"Command {name} is not registered")
        if every_minutes:
            self._tasks[name.lower()] = TaskDefinition(spec.name, every_minutes)
        else:
            self._tasks.pop(name.lower(), None)

    def get(self, name: str) -> CommandSpec | None:
        """The command kind called `name`, ignoring case."""
        return self._specs.get(name.lower())

    def names(self) -> list[str]:
        """Every registered command name."""
        return sorted(spec.name for spec in self._specs.values())

    def tasks(self) -> list[TaskDefinition]:
        """Every scheduled task."""
        return list(self._tasks.values())

    def add_housekeeping(self, what: str, run: Cleanup) -> None:
        """Have the Housekeeping command run `run`, which removes `what` (e.g. "expired sessions")."""
        self._housekeeping.append(HousekeepingTask(what, run))

    def housekeeping(self) -> list[HousekeepingTask]:
        """Every domain's cleanup, in the order they were registered."""
        return list(self._housekeeping)
