"""Which files of a download go with its video as extras (blocking; run in a thread)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from reelarr.extras.model import ExtraFileType
from reelarr.extras.names import belongs_to, extension_of, is_subtitle
from reelarr.mediafiles.exclusions import is_video_name
from reelarr.mediafiles.samples import named_as_sample


@dataclass(frozen=True, slots=True)
class FoundExtra:
    """A file of a download to carry into the library beside the video."""

    path: str
    type: ExtraFileType


def _files(folder: str, recursive: bool) -> list[str]:
    if not recursive:
        with os.scandir(folder) as entries:
            return sorted(entry.path for entry in entries if entry.is_file(follow_symlinks=False))
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(os.path.join(parent, name) for name in names)
    return sorted(found)


def find_extras(video: str, wanted: frozenset[str], recursive: bool) -> list[FoundExtra]:
    """The files beside `video` with a wanted extension that belong to it (Radarr's ExtraService).

    Subtitles and other files whose name starts with the video's go with it; when none does, every
    subtitle goes with a video that is the folder's only one (samples aside). One .nfo at most.
    """
    if not wanted:
        return []
    try:
        files = _files(os.path.dirname(video), recursive)
    except OSError:
        return []
    candidates = [f for f in files if f != video and extension_of(f) in wanted]
    subtitles = [f for f in candidates if is_subtitle(f)]
    chosen_subtitles = [f for f in subtitles if belongs_to(video, f)]
    if not chosen_subtitles and subtitles:
        # The video itself may be gone already (moved into the library).
        videos = {f for f in files if is_video_name(f) and not named_as_sample(os.path.basename(f))} | {video}
        if len(videos) == 1:
            chosen_subtitles = subtitles
    found = [FoundExtra(path, ExtraFileType.SUBTITLE) for path in chosen_subtitles]
    has_nfo = False
    for path in candidates:
        if is_subtitle(path) or not belongs_to(video, path):
            continue
        if extension_of(path) == ".nfo":
            if has_nfo:
                continue
            has_nfo = True
        found.append(FoundExtra(path, ExtraFileType.OTHER))
    return found
