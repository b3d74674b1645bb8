"""Extra files already beside a film's video, found when its folder is rescanned (Radarr's
ExistingExtraFileService): which files of the folder are extras, and how the records change."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
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


def extra_of(
    movie_id: int, movie_file_id: int | None, relative_path: str, writer: str | None = None
) -> ExtraFile:
    """An unsaved record of a file found beside a film's video: a metadata file of the writer named,
    a subtitle with its language and tags from its name, or another file."""
    extension = os.path.splitext(relative_path)[1]
    if writer is not None:
        return ExtraFile(
            id=0,
            movie_id=movie_id,
            movie_file_id=movie_file_id,
            relative_path=relative_path,
            extension=extension,
            type=ExtraFileType.METADATA,
            language=UNKNOWN,
            title=writer,  # a metadata file's title names its writer (Radarr's Consumer)
        )
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
    # Records of "other" files found to be a metadata writer's, by id, with the writer's name.
    claimed: tuple[tuple[int, str], ...] = ()

    @property
    def changes(self) -> bool:
        """Whether anything changes."""
        return bool(self.added or self.forgotten or self.relinked or self.claimed)


def unclaimed(recorded: Sequence[ExtraFile]) -> set[str]:
    """The recorded paths a metadata writer might still claim: files recorded as a user's other files
    (before Reelarr recognised writers' files, or under a writer's name it did not know then)."""
    return {e.relative_path for e in recorded if e.type is ExtraFileType.OTHER and not e.title}


def reconcile(
    movie_id: int,
    movie_file_id: int | None,
    on_disk: Sequence[str],
    recorded: Sequence[ExtraFile],
    *,
    extensions: frozenset[str] | None = None,
    writers: Mapping[str, str] | None = None,
) -> Reconciliation:
    """Record the files on disk not yet recorded, forget records whose file is gone, and attach the
    rest to the film's current video. Without a video nothing new is recorded (extras go with one).

    `writers` names the metadata writer of each file on disk that is one's (recorded as metadata);
    of the others only those with one of `extensions` (all, when None) are recorded."""
    writers = writers or {}
    present = set(on_disk)
    known = {extra.relative_path for extra in recorded}
    forgotten = tuple(e.id for e in recorded if e.relative_path not in present)
    relinked = tuple(
        e.id
        for e in recorded
        if e.relative_path in present and movie_file_id is not None and e.movie_file_id != movie_file_id
    )
    claimable = unclaimed(recorded)
    claimed = tuple(
        (e.id, writers[e.relative_path])
        for e in recorded
        if e.relative_path in claimable and e.relative_path in writers and e.relative_path in present
    )
    added: tuple[ExtraFile, ...] = ()
    if movie_file_id is not None:
        added = tuple(
            extra_of(movie_id, movie_file_id, path, writers.get(path))
            for path in on_disk
            if path not in known
            and (path in writers or extensions is None or extension_of(path) in extensions)
        )
    return Reconciliation(added, forgotten, relinked, claimed)
