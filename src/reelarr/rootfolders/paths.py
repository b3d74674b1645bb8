"""Pure path rules: normalising, ancestry, system folders and folder names that are never movies."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

# Folders a root folder may never be, nor be inside ("/" only itself: every path is inside it).
# Radarr's list (SystemFolders.cs) is /bin, /boot, /lib, /sbin, /proc, /usr/bin; ours is wider.
SYSTEM_FOLDERS = (
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/var/cache",
    "/var/lib",
    "/var/log",
    "/var/run",
)

# Names (compared lower-cased) of folders that are never a movie: NAS and OS housekeeping
# (Radarr's RootFolderService special folders and DiskScanService exclusions) and the extras
# folders media servers use. Hidden folders (leading dot) are ignored separately.
IGNORED_FOLDER_NAMES = frozenset(
    {
        "$recycle.bin",
        "#recycle",
        "#snapshot",
        "@eadir",
        "@recycle",
        "@recently-snapshot",
        "behind the scenes",
        "deleted scenes",
        "extrafanart",
        "extras",
        "featurettes",
        "lost+found",
        "network trash folder",
        "plex versions",
        "recycler",
        "sample",
        "samples",
        "system volume information",
        "temporary items",
        "trailers",
    }
)

# Folders the file-system browser leaves out (Radarr's FileSystemLookupService list, Linux-relevant).
BROWSER_HIDDEN_NAMES = frozenset(
    {
        "$recycle.bin",
        "system volume information",
        "recycler",
        ".fseventd",
        ".spotlight",
        ".trashes",
        ".vol",
        ".@__thumb",
        "@eadir",
    }
)

# Folder names under which a media scan does not look (Radarr's ExcludedSubFoldersRegex).
SCAN_SKIPPED_NAMES = frozenset({"@eadir", ".@__thumb", "plex versions"})


def normalise(path: str) -> str | None:
    """The absolute, normalised form of `path` (no trailing slash), or None when it is not a valid path."""
    if not path or not path.strip() or "\x00" in path or not path.startswith("/"):
        return None
    clean = posixpath.normpath(path)
    # POSIX keeps a leading "//" as implementation-defined; on Linux it is plain "/".
    return "/" + clean.lstrip("/")


def is_inside(path: str, ancestor: str) -> bool:
    """True when normalised `path` lies strictly below normalised `ancestor`."""
    if ancestor == "/":
        return path != "/"
    return path.startswith(ancestor + "/")


def relationship(path: str, other: str) -> str | None:
    """How `path` relates to `other` as Radarr words it: "set to", "child of", "ancestor of", or None."""
    if path == other:
        return "set to"
    if is_inside(path, other):
        return "child of"
    if is_inside(other, path):
        return "ancestor of"
    return None


def system_folder_of(path: str) -> tuple[str, str] | None:
    """The (relationship, system folder) `path` clashes with, or None when it is not a system folder."""
    if path == "/":
        return "set to", "/"
    for folder in SYSTEM_FOLDERS:
        found = relationship(path, folder)
        if found in ("set to", "child of"):
            return found, folder
    return None


def is_ignored_folder(name: str) -> bool:
    """True for folder names that are never a movie folder: hidden ones and housekeeping/extras."""
    return name.startswith(".") or name.lower() in IGNORED_FOLDER_NAMES


def best_root_folder(path: str, roots: Iterable[str]) -> str | None:
    """The deepest of `roots` that is `path` or contains it."""
    target = normalise(path)
    if target is None:
        return None
    matches = [r for r in roots if r == target or is_inside(target, r)]
    return max(matches, key=len, default=None)
