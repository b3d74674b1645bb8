"""`--map-path FROM=TO`: where Radarr's folders are seen from this installation."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.radarrimport.client import ImportFailed


@dataclass(frozen=True, slots=True)
class PathMapping:
    """Radarr's folder `source` is `target` here."""

    source: str
    target: str


def parse_mapping(text: str) -> PathMapping:
    """A mapping from its `FROM=TO` form; anything else is an ImportFailed."""
    source, sep, target = text.partition("=")
    if not sep or not source.strip() or not target.strip():
        raise ImportFailed(f"--map-path wants FROM=TO (two folders), not '{text}'")
    return PathMapping(_trimmed(source.strip()), _trimmed(target.strip()))


def _trimmed(path: str) -> str:
    return path.rstrip("/\\") or path[:1]


def map_path(path: str, mappings: tuple[PathMapping, ...]) -> str:
    """`path` under the longest mapping whose source folder holds it; unchanged when none does.

    A Windows source (`C:\\Movies`) holds paths as Windows compares them, regardless of case and
    of `\\` or `/`; what follows it is written with the target's separator."""
    best: PathMapping | None = None
    for mapping in mappings:
        if _holds(mapping.source, path) and (best is None or len(mapping.source) > len(best.source)):
            best = mapping
    if best is None:
        return path
    rest = path[len(best.source) :].lstrip("/\\")
    if not rest:
        return best.target
    separator = path_separator(best.target)
    rest = rest.replace("\\" if separator == "/" else "/", separator)
    return best.target.rstrip("/\\") + separator + rest


def _holds(source: str, path: str) -> bool:
    if is_windows_path(source):
        source, path = _windows_key(source), _windows_key(path)
    folder = source.rstrip("/\\")
    return path == source or path.startswith(folder + path_separator(source))


def _windows_key(path: str) -> str:
    # Lower case letter by letter, keeping the length, so what follows the source is cut off right.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in path.replace("/", "\\"))


def is_windows_path(path: str) -> bool:
    """Whether a path is written as Windows writes it: a drive (`C:`), a share (`\\\\host`) or `\\`."""
    return "\\" in path or (len(path) > 1 and path[1] == ":" and path[0].isalpha())


def relative_path(relative: str, folder: str) -> str:
    """A path relative to `folder` as written here: a Windows Radarr's `Extras\\x.mkv` under a
    folder mapped to a POSIX one is `Extras/x.mkv`."""
    return relative.replace("\\", "/") if path_separator(folder) == "/" else relative


def path_separator(path: str) -> str:
    """The separator a path is written with: a backslash for a Windows path, else a slash."""
    return "\\" if is_windows_path(path) else "/"
