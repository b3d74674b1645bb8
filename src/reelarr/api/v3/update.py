"""/api/v3/update: the running version, honestly; Reelarr is upgraded by its package manager or image."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends

import reelarr
from reelarr import __version__
from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/update", tags=["Update"])
ServicesDep = Annotated[Services, Depends(get_services)]
UPGRADE_HOW = (
    "Reelarr does not update itself. Upgrade with the tool that installed it: "
    "`pip install --upgrade reelarr` (or uv), or pull a newer container image, then restart."
)


class UpdateChanges(Resource):
    """What changed in a release (Reelarr lists none for the running one)."""

    new: list[str]
    fixed: list[str]


class UpdateResource(Resource):
    """Radarr's UpdateResource, for the one version Reelarr knows: the running one."""

    id: int = 0
    version: str
    branch: str = "main"
    release_date: datetime
    file_name: str = ""
    url: str = ""
    installed: bool = True
    installed_on: datetime
    installable: bool = False
    latest: bool = True
    changes: UpdateChanges
    hash: str = ""
    upgrade_instructions: str = UPGRADE_HOW


def _built() -> datetime:
    return datetime.fromtimestamp(Path(reelarr.__file__).stat().st_mtime, UTC)


@router.get("")
async def list_updates(services: ServicesDep) -> list[UpdateResource]:
    """Only the running version: Reelarr does not look for newer ones and never invents one."""
    built = _built()
    return [
        UpdateResource(
            version=__version__,
            release_date=built,
            installed_on=built,
            changes=UpdateChanges(new=[], fixed=[]),
        )
    ]
