"""The kinds of command a process can run, and the tasks that run on a schedule."""

from __future__ import annotations

from dataclasses import dataclass, field

from reelarr.jobs.model import CommandSpec


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

    def add(self, spec: CommandSpec, *, every_minutes: float | None = None) -> None:
        """Register a command kind, and schedule it when `every_minutes` is given."""
        key = spec.name.lower()
        if key in self._specs:
            raise ValueError(f"Command {spec.name} is registered twice")
        self._specs[key] = spec
        if every_minutes is not None:
            self._tasks[key] = TaskDefinition(spec.name, every_minutes)

    def get(self, name: str) -> CommandSpec | None:
        """The command kind called `name`, ignoring case."""
        return self._specs.get(name.lower())

    def names(self) -> list[str]:
        """Every registered command name."""
        return sorted(spec.name for spec in self._specs.values())

    def tasks(self) -> list[TaskDefinition]:
        """Every scheduled task."""
        return list(self._tasks.values())
