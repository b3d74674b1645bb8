"""Which folders and files inside a movie folder a scan leaves alone, and why."""

from __future__ import annotations

import re
from enum import Enum

from reelarr.parsing.extensions import MEDIA_EXTENSIONS, extension_of


class SkipReason(Enum):
    """Why a scan passed over a folder or a file; the value is shown to the user."""

    HIDDEN = "Hidden"
    EXTRAS = "Extras"
    SYSTEM = "System or NAS folder"
    PARTIAL = "Partial download"
    SAMPLE = "Sample"


# Plex and Kodi local-extras folder names (trailers, featurettes, ...), and sample folders.
EXTRAS_FOLDERS = frozenset(
    {
        "extras",
        "extrafanart",
        "behind the scenes",
        "deleted scenes",
        "featurettes",
        "interviews",
        "other",
        "scenes",
        "shorts",
        "trailers",
    }
)
SAMPLE_FOLDERS = frozenset({"sample", "samples"})
# NAS and OS housekeeping: Synology thumbnails and recycle bins, QNAP thumbnails, Plex optimised copies.
SYSTEM_FOLDERS = frozenset(
    {
        "@eadir",
        "@recycle",
        "#recycle",
        "#snapshot",
        "plex versions",
        "$recycle.bin",
        "system volume information",
        "recycler",
        "lost+found",
    }
)
# Extras named by suffix inside the movie folder ("Movie (2010)-trailer.mkv").
_EXTRA_FILE_RE = re.compile(
    r"-(?:trailer|other|behindthescenes|deleted|featurette|interview|scene|short)\.[^.]+$", re.IGNORECASE
)
# What download clients append to files still being written.
PARTIAL_SUFFIXES = (".partial~", ".!qb", ".part", ".!ut", ".!bt", ".crdownload")


def is_video_name(name: str) -> bool:
    """Whether a file name has a movie file extension."""
    return extension_of(name) in MEDIA_EXTENSIONS


def folder_skip_reason(name: str) -> SkipReason | None:
    """Why a scan does not enter a sub-folder of this name, or None to enter it."""
    lower = name.lower()
    if lower.startswith("."):
        return SkipReason.HIDDEN
    if lower in SYSTEM_FOLDERS:
        return SkipReason.SYSTEM
    if lower in SAMPLE_FOLDERS:
        return SkipReason.SAMPLE
    if lower in EXTRAS_FOLDERS:
        return SkipReason.EXTRAS
    return None


def partial_download(name: str) -> bool:
    """Whether a name is a video file still being downloaded ("Movie.mkv.!qB", "Movie.mkv.part")."""
    lower = name.lower()
    suffix = next((s for s in PARTIAL_SUFFIXES if lower.endswith(s)), None)
    return suffix is not None and is_video_name(name[: -len(suffix)])


def file_skip_reason(name: str) -> SkipReason | None:
    """Why a scan passes over this file though it is (or will be) a video, or None to take it.

    Names that are not videos at all (.nfo, .srt, .jpg) are neither taken nor reported.
    """
    if partial_download(name):
        return SkipReason.PARTIAL
    if not is_video_name(name):
        return None
    if name.startswith("."):
        return SkipReason.HIDDEN
    if _EXTRA_FILE_RE.search(name):
        return SkipReason.EXTRAS
    return None
