"""How Plex Media Server's answers are read (JSON, or the older `_children` form) and how a film's
folder becomes the path of a partial scan, as Radarr's PlexServerProxy and PlexServerService do; pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson

from reelarr.notifications.base import NotificationFailed
from reelarr.notifications.mediaserver import map_path, relative_path
from reelarr.remotepathmappings.paths import PathKind, parse_absolute

_VERSION = re.compile(r"^(\d+[.-]){4}")


@dataclass(frozen=True, slots=True)
class PlexSection:
    """A library section of type movie: its key and the folders it holds."""

    key: int
    locations: tuple[str, ...]


def _json(content: bytes) -> dict[str, Any]:
    if not content.strip():
        return {}
    try:
        found = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        raise NotificationFailed("Plex Media Server answered with something not JSON") from error
    return found if isinstance(found, dict) else {}


def _container(content: bytes) -> tuple[dict[str, Any], bool]:
    """The answer's MediaContainer (the answer itself in the legacy form), and whether it is legacy."""
    answer = _json(content)
    if b"_children" in content:
        return answer, True
    container = answer.get("MediaContainer")
    return (container if isinstance(container, dict) else {}), False


def check_error(content: bytes) -> None:
    """Radarr's CheckForError: an `Error` in the answer is a failure."""
    container, _legacy = _container(content)
    error = container.get("Error") or container.get("error")
    if error and str(error).strip():
        raise NotificationFailed(f"Plex Media Server: {error}")


def movie_sections(content: bytes) -> list[PlexSection]:
    """The sections of type movie of a /library/sections answer."""
    check_error(content)
    container, legacy = _container(content)
    directories = container.get("_children" if legacy else "Directory") or []
    found: list[PlexSection] = []
    for directory in directories if isinstance(directories, list) else []:
        if not isinstance(directory, dict) or directory.get("type") != "movie":
            continue
        places = directory.get("_children" if legacy else "Location") or []
        paths = tuple(str(p["path"]) for p in places if isinstance(p, dict) and p.get("path"))
        found.append(PlexSection(int(directory["key"]), paths))
    return found


def server_version(content: bytes) -> tuple[int, ...]:
    """The version of an /identity answer, its first four numbers ("1.40.1.8227-c0dd5a73e")."""
    check_error(content)
    container, _legacy = _container(content)
    raw = str(container.get("version") or container.get("Version") or "")
    match = _VERSION.match(raw)
    if match is None:
        raise NotificationFailed(f"Unable to read Plex Media Server's version '{raw[:40]}'")
    return tuple(int(n) for n in re.split(r"[.-]", match.group(0).strip(".-")))


def check_version(version: tuple[int, ...]) -> None:
    """Radarr's ValidateVersion: PMS 1.3.0 breaks library updates."""
    if (1, 3, 0) <= version < (1, 3, 1):
        shown = ".".join(str(n) for n in version)
        raise NotificationFailed(
            f"Found version {shown}, upgrade to PMS 1.3.1 to fix library updating and then restart Radarr"
        )


def same_path(left: str, right: str) -> bool:
    """Radarr's PathEquals: the same folder, trailing separators aside, Windows paths without case."""
    a, b = parse_absolute(left), parse_absolute(right)
    if a is None or b is None:
        return left == right
    if PathKind.WINDOWS in (a.kind, b.kind):
        return a.as_file().casefold() == b.as_file().casefold()
    return a.as_file() == b.as_file()


def scan_targets(
    sections: list[PlexSection], movie_path: str, root_folder: str, map_from: str, map_to: str
) -> list[tuple[int, str]]:
    """The (section key, path) refreshes Radarr's UpdateSections asks for: the film's folder in the one
    location that is its (mapped) root folder, else in every location of every movie section."""
    relative = relative_path(movie_path, root_folder)
    mapped_root = map_path(root_folder, map_from, map_to)
    for section in sections:
        for location in section.locations:
            if same_path(location, mapped_root):
                return [(section.key, section_path(location, relative))]
    return [(s.key, section_path(location, relative)) for s in sections for location in s.locations]


def section_path(location: str, relative: str) -> str:
    """A film's folder in a section location, in the location's separators."""
    separator = "\\" if "\\" in location else "/"
    within = relative.replace("\\", separator).replace("/", separator)
    return f"{location}{separator}{within}"
