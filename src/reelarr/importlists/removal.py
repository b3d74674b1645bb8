"""Taking a film off the library for the clean-up: its files go to the recycle bin, never straight away."""

from __future__ import annotations

import contextlib
import os

from reelarr.imports.transfer import retire


def recycle_folder(folder: str, recycle_bin: str) -> int:
    """Move every file under a film's folder into the recycle bin (under the folder's name), then remove
    the emptied folders; how many files moved. Nothing happens without a recycle bin."""
    if not recycle_bin or not os.path.isdir(folder):
        return 0
    name = os.path.basename(os.path.normpath(folder))
    moved = 0
    for current, _dirs, files in os.walk(folder, topdown=False):
        for file in files:
            if retire(os.path.join(current, file), recycle_bin, name) is not None:
                moved += 1
        with contextlib.suppress(OSError):  # not empty: a file that could not move stays where it was
            os.rmdir(current)
    return moved
