"""/api/v3/command: queue commands, watch them, cancel queued ones, retry failed ones."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import Body, Depends, Response

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.timespan import format_timespan
from reelarr.errors import ValidationFailed
from reelarr.jobs.model import Command, CommandTrigger, display_name
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/command", tags=["Command"])
ServicesDep = Annotated[Services, Depends(get_services)]


class CommandResource(Resource):
    """A command as Radarr shows it, plus its attempts."""

    id: int
    name: str
    command_name: str
    message: str | None = None
    body: dict[str, Any]
    priority: str
    status: str
    result: str
    queued: datetime
    started: datetime | None = None
    ended: datetime | None = None
    duration: str | None = None
    exception: str | None = None
    trigger: str
    state_change_time: datetime
    send_updates_to_client: bool = True
    update_scheduled_task: bool = True
    last_execution_time: datetime | None = None
    attempts: int
    max_attempts: int
    next_attempt: datetime | None = None


def command_resource(command: Command) -> CommandResource:
    """The API view of a command."""
    duration = None
    if command.started_at is not None:
        end = command.ended_at or command.state_changed_at
        duration = format_timespan(end - command.started_at)
    body = {
        **command.body,
        "name": command.name,
        "trigger": command.trigger.value,
        "sendUpdatesToClient": True,
        "updateScheduledTask": True,
        "completionMessage": "Completed",
        "requiresDiskAccess": False,
        "isExclusive": False,
        "isLongRunning": False,
        "suppressMessages": False,
    }
    return CommandResource(
        id=command.id,
        name=command.name,
        command_name=display_name(command.name),
        message=command.message,
        body=body,
        priority=command.priority.value,
        status=command.status.value,
        result=command.result.value,
        queued=command.queued_at,
        started=command.started_at,
        ended=command.ended_at,
        duration=duration,
        exception=command.exception,
        trigger=command.trigger.value,
        state_change_time=command.state_changed_at,
        attempts=command.attempts,
        max_attempts=command.max_attempts,
        next_attempt=command.next_attempt_at if not command.finished else None,
    )


@router.post("", status_code=201)
async def queue_command(
    services: ServicesDep, body: Annotated[dict[str, Any], Body(examples=[{"name": "CheckHealth"}])]
) -> CommandResource:
    """Queue a command by name with its parameters; an identical queued command is returned instead."""
    name = next((v for k, v in body.items() if k.lower() == "name"), None)
    if not isinstance(name, str) or not name:
        raise ValidationFailed.single("name", "'name' must not be empty.", name)
    params = {k: v for k, v in body.items() if k.lower() != "name"}
    command = await services.commands.enqueue(name, params, trigger=CommandTrigger.MANUAL)
    return command_resource(command)


@router.get("")
async def list_commands(services: ServicesDep) -> list[CommandResource]:
    """Recent commands, newest first."""
    return [command_resource(c) for c in await services.commands.recent()]


@router.get("/{id}")
async def get_command(id: int, services: ServicesDep) -> CommandResource:
    """One command."""
    return command_resource(await services.commands.get(id))


@router.delete("/{id}")
async def cancel_command(id: int, services: ServicesDep) -> Response:
    """Cancel a command that has not started."""
    await services.commands.cancel(id)
    return deleted()


@router.post("/{id}/retry", status_code=201)
async def retry_command(id: int, services: ServicesDep) -> CommandResource:
    """Queue a failed, cancelled or orphaned command again (Reelarr extension)."""
    return command_resource(await services.commands.retry(id))
