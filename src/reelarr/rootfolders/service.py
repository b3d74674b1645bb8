"""Root folders: added after checking the folder on disk, listed with free space and unmapped folders."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ValidationFailed
from reelarr.events import EventBus
from reelarr.rootfolders import diskspace
from reelarr.rootfolders.browser import FileSystemBrowser
from reelarr.rootfolders.disk import (
    DiskProbes,
    FolderDetails,
    PathState,
    current_user,
    folder_details,
    is_writable,
    path_state,
)
from reelarr.rootfolders.events import RootFolderAdded, RootFolderDeleted
from reelarr.rootfolders.mounts import DiskSpace
from reelarr.rootfolders.paths import best_root_folder, normalise, relationship, system_folder_of
from reelarr.rootfolders.tables import RootFolderRow

Clock = Callable[[], datetime]
KnownPaths = Callable[[], Awaitable[set[str]]]
InUse = Callable[[str], Awaitable[bool]]
RecycleBin = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class UnmappedFolder:
    """A folder in a root folder that no movie uses."""

    name: str
    path: str
    relative_path: str


@dataclass(frozen=True, slots=True)
class RootFolder:
    """A root folder with what its disk says now; space is None when it is not accessible."""

    id: int
    path: str
    accessible: bool
    free_space: int | None = None
    total_space: int | None = None
    unmapped_folders: list[UnmappedFolder] = field(default_factory=list)


async def _no_paths() -> set[str]:
    return set()


async def _never_in_use(_path: str) -> bool:
    return False


async def _no_recycle_bin() -> str | None:
    return None


def _fail(message: str, attempted: str | None) -> ValidationFailed:
    return ValidationFailed.single("path", message, attempted)


def _check_system_folder(path: str, shown: str) -> None:
    clash = system_folder_of(path)
    if clash is not None:
        raise _fail(f"Path '{shown}' is {clash[0]} system folder {clash[1]}", shown)


class RootFolders:
    """Adds, lists and removes root folders; the movie hooks are wired by app.py once movies exist.

    `known_paths()` returns the folders movies use (excluded from unmapped folders), `in_use(path)`
    says whether movies live in a root folder (deleting it is then a Conflict), `recycle_bin()` the
    configured recycle bin (never a root folder, never an unmapped folder).
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Clock,
        *,
        data_dir: Path,
        known_paths: KnownPaths = _no_paths,
        in_use: InUse = _never_in_use,
        recycle_bin: RecycleBin = _no_recycle_bin,
        timeout_seconds: float = 5.0,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._data_dir = normalise(os.path.realpath(data_dir)) or "/"
        self.known_paths = known_paths
        self.in_use = in_use
        self.recycle_bin = recycle_bin
        self._timeout = timeout_seconds
        self._probes = DiskProbes(timeout_seconds)
        self.filesystem = FileSystemBrowser(timeout_seconds=max(timeout_seconds, 10.0))

    async def paths(self) -> list[str]:
        """The configured root folder paths, without touching the disk."""
        async with self._db.read() as session:
            return list(await session.scalars(select(RootFolderRow.path).order_by(RootFolderRow.id)))

    async def best_root_folder(self, path: str) -> str | None:
        """The root folder a path (a movie folder) lives in: the deepest one containing it."""
        return best_root_folder(path, await self.paths())

    async def all(self) -> list[RootFolder]:
        """Every root folder with its space and unmapped folders; one on a vanished disk is inaccessible."""
        async with self._db.read() as session:
            rows = list(await session.scalars(select(RootFolderRow).order_by(RootFolderRow.id)))
        excluded = await self._excluded_paths()
        return list(await asyncio.gather(*(self._with_details(r.id, r.path, excluded) for r in rows)))

    async def get(self, root_folder_id: int) -> RootFolder:
        """One root folder with its space and unmapped folders."""
        row = await self._row(root_folder_id)
        return await self._with_details(row.id, row.path, await self._excluded_paths())

    async def add(self, path: str | None) -> RootFolder:
        """Add a folder after Radarr's checks (each failure is ValidationFailed on `path`)."""
        clean = normalise(path or "")
        if clean is None:
            raise _fail("Invalid Path", path)
        _check_system_folder(clean, clean)
        self._check_configuration(clean, await self.paths(), await self.recycle_bin())
        state = await self._state(clean)
        if not state.exists:
            raise _fail(f"Path '{clean}' does not exist", path)
        if not state.is_folder:
            raise _fail(f"Path '{clean}' is not a folder", path)
        real = normalise(state.real_path) or clean
        if real != clean:
            # A link must not smuggle in what its target would be refused for.
            _check_system_folder(real, clean)
            self._check_configuration(real, await self.paths(), await self.recycle_bin(), shown=clean)
        if not await self._writable(clean):
            raise _fail(f"Folder '{clean}' is not writable by user '{current_user()}'", path)
        row_id = await self._insert(clean, path)
        await self._bus.publish(RootFolderAdded(root_folder_id=row_id, path=clean))
        return await self._with_details(row_id, clean, await self._excluded_paths())

    async def delete(self, root_folder_id: int) -> None:
        """Forget a root folder (its files stay); Conflict while movies live in it."""
        row = await self._row(root_folder_id)
        if await self.in_use(row.path):
            raise Conflict(f"Root folder '{row.path}' is used by movies in the library")
        async with self._db.write() as session:
            found = await session.get(RootFolderRow, root_folder_id)
            if found is None:
                raise NotFound(f"Root folder with ID {root_folder_id} does not exist")
            await session.delete(found)
        await self._bus.publish(RootFolderDeleted(root_folder_id=row.id, path=row.path))

    async def missing(self) -> list[str]:
        """Root folders whose folder is gone or does not answer."""
        paths = await self.paths()
        details = await asyncio.gather(*(self._details(p, with_subfolders=False) for p in paths))
        return [p for p, d in zip(paths, details, strict=True) if not d.accessible]

    async def disk_space(self) -> list[DiskSpace]:
        """Space on the file systems holding root folders and on the other local disks."""
        return await diskspace.disk_space(await self.paths(), self._probes)

    async def _row(self, root_folder_id: int) -> RootFolderRow:
        async with self._db.read() as session:
            row = await session.get(RootFolderRow, root_folder_id)
        if row is None:
            raise NotFound(f"Root folder with ID {root_folder_id} does not exist")
        return row

    def _check_configuration(
        self, path: str, roots: list[str], recycle_bin: str | None, *, shown: str | None = None
    ) -> None:
        """Rules that need no disk: duplicates, nesting, the data folder, the recycle bin."""
        shown = shown or path
        for root in roots:
            found = relationship(path, root)
            if found == "set to":
                raise _fail(f"Path '{shown}' is already configured as a root folder", shown)
            if found is not None:
                raise _fail(f"Path '{shown}' is {found} root folder '{root}'", shown)
        found = relationship(path, self._data_dir)
        if found is not None:
            raise _fail(f"Path '{shown}' is {found} Reelarr's data folder '{self._data_dir}'", shown)
        bin_path = normalise(recycle_bin or "")
        found = relationship(path, bin_path) if bin_path is not None else None
        if found in ("set to", "child of"):
            raise _fail(f"Path '{shown}' is {found} configured recycle bin folder", shown)

    async def _state(self, path: str) -> PathState:
        try:
            return await self._probes.run(path_state, path)
        except TimeoutError as error:
            raise _fail(f"Path '{path}' did not answer in {self._timeout:g}s", path) from error

    async def _writable(self, path: str) -> bool:
        try:
            return await self._probes.run(is_writable, path)
        except TimeoutError:
            return False

    async def _insert(self, path: str, attempted: str | None) -> int:
        now = self._clock()
        try:
            async with self._db.write() as session:
                if self._db.dialect == "postgresql":
                    # Two adds at once must not both pass the nesting check.
                    await session.execute(text("LOCK TABLE root_folders IN SHARE ROW EXCLUSIVE MODE"))
                roots = list(await session.scalars(select(RootFolderRow.path)))
                self._check_configuration(path, roots, None)
                row = RootFolderRow(path=path, created_at=now)
                session.add(row)
                await session.flush()
                return row.id
        except IntegrityError as error:
            raise _fail(f"Path '{path}' is already configured as a root folder", attempted) from error

    async def _excluded_paths(self) -> set[str]:
        """Folders never shown as unmapped: those movies use, and the recycle bin."""
        excluded = {n for p in await self.known_paths() if (n := normalise(p)) is not None}
        bin_path = normalise(await self.recycle_bin() or "")
        if bin_path is not None:
            excluded.add(bin_path)
        return excluded

    async def _details(self, path: str, *, with_subfolders: bool) -> FolderDetails:
        try:
            return await self._probes.run(folder_details, path, with_subfolders=with_subfolders)
        except TimeoutError:
            return FolderDetails(accessible=False)

    async def _with_details(self, root_id: int, path: str, excluded: set[str]) -> RootFolder:
        details = await self._details(path, with_subfolders=True)
        base = path.rstrip("/")
        unmapped = [
            UnmappedFolder(name, f"{base}/{name}", name)
            for name in sorted(details.subfolders, key=lambda n: (n.casefold(), n))
            if f"{base}/{name}" not in excluded
        ]
        return RootFolder(
            root_id, path, details.accessible, details.free_space, details.total_space, unmapped
        )
