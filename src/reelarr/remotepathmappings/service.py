"""Remote path mappings: kept after Radarr's checks, and used to translate a download client's paths."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.remotepathmappings.model import RemotePathMapping, local_to_remote, remote_to_local
from reelarr.remotepathmappings.paths import parse_absolute
from reelarr.remotepathmappings.tables import RemotePathMappingRow
from reelarr.rootfolders.disk import DiskProbes, PathState, path_state
from reelarr.rootfolders.paths import normalise


def _not_found(mapping_id: int) -> NotFound:
    return NotFound(f"RemotePathMapping with ID {mapping_id} does not exist")


def _to_mapping(row: RemotePathMappingRow) -> RemotePathMapping:
    return RemotePathMapping(row.id, row.host, row.remote_path, row.local_path)


def _empty(property_name: str, label: str, value: str) -> ValidationFailure:
    return ValidationFailure(
        property_name, f"'{label}' must not be empty.", value, error_code="NotEmptyValidator"
    )


def _invalid(property_name: str, value: str) -> ValidationFailure:
    return ValidationFailure(property_name, f"Invalid Path: '{value}'", value)


def shape_failures(mapping: RemotePathMapping) -> tuple[RemotePathMapping, list[ValidationFailure]]:
    """Radarr's rules that need neither the disk nor the other mappings, and the mapping with its
    host trimmed and both paths made folders with a trailing separator (each in its own OS's style)."""
    failures: list[ValidationFailure] = []
    host = mapping.host.strip()
    if not host:
        failures.append(_empty("host", "Host", mapping.host))
    remote = parse_absolute(mapping.remote_path)
    if not mapping.remote_path.strip():
        failures.append(_empty("remotePath", "Remote Path", mapping.remote_path))
    elif remote is None:
        failures.append(_invalid("remotePath", mapping.remote_path))
    local = normalise(mapping.local_path.strip())
    if not mapping.local_path.strip():
        failures.append(_empty("localPath", "Local Path", mapping.local_path))
    elif local is None:
        failures.append(_invalid("localPath", mapping.local_path))
    clean = RemotePathMapping(
        mapping.id,
        host,
        remote.as_directory() if remote is not None else mapping.remote_path,
        local.rstrip("/") + "/" if local is not None else mapping.local_path,
    )
    return clean, failures


def _same_place(a: RemotePathMapping, b: RemotePathMapping) -> bool:
    if a.host.casefold() != b.host.casefold():
        return False
    left, right = parse_absolute(a.remote_path), parse_absolute(b.remote_path)
    if left is None or right is None:
        return a.remote_path == b.remote_path
    return left.contains(right) and right.contains(left)


class RemotePathMappingService:
    """Adds, changes and removes mappings; `local_path` and `remote_path` translate with them."""

    def __init__(self, db: Database, *, timeout_seconds: float = 5.0) -> None:
        self._db = db
        self._timeout = timeout_seconds
        self._probes = DiskProbes(timeout_seconds)

    async def all(self) -> list[RemotePathMapping]:
        """Every mapping, oldest first."""
        async with self._db.read() as session:
            rows = await session.scalars(select(RemotePathMappingRow).order_by(RemotePathMappingRow.id))
            return [_to_mapping(r) for r in rows]

    async def get(self, mapping_id: int) -> RemotePathMapping:
        """One mapping; NotFound when there is none with this id."""
        async with self._db.read() as session:
            row = await session.get(RemotePathMappingRow, mapping_id)
        if row is None:
            raise _not_found(mapping_id)
        return _to_mapping(row)

    async def add(self, mapping: RemotePathMapping) -> RemotePathMapping:
        """Add a mapping after Radarr's checks (ValidationFailed says which failed)."""
        clean = await self._validated(mapping)
        async with self._db.write() as session:
            await self._lock(session)
            self._check_unique(
                clean, [_to_mapping(r) for r in await session.scalars(select(RemotePathMappingRow))]
            )
            row = RemotePathMappingRow(
                host=clean.host, remote_path=clean.remote_path, local_path=clean.local_path
            )
            session.add(row)
            await session.flush()
            return _to_mapping(row)

    async def update(self, mapping: RemotePathMapping) -> RemotePathMapping:
        """Change a mapping (NotFound for an unknown id), under the same checks as an addition."""
        await self.get(mapping.id)
        clean = await self._validated(mapping)
        async with self._db.write() as session:
            await self._lock(session)
            row = await session.get(RemotePathMappingRow, mapping.id)
            if row is None:
                raise _not_found(mapping.id)
            others = await session.scalars(
                select(RemotePathMappingRow).where(RemotePathMappingRow.id != mapping.id)
            )
            self._check_unique(clean, [_to_mapping(r) for r in others])
            row.host, row.remote_path, row.local_path = clean.host, clean.remote_path, clean.local_path
            return _to_mapping(row)

    async def delete(self, mapping_id: int) -> None:
        """Remove a mapping; NotFound when there is none with this id."""
        async with self._db.write() as session:
            row = await session.get(RemotePathMappingRow, mapping_id)
            if row is None:
                raise _not_found(mapping_id)
            await session.delete(row)

    async def local_path(self, host: str, remote_path: str) -> str:
        """Where a path reported by the download client on `host` is on this machine (unchanged when
        no mapping covers it)."""
        return remote_to_local(await self.all(), host, remote_path)

    async def remote_path(self, host: str, local_path: str) -> str:
        """How the download client on `host` names a path of this machine (unchanged when no mapping
        covers it)."""
        return local_to_remote(await self.all(), host, local_path)

    async def _validated(self, mapping: RemotePathMapping) -> RemotePathMapping:
        clean, failures = shape_failures(mapping)
        if not any(f.property_name == "localPath" for f in failures):
            failure = await self._local_folder_failure(clean.local_path, mapping.local_path)
            if failure is not None:
                failures.append(failure)
        if failures:
            raise ValidationFailed(failures)
        return clean

    async def _local_folder_failure(self, path: str, attempted: str) -> ValidationFailure | None:
        try:
            state: PathState = await self._probes.run(path_state, path)
        except TimeoutError:
            return ValidationFailure(
                "localPath", f"Path '{attempted}' did not answer in {self._timeout:g}s", attempted
            )
        if not state.exists or not state.is_folder:
            return ValidationFailure("localPath", f"Path '{attempted}' does not exist", attempted)
        return None

    @staticmethod
    def _check_unique(mapping: RemotePathMapping, others: list[RemotePathMapping]) -> None:
        if any(_same_place(mapping, other) for other in others):
            raise ValidationFailed.single(
                "remotePath",
                f"Remote Path '{mapping.remote_path}' is already mapped for host '{mapping.host}'",
                mapping.remote_path,
            )

    async def _lock(self, session: AsyncSession) -> None:
        if self._db.dialect == "postgresql":
            # Two additions at once must not both pass the duplicate check.
            await session.execute(text("LOCK TABLE remote_path_mappings IN SHARE ROW EXCLUSIVE MODE"))
