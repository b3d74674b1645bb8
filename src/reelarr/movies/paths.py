"""Rules for where a movie's folder may be."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

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


def _parents(path: str) -> Iterator[str]:
    """The folders holding a normalised path, nearest first, up to `/`."""
    parent = os.path.dirname(path)
    while parent and parent != path:
        yield parent
        path, parent = parent, os.path.dirname(parent)


class FolderIndex:
    """Films' folders, normalised once, answering which one a folder is, lies in or holds without
    a pass over them all (adding 10,000 films checked each against every other: minutes)."""

    def __init__(self, paths: Iterable[str] = ()) -> None:
        """Index these folders."""
        self._paths: set[str] = set()
        self._holding: dict[str, str] = {}  # a folder holding indexed ones -> one of them
        for path in paths:
            self.add(path)

    def add(self, path: str) -> None:
        """Index one more folder."""
        path = normalise(path)
        if not path:
            return
        self._paths.add(path)
        for parent in _parents(path):
            self._holding.setdefault(parent, path)

    def conflict(self, path: str) -> ValidationFailure | None:
        """Why a normalised folder cannot be a film's beside the indexed ones: the same or overlapping."""
        if path in self._paths:
            return ValidationFailure("path", f"Path '{path}' is already used by another movie", path)
        other = next((p for p in _parents(path) if p in self._paths), None) or self._holding.get(path)
        if other is not None:
            return ValidationFailure("path", f"Path '{path}' overlaps another movie's folder '{other}'", path)
        return None


def movie_path_failures(
    path: str,
    *,
    root_folders: Iterable[str],
    other_movie_paths: Iterable[str] | FolderIndex,
    check_disk: bool = True,
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
    if isinstance(other_movie_paths, FolderIndex):
        conflict = other_movie_paths.conflict(path)
        return [conflict] if conflict is not None else []
    for other in other_movie_paths:
        other = normalise(other)
        if other == path:
            return [ValidationFailure("path", f"Path '{path}' is already used by another movie", path)]
        if _inside(path, other) or _inside(other, path):
            return [
                ValidationFailure("path", f"Path '{path}' overlaps another movie's folder '{other}'", path)
            ]
    return []
