"""/api/v3/rootfolder: root folders with free space and unmapped folders."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.integers import Int64
from reelarr.rootfolders.service import RootFolder
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/rootfolder", tags=["RootFolder"])
ServicesDep = Annotated[Services, Depends(get_services)]


class UnmappedFolderResource(Resource):
    """A folder in a root folder that no movie uses."""

    name: str
    path: str
    relative_path: str


class RootFolderResource(Resource):
    """A root folder as Radarr shows it (Radarr's v3 resource has no totalSpace)."""

    id: int
    path: str
    accessible: bool
    free_space: Int64 | None = None
    unmapped_folders: list[UnmappedFolderResource]


class RootFolderInput(Resource):
    """What clients send to add a root folder (pyarr and Kometa send only the path)."""

    path: str | None = None


def root_folder_resource(folder: RootFolder) -> RootFolderResource:
    """The API view of a root folder."""
    return RootFolderResource(
        id=folder.id,
        path=folder.path,
        accessible=folder.accessible,
        free_space=folder.free_space,
        unmapped_folders=[
            UnmappedFolderResource(name=u.name, path=u.path, relative_path=u.relative_path)
            for u in folder.unmapped_folders
        ],
    )


@router.get("")
async def list_root_folders(services: ServicesDep) -> list[RootFolderResource]:
    """Every root folder; one whose disk went away is listed with accessible false."""
    return [root_folder_resource(f) for f in await services.root_folders.all()]


@router.get("/{id}")
async def get_root_folder(id: int, services: ServicesDep) -> RootFolderResource:
    """One root folder."""
    return root_folder_resource(await services.root_folders.get(id))


@router.post("", status_code=201)
async def add_root_folder(body: RootFolderInput, services: ServicesDep) -> RootFolderResource:
    """Add a root folder; it must exist, be a writable folder, and not clash with another."""
    return root_folder_resource(await services.root_folders.add(body.path))


@router.delete("/{id}")
async def delete_root_folder(id: int, services: ServicesDep) -> Response:
    """Forget a root folder; the files in it stay where they are."""
    await services.root_folders.delete(id)
    return deleted()
