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
    """`path` under the longest mapping whose source folder holds it; unchanged when none does."""
    best: PathMapping | None = None
    for mapping in mappings:
        source = mapping.source
        inside = path == source or path.startswith(source.rstrip("/\\") + path_separator(source))
        if inside and (best is None or len(source) > len(best.source)):
            best = mapping
    if best is None:
        return path
    rest = path[len(best.source) :].lstrip("/\\")
    if not rest:
        return best.target
    separator = path_separator(best.target)
    rest = rest.replace(path_separator(best.source), separator)
    return best.target.rstrip("/\\") + separator + rest


def path_separator(path: str) -> str:
    """The separator a path is written with: a backslash for a Windows path, else a slash."""
    return "\\" if "\\" in path or (len(path) > 1 and path[1] == ":") else "/"
