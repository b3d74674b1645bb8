"""Extra files already beside a film's video, found when its folder is rescanned (Radarr's
ExistingExtraFileService): which files of the folder are extras, and how the records change."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from reelarr.extras.model import ExtraFile, ExtraFileType
from reelarr.extras.names import SUBTITLE_EXTENSIONS, extension_of, is_subtitle, subtitle_language
from reelarr.languages import UNKNOWN
from reelarr.mediafiles.exclusions import file_skip_reason, folder_skip_reason, is_video_name

NFO = ".nfo"


def recognised_extensions(wanted: frozenset[str]) -> frozenset[str]:
    """What a rescan records: every subtitle, .nfo files, and the user's `extraFileExtensions`."""
    return SUBTITLE_EXTENSIONS | {NFO} | wanted


def list_extra_files(folder: str, extensions: frozenset[str]) -> list[str]:
    """The relative paths of a film folder's files with these extensions, videos and the folders a
    scan passes over (hidden, extras, samples, system) left out (blocking)."""
    found: list[str] = []
    pending = [(folder, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            if directory == folder:
                raise
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if folder_skip_reason(entry.name) is None:
                        pending.append((entry.path, prefix + entry.name + "/"))
                    continue
                if not entry.is_file() or entry.name.startswith("."):
                    continue
            except OSError:
                continue
            name = entry.name
            if is_video_name(name) or file_skip_reason(name) is not None:
                continue
            if extension_of(name) in extensions:
                found.append(prefix + name)
    return sorted(found)


def extra_of(movie_id: int, movie_file_id: int | None, relative_path: str) -> ExtraFile:
    """An unsaved record of a file found beside a film's video: a subtitle with its language and tags
    from its name, or another file (.nfo included: the metadata files Reelarr writes are recorded
    as such when written, so a rescan finds them known)."""
    extension = os.path.splitext(relative_path)[1]
    if is_subtitle(relative_path):
        language, tags = subtitle_language(relative_path)
        kind = ExtraFileType.SUBTITLE
    else:
        language, tags = UNKNOWN, ()
        kind = ExtraFileType.OTHER
    return ExtraFile(
        id=0,
        movie_id=movie_id,
        movie_file_id=movie_file_id,
        relative_path=relative_path,
        extension=extension,
        type=kind,
        language=language,
        language_tags=tags,
    )


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """How a film's extra file records change after a rescan."""

    added: tuple[ExtraFile, ...]
    forgotten: tuple[int, ...]  # ids of records whose file is gone
    relinked: tuple[int, ...]  # ids of records to attach to the film's current video

    @property
    def changes(self) -> bool:
        """Whether anything changes."""
        return bool(self.added or self.forgotten or self.relinked)


def reconcile(
    movie_id: int, movie_file_id: int | None, on_disk: Sequence[str], recorded: Sequence[ExtraFile]
) -> Reconciliation:
    """Record the files on disk not yet recorded, forget records whose file is gone, and attach the
    rest to the film's current video. Without a video nothing new is recorded (extras go with one)."""
    present = set(on_disk)
    known = {extra.relative_path for extra in recorded}
    forgotten = tuple(e.id for e in recorded if e.relative_path not in present)
    relinked = tuple(
        e.id
        for e in recorded
        if e.relative_path in present and movie_file_id is not None and e.movie_file_id != movie_file_id
    )
    added: tuple[ExtraFile, ...] = ()
    if movie_file_id is not None:
        added = tuple(extra_of(movie_id, movie_file_id, path) for path in on_disk if path not in known)
    return Reconciliation(added, forgotten, relinked)
