"""/api/v3/filesystem: the folder picker; names, sizes and dates only, never file contents."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.integers import Int64
from reelarr.rootfolders.browser import EntityType, FileSystemEntry
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/filesystem", tags=["FileSystem"])
ServicesDep = Annotated[Services, Depends(get_services)]
PathQuery = Annotated[str, Query(max_length=4096)]


class FileSystemEntryResource(Resource):
    """A folder or a file (Radarr sends size 0 for folders)."""

    type: EntityType
    name: str
    path: str
    extension: str | None = None
    size: Int64 = 0
    last_modified: datetime | None = None


class FileSystemResource(Resource):
    """A folder's parent (absent at the top), subfolders and files."""

    parent: str | None = None
    directories: list[FileSystemEntryResource]
    files: list[FileSystemEntryResource]


class FileSystemTypeResource(Resource):
    """Whether a path is a file or a folder."""

    type: Literal["file", "folder"]


class MediaFileResource(Resource):
    """A video file under the folder asked about."""

    path: str
    relative_path: str
    name: str


def _entry(entry: FileSystemEntry) -> FileSystemEntryResource:
    return FileSystemEntryResource(
        type=entry.type,
        name=entry.name,
        path=entry.path,
        extension=entry.extension,
        size=entry.size,
        last_modified=entry.last_modified,
    )


@router.get("")
async def contents(
    services: ServicesDep,
    path: PathQuery = "",
    include_files: Annotated[bool, Query(alias="includeFiles")] = False,
    allow_folders_without_trailing_slashes: Annotated[
        bool, Query(alias="allowFoldersWithoutTrailingSlashes")
    ] = False,
) -> FileSystemResource:
    """List the folder a typed path names (up to its last slash); "" lists "/"."""
    listing = await services.root_folders.filesystem.lookup(
        path,
        include_files=include_files,
        allow_folders_without_trailing_slashes=allow_folders_without_trailing_slashes,
    )
    return FileSystemResource(
        parent=listing.parent,
        directories=[_entry(d) for d in listing.directories],
        files=[_entry(f) for f in listing.files],
    )


@router.get("/type")
async def entity_type(services: ServicesDep, path: PathQuery = "") -> FileSystemTypeResource:
    """Say whether a path is a file; anything else, even a missing path, is a folder (nothing leaks)."""
    return FileSystemTypeResource(type=await services.root_folders.filesystem.entity_type(path))


@router.get("/mediafiles")
async def media_files(services: ServicesDep, path: PathQuery = "") -> list[MediaFileResource]:
    """Video files anywhere under a folder; [] when it is not a folder."""
    return [
        MediaFileResource(path=f.path, relative_path=f.relative_path, name=f.name)
        for f in await services.root_folders.filesystem.media_files(path)
    ]
