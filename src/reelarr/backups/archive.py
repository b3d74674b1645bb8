"""Open a backup zip and check it whole before anything is restored from it."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reelarr.backups.manifest import (
    MANIFEST_NAME,
    SETTINGS_NAME,
    BackupInvalid,
    Manifest,
    TableEntry,
    parse_manifest,
)


def newer_schema_message(backup_revision: str, known_revision: str) -> str:
    """What a user is told when a backup comes from a newer Reelarr."""
    return (
        f"This backup is from a newer Reelarr (database schema {backup_revision}); this Reelarr knows "
        f"schema {known_revision} at most. Upgrade Reelarr, then restore it."
    )


class BackupArchive:
    """A backup zip whose manifest was read and whose every member passed its checksum."""

    def __init__(self, path: Path, known_revision: str, shown_as: str | None = None) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BackupInvalid(f"There is no backup at {path}") from None
        except (zipfile.BadZipFile, OSError) as error:
            raise BackupInvalid(
                f"{shown_as or path.name} is not a zip file, or it was cut short ({error})"
            ) from error
        try:
            self.manifest = self._check(known_revision)
        except BaseException:
            self._zip.close()
            raise

    def _check(self, known_revision: str) -> Manifest:
        names = set(self._zip.namelist())
        if MANIFEST_NAME not in names:
            raise BackupInvalid("This zip is not a Reelarr backup (it has no manifest.json)")
        try:
            broken = self._zip.testzip()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise BackupInvalid(f"The backup is damaged or cut short ({error})") from error
        if broken is not None:
            raise BackupInvalid(f"The backup is damaged: {broken} does not match its checksum")
        manifest = parse_manifest(self._zip.read(MANIFEST_NAME))
        if int(manifest.schema_revision) > int(known_revision):
            raise BackupInvalid(newer_schema_message(manifest.schema_revision, known_revision))
        missing = [t.file_name for t in manifest.tables if t.file_name not in names]
        if manifest.has_settings and SETTINGS_NAME not in names:
            missing.append(SETTINGS_NAME)
        if missing:
            raise BackupInvalid(f"The backup is incomplete: {', '.join(missing)} missing")
        return manifest

    def settings(self) -> bytes | None:
        """The settings file the backup holds, if any."""
        return self._zip.read(SETTINGS_NAME) if self.manifest.has_settings else None

    def rows(self, table: TableEntry) -> Iterator[dict[str, Any]]:
        """The table's rows as written; BackupInvalid when a line is damaged or the count is off."""
        count = 0
        with self._zip.open(table.file_name) as member:
            for line in member:
                try:
                    record = json.loads(line)
                except ValueError as error:
                    raise BackupInvalid(f"The backup's table {table.name} is damaged") from error
                if not isinstance(record, dict) or set(record) - set(table.columns):
                    raise BackupInvalid(f"The backup's table {table.name} has rows of another shape")
                count += 1
                yield record
        if count != table.rows:
            raise BackupInvalid(
                f"The backup's table {table.name} holds {count} rows, its manifest {table.rows}"
            )

    def close(self) -> None:
        """Close the zip."""
        self._zip.close()

    def __enter__(self) -> BackupArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
