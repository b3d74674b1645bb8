"""Commands as JSON-safe dicts, so their snapshots can travel between processes in events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reelarr.jobs.model import Command, CommandPriority, CommandResult, CommandStatus, CommandTrigger

_DATE_FIELDS = ("queued_at", "next_attempt_at", "started_at", "ended_at", "state_changed_at")


def command_to_json(command: Command) -> dict[str, Any]:
    """A command as a dict of JSON types."""
    data: dict[str, Any] = {
        "id": command.id,
        "name": command.name,
        "body": command.body,
        "priority": command.priority.value,
        "status": command.status.value,
        "result": command.result.value,
        "trigger": command.trigger.value,
        "message": command.message,
        "exception": command.exception,
        "attempts": command.attempts,
        "max_attempts": command.max_attempts,
        "worker_id": command.worker_id,
    }
    for name in _DATE_FIELDS:
        value: datetime | None = getattr(command, name)
        data[name] = value.isoformat() if value is not None else None
    return data


def command_from_json(data: dict[str, Any]) -> Command:
    """The command a `command_to_json` dict describes."""
    dates = {name: datetime.fromisoformat(data[name]) if data.get(name) else None for name in _DATE_FIELDS}
    queued_at, next_attempt_at, state_changed_at = (
        dates["queued_at"],
        dates["next_attempt_at"],
        dates["state_changed_at"],
    )
    if queued_at is None or next_attempt_at is None or state_changed_at is None:
        raise ValueError("a command snapshot needs its queued, next attempt and state change times")
    return Command(
        id=int(data["id"]),
        name=str(data["name"]),
        body=dict(data.get("body") or {}),
        priority=CommandPriority(data["priority"]),
        status=CommandStatus(data["status"]),
        result=CommandResult(data["result"]),
        trigger=CommandTrigger(data["trigger"]),
        message=data.get("message"),
        exception=data.get("exception"),
        attempts=int(data["attempts"]),
        max_attempts=int(data["max_attempts"]),
        queued_at=queued_at,
        next_attempt_at=next_attempt_at,
        started_at=dates["started_at"],
        ended_at=dates["ended_at"],
        state_changed_at=state_changed_at,
        worker_id=data.get("worker_id"),
    )
