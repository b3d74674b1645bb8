"""/api/v3/diskspace: free and total space of the file systems that hold the library."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.integers import Int64
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/diskspace", tags=["DiskSpace"])
ServicesDep = Annotated[Services, Depends(get_services)]


class DiskSpaceResource(Resource):
    """One file system's space, at its mount point."""

    id: int
    path: str
    label: str
    free_space: Int64
    total_space: Int64


@router.get("")
async def disk_space(services: ServicesDep) -> list[DiskSpaceResource]:
    """The file systems of the root folders and the machine's other local disks, each once."""
    return [
        DiskSpaceResource(
            id=i, path=d.path, label=d.label, free_space=d.free_space, total_space=d.total_space
        )
        for i, d in enumerate(await services.root_folders.disk_space(), start=1)
    ]
