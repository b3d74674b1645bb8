"""/api/v3/system/restart and /shutdown: the server stops gracefully and exits with a documented code."""

from __future__ import annotations

from typing import Annotated

from fastapi import BackgroundTasks, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.errors import Conflict
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/system", tags=["System"])
ServicesDep = Annotated[Services, Depends(get_services)]


class RestartResource(Resource):
    """Radarr's answer to a restart."""

    restarting: bool


class ShutdownResource(Resource):
    """Radarr's answer to a shutdown."""

    shutting_down: bool


def _stop_after_answer(services: Services, action: str, tasks: BackgroundTasks) -> None:
    if not services.lifecycle.can_stop:
        raise Conflict("This Reelarr was not started by `reelarr serve` and cannot stop itself")
    tasks.add_task(services.lifecycle.request, action)


@router.post("/restart")
async def restart(services: ServicesDep, tasks: BackgroundTasks) -> RestartResource:
    """Stop gracefully and exit with the restart code, which the service manager acts on."""
    _stop_after_answer(services, "restart", tasks)
    return RestartResource(restarting=True)


@router.post("/shutdown")
async def shutdown(services: ServicesDep, tasks: BackgroundTasks) -> ShutdownResource:
    """Stop gracefully and exit with 0."""
    _stop_after_answer(services, "shutdown", tasks)
    return ShutdownResource(shutting_down=True)
