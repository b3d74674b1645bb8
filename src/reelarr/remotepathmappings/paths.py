"""Paths as a download client reports them, in any OS's style (Radarr's OsPath); pure.

A download client may run on another machine, under Windows or in a container, so its paths are
read by their shape: `/...` is Unix, `C:\\...`, `C:/...` and `\\\\server\\share` are Windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_DRIVE = re.compile(r"^[A-Za-z]:(?:[\\/]|$)")


class PathKind(StrEnum):
    """Which OS's rules a path follows."""

    UNIX = "unix"
    WINDOWS = "windows"
    UNKNOWN = "unknown"


def kind_of(path: str) -> PathKind:
    """Radarr's DetectPathKind: a leading `/` is Unix; a drive letter or a backslash is Windows."""
    if path.startswith("/"):
        return PathKind.UNIX
    if _DRIVE.match(path) or "\\" in path:
        return PathKind.WINDOWS
    if "/" in path:
        return PathKind.UNIX
    return PathKind.UNKNOWN


@dataclass(frozen=True, slots=True)
class OsPath:
    """An absolute path split into its root (`/`, `C:\\`, `\\\\server\\share\\`) and its folders."""

    kind: PathKind
    root: str
    parts: tuple[str, ...]

    @property
    def separator(self) -> str:
        """The separator this kind of path uses."""
        return "\\" if self.kind is PathKind.WINDOWS else "/"

    def as_directory(self) -> str:
        """The path with one trailing separator, as Radarr stores mapping paths."""
        if not self.parts:
            return self.root
        return self.root + self.separator.join(self.parts) + self.separator

    def as_file(self) -> str:
        """The path without a trailing separator (the root stays as it is)."""
        return self.root + self.separator.join(self.parts)

    def contains(self, other: OsPath) -> bool:
        """Whether `other` is this folder or lies inside it, folder by folder (so `/downloads`
        does not contain `/downloads2`); Windows paths compare without case."""
        if len(other.parts) < len(self.parts):
            return False
        fold = self.kind is PathKind.WINDOWS or other.kind is PathKind.WINDOWS
        pairs = [(self.root, other.root), *zip(self.parts, other.parts, strict=False)]
        if fold:
            return all(a.casefold() == b.casefold() for a, b in pairs)
        return all(a == b for a, b in pairs)


def parse_absolute(path: str) -> OsPath | None:
    """The absolute path `path` stands for in its own OS's style, or None when it is empty, relative
    or holds what no path may (a NUL, a `..` that climbs above its root)."""
    text = path.strip()
    if not text or "\x00" in text:
        return None
    kind = kind_of(text)
    if kind is PathKind.UNIX:
        if not text.startswith("/"):
            return None
        return _with_parts(kind, "/", text.replace("\\", "/").split("/"))
    if kind is PathKind.WINDOWS:
        return _windows(text.replace("/", "\\"))
    return None


def _windows(text: str) -> OsPath | None:
    if _DRIVE.match(text):
        return _with_parts(PathKind.WINDOWS, text[0].upper() + ":\\", text[2:].split("\\"))
    if text.startswith("\\\\"):
        server, _, rest = text[2:].partition("\\")
        share, _, rest = rest.partition("\\")
        if not server or not share or server in (".", "?"):
            return None
        return _with_parts(PathKind.WINDOWS, f"\\\\{server}\\{share}\\", rest.split("\\"))
    return None


def _with_parts(kind: PathKind, root: str, pieces: list[str]) -> OsPath | None:
    parts: list[str] = []
    for piece in pieces:
        if piece in ("", "."):
            continue
        if piece == "..":
            if not parts:
                return None
            parts.pop()
            continue
        parts.append(piece)
    return OsPath(kind, root, tuple(parts))


def rebase(path: OsPath, source: OsPath, target: OsPath, *, directory: bool) -> str:
    """`path`, which lies in `source`, moved to the same place under `target` in `target`'s style."""
    relative = path.parts[len(source.parts) :]
    moved = OsPath(target.kind, target.root, target.parts + relative)
    return moved.as_directory() if directory else moved.as_file()


def ends_with_separator(path: str) -> bool:
    """Whether a path as written names a folder with a trailing separator."""
    return path.rstrip(" ").endswith(("/", "\\"))
