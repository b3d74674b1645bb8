"""Folders the media management options create or remove (blocking; run in a thread): a film's
empty folder, and a download's folder once its film was moved out of it."""

from __future__ import annotations

import logging
import os
import shutil

from reelarr.mediafiles.exclusions import is_video_name
from reelarr.mediafiles.samples import detect_sample

log = logging.getLogger(__name__)

LARGE_RAR = 10 * 1024 * 1024  # a bigger .rar may hold the film: Radarr leaves its folder for a person


def has_no_files(folder: str) -> bool:
    """Whether a folder holds no file at any depth (empty sub-folders do not count)."""
    return all(not files for _root, _folders, files in os.walk(folder))


def remove_if_empty(folder: str) -> bool:
    """Remove a film's folder that holds no file (Radarr's deleteEmptyFolders); whether it went."""
    if not os.path.isdir(folder) or not has_no_files(folder):
        return False
    shutil.rmtree(folder)
    log.info("Deleted the empty movie folder %s", folder)
    return True


def worthless_leftovers(folder: str) -> bool:
    """Whether what is left in a download's folder after its film was moved out is of no value
    (Radarr's ShouldDeleteFolder): no video but samples, and no .rar over 10 MB."""
    try:
        for root, _folders, files in os.walk(folder, onerror=_raise):
            for name in files:
                path = os.path.join(root, name)
                if is_video_name(name) and not detect_sample(name, None).is_sample:
                    log.warning("Non-sample file left in %s: %s", folder, name)
                    return False
                if name.lower().endswith(".rar") and os.path.getsize(path) > LARGE_RAR:
                    log.warning("RAR file left in %s, it needs a manual clean-up: %s", folder, name)
                    return False
    except OSError:
        return False
    return True


def remove_download_folder(folder: str, protected: tuple[str, ...]) -> bool:
    """Remove a moved download's folder when nothing of value is left in it; never a folder that is
    or holds one of `protected` (root folders, film folders). Whether it went."""
    full = os.path.realpath(folder)
    if not os.path.isdir(full) or any(_holds(full, os.path.realpath(p)) for p in protected if p):
        return False
    if not worthless_leftovers(full):
        return False
    shutil.rmtree(full)
    log.info("Deleted the download folder %s after importing from it", folder)
    return True


def create_movie_folder(folder: str) -> bool:
    """Create a film's missing folder (Radarr's createEmptyMovieFolders); whether it was created."""
    if os.path.isdir(folder):
        return False
    os.makedirs(folder)
    log.info("Created the missing movie folder %s", folder)
    return True


def _holds(folder: str, path: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _raise(error: OSError) -> None:
    raise error
