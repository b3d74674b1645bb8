"""A download's path that overlaps the library is never imported from, and its data never deleted.

A client that names a root folder, a film's folder or a folder holding the library as a download's
output (a misconfiguration, a wrong remote path mapping, or a client that lies) would have the
importer scan and move, or a removal delete, the library's own files as if they were downloaded.
Radarr only warns of a client saving into a root folder; Reelarr refuses such an import (with the
reason in the queue) and removes such a download from its client without its data. A download
folder inside a root folder but outside every film's folder (`/movies/downloads`) stays allowed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable


def _clean(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def library_overlap(path: str, root_folders: Iterable[str], movie_folders: Iterable[str]) -> str | None:
    """Why `path` cannot be a download's output (it overlaps the library), or None when it can."""
    if not os.path.isabs(path):
        return f"[{path}] is not a valid local path. You may need a Remote Path Mapping."
    output = _clean(path)
    if output == os.sep:
        return "Download path is the file system's root; check the download client"
    for root in root_folders:
        if _inside(_clean(root), output):
            return f"Download path '{path}' holds the root folder '{root}'; check the download client"
    for folder in movie_folders:
        film = _clean(folder)
        if _inside(output, film) or _inside(film, output):
            return f"Download path '{path}' overlaps the film folder '{folder}'; check the download client"
    return None
