"""/api/v3/system: status (Radarr's identity, which clients gate features on) and scheduled tasks."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends

import reelarr
from reelarr import RADARR_VERSION, __version__
from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.timespan import format_timespan
from reelarr.api.v3.update import UPGRADE_HOW
from reelarr.jobs.model import display_name
from reelarr.jobs.scheduler import ScheduledTask
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/system", tags=["System"])
ServicesDep = Annotated[Services, Depends(get_services)]


class SystemStatusResource(Resource):
    """Radarr's SystemResource, plus Reelarr's own version."""

    app_name: str
    instance_name: str
    version: str
    reelarr_version: str
    build_time: datetime
    start_time: datetime
    is_debug: bool = False
    is_production: bool = True
    is_admin: bool = False
    is_user_interactive: bool = False
    startup_path: str
    app_data: str
    os_name: str
    os_version: str
    is_net_core: bool = False
    is_linux: bool
    is_osx: bool
    is_windows: bool
    is_docker: bool
    mode: str = "console"
    branch: str = "main"
    authentication: str = "forms"
    database_type: str
    database_version: str
    migration_version: int
    url_base: str
    runtime_version: str
    runtime_name: str = "CPython"
    package_update_mechanism: str = "external"
    package_update_mechanism_message: str = UPGRADE_HOW


class TaskResource(Resource):
    """A scheduled task as Radarr lists it."""

    id: int
    name: str
    task_name: str
    interval: int
    last_execution: datetime
    last_start_time: datetime | None = None
    next_execution: datetime
    last_duration: str | None = None


_IN_DOCKER = os.path.exists("/.dockerenv")


def _os_release() -> tuple[str, str]:
    try:
        fields = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line
        )
    except OSError:
        return platform.system().lower(), platform.release()
    return fields.get("ID", "linux").strip('"'), fields.get("VERSION_ID", "").strip('"')


def _build_time() -> datetime:
    return datetime.fromtimestamp(Path(reelarr.__file__).stat().st_mtime, UTC)


def task_resource(task: ScheduledTask) -> TaskResource:
    """The API view of a scheduled task."""
    return TaskResource(
        id=task.id,
        name=display_name(task.name),
        task_name=task.name,
        interval=round(task.interval_minutes),
        last_execution=task.last_execution,
        last_start_time=task.last_start_time,
        next_execution=task.next_execution,
        last_duration=format_timespan(task.last_duration) if task.last_duration is not None else None,
    )


@router.get("/status")
async def system_status(services: ServicesDep) -> SystemStatusResource:
    """Who this server is: clients require appName "Radarr" and a Radarr-like 4-part version."""
    os_name, os_version = _os_release()
    return SystemStatusResource(
        app_name="Radarr",
        instance_name=services.host.instance_name,
        version=RADARR_VERSION,
        reelarr_version=__version__,
        build_time=_build_time(),
        start_time=services.started_at,
        startup_path=str(Path(reelarr.__file__).parent),
        app_data=str(services.settings.data_dir.resolve()),
        os_name=os_name,
        os_version=os_version,
        is_linux=sys.platform.startswith("linux"),
        is_osx=sys.platform == "darwin",
        is_windows=sys.platform.startswith("win"),
        is_docker=_IN_DOCKER,
        database_type="sqLite" if services.db.dialect == "sqlite" else "postgreSQL",
        database_version=services.database_version,
        migration_version=services.migration_version,
        url_base=services.settings.url_base,
        runtime_version=platform.python_version(),
    )


@router.get("/task")
async def list_tasks(services: ServicesDep) -> list[TaskResource]:
    """Every scheduled task with its interval and runs."""
    return [task_resource(t) for t in await services.scheduler.tasks()]


@router.get("/task/{id}")
async def get_task(id: int, services: ServicesDep) -> TaskResource:
    """One scheduled task."""
    return task_resource(await services.scheduler.task(id))
