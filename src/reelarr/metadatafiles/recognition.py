"""Telling the metadata files a writer wrote (Reelarr, Radarr, or the same writer elsewhere) from a
user's files, when a film's folder is rescanned (Radarr's ExistingMetadataImporter)."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Sequence

from reelarr.extras.names import is_subtitle
from reelarr.metadatafiles.base import MetadataWriter
from reelarr.parsing.movie import parse_title

# Every extension a writer's file may have: the rescan lists these beside the extras' own.
METADATA_EXTENSIONS = frozenset({".nfo", ".xml", ".jpg", ".jpeg", ".png", ".metathumb"})
_KODI_NFO = re.compile(r"<(movie|tvshow|episodedetails|artist|album|musicvideo)>")
_KODI_NFO_LIMIT = 10 * 1024 * 1024  # larger files are not read (Radarr's XbmcNfoDetector)


def file_name(relative_path: str) -> str:
    """The file's own name, from a path within the film's folder."""
    return posixpath.basename(relative_path.replace("\\", "/"))


def extension(relative_path: str) -> str:
    """The file's extension, lower case, with its dot."""
    return os.path.splitext(relative_path)[1].lower()


def names_a_film(relative_path: str) -> bool:
    """Whether the file's name reads as a film's (Radarr's writers ask its parser before claiming an
    .xml named after the video)."""
    return parse_title(file_name(relative_path)) is not None


def is_kodi_nfo(path: str) -> bool:
    """Whether a file holds Kodi's own XML, not a release's notes (blocking)."""
    try:
        if os.path.getsize(path) > _KODI_NFO_LIMIT:
            return False
        with open(path, encoding="utf-8", errors="replace") as stream:
            return _KODI_NFO.search(stream.read()) is not None
    except OSError:
        return False


def recognise(
    folder: str, relative_paths: Sequence[str], writers: Sequence[type[MetadataWriter]]
) -> dict[str, str]:
    """The files among these that a writer writes, each with the first such writer's implementation
    name (Radarr's Consumer); subtitles are never a writer's (blocking)."""
    found: dict[str, str] = {}
    for relative_path in relative_paths:
        if extension(relative_path) not in METADATA_EXTENSIONS or is_subtitle(relative_path):
            continue
        writer = next((w for w in writers if w.writes_file(folder, relative_path)), None)
        if writer is not None:
            found[relative_path] = writer.implementation
    return found
