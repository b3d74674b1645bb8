"""Rules for where a movie's folder may be."""

from __future__ import annotations

import os
from collections.abc import Iterable

from reelarr.errors import ValidationFailure


def normalise(path: str) -> str:
    """A path without a trailing separator or `.`/`..` parts (not resolved against the disk)."""
    return os.path.normpath(path) if path else path


def _inside(child: str, parent: str) -> bool:
    """Whether `child` lies below `parent`, both normalised: a string test, as adding a film checks
    its folder against every other film's (pathlib made 3,000 films take minutes)."""
    if not child or not parent or child == parent:
        return False
    return child.startswith(parent if parent.endswith("/") else parent + "/")


def root_folder_of(path: str, root_folders: Iterable[str]) -> str | None:
    """The configured root folder that holds `path`."""
    path = normalise(path)
    for root in sorted((normalise(r) for r in root_folders), key=len, reverse=True):
        if _inside(path, root):
            return root
    return None


def movie_path_failures(
    path: str, *, root_folders: Iterable[str], other_movie_paths: Iterable[str], check_disk: bool = True
) -> list[ValidationFailure]:
    """Everything wrong with a movie folder path (an empty list when it is fine)."""
    if not path or not os.path.isabs(path):
        return [ValidationFailure("path", "Path must be an absolute folder path", path)]
    path = normalise(path)
    root = root_folder_of(path, root_folders)
    if root is None:
        return [ValidationFailure("path", "Path must be inside a root folder", path)]
    if check_disk:
        if not os.path.isdir(root):
            return [ValidationFailure("rootFolderPath", f"Root folder '{root}' does not exist", root)]
        if not os.access(root, os.W_OK):
            return [ValidationFailure("rootFolderPath", f"Root folder '{root}' is not writable", root)]
    for other in other_movie_paths:
        other = normalise(other)
        if other == path:
            return [ValidationFailure("path", f"Path '{path}' is already used by another movie", path)]
        if _inside(path, other) or _inside(other, path):
            return [
                ValidationFailure("path", f"Path '{path}' overlaps another movie's folder '{other}'", path)
            ]
    return []
