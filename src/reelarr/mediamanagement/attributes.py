"""What an imported file is given besides its name (Radarr's MediaFileAttributeService and
UpdateMovieFileService): its date, its permissions and group. Blocking; run in a thread.

Each step sets a value rather than changing one, so repeating it after a crash is harmless.
"""

from __future__ import annotations

import grp
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from reelarr.mediamanagement.config import MediaManagementConfig

log = logging.getLogger(__name__)

_EXECUTE_BITS = 0o111
_ACCESS_BITS = 0o7777


@dataclass(frozen=True, slots=True)
class FileAttributes:
    """What to give an imported file and its movie folder: a date, a mode and group (None: leave)."""

    modified: date | None = None
    folder_mode: int | None = None  # files get it without the execute bits
    group: str = ""


def file_date(
    setting: str, in_cinemas: date | None, physical: date | None, digital: date | None
) -> date | None:
    """The date a file gets under the fileDate option (cinemas, or the physical else digital release)."""
    if setting == "cinemas":
        return in_cinemas
    if setting == "release":
        return physical or digital
    return None


def attributes_of(
    config: MediaManagementConfig, in_cinemas: date | None, physical: date | None, digital: date | None
) -> FileAttributes:
    """What the media management options give an imported file of a film with these dates."""
    mode = parse_mode(config.chmod_folder) if config.set_permissions_linux else None
    return FileAttributes(
        modified=file_date(config.file_date, in_cinemas, physical, digital),
        folder_mode=mode,
        group=config.chown_group.strip() if mode is not None else "",
    )


def parse_mode(value: str) -> int | None:
    """An octal mode such as "755"; None when the text is not one."""
    if len(value) not in (3, 4) or any(c not in "01234567" for c in value):
        return None
    return int(value, 8)


def set_file_date(path: str, day: date) -> None:
    """Set a file's modification time to midnight (UTC) of `day`; before 1970 it gets the epoch."""
    stamp = max(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp(), 0.0)
    status = os.stat(path)
    if status.st_mtime != stamp:
        os.utime(path, (status.st_atime, stamp))


def set_permissions(path: str, folder_mode: int, group: str) -> None:
    """chmod `path` to the folder mode (a file without its execute bits), and chgrp it to `group`."""
    mode = folder_mode & _ACCESS_BITS
    if not os.path.isdir(path):
        mode &= ~_EXECUTE_BITS
    os.chmod(path, mode)
    if group:
        gid = _group_id(group)
        if gid is None:
            log.warning("Group '%s' does not exist; the group of %s was left as it is", group, path)
        elif os.stat(path).st_gid != gid:
            os.chown(path, -1, gid)


def _group_id(group: str) -> int | None:
    if group.isdigit():
        return int(group)
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        return None


def settle_attributes(path: str, movie_folder: str, attributes: FileAttributes) -> None:
    """Give an imported file its date and permissions, and its movie folder its permissions; a
    failure is logged, as Radarr does, and never undoes the import."""
    steps: list[tuple[str, Callable[[], None]]] = []
    if attributes.modified is not None:
        day = attributes.modified
        steps.append((path, lambda: set_file_date(path, day)))
    if attributes.folder_mode is not None:
        mode, group = attributes.folder_mode, attributes.group
        steps.append((path, lambda: set_permissions(path, mode, group)))
        steps.append((movie_folder, lambda: set_permissions(movie_folder, mode, group)))
    for target, step in steps:
        try:
            step()
        except OSError as error:
            log.warning("Could not set the date or permissions of %s: %s", target, error.strerror or error)
