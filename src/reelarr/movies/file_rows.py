"""Movie file rows: made from what a rescan found, changed as the user asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reelarr.languages import Language
from reelarr.movies.file_rules import FileRecord, restored_media_info, stored_media_info
from reelarr.movies.repository import quality_to_json
from reelarr.movies.tables import MovieFileRow
from reelarr.parsing import is_scene_title
from reelarr.quality.revision import QualityModel


@dataclass(frozen=True, slots=True)
class FileChanges:
    """What a user may change on a movie file; None leaves a field as it is."""

    quality: QualityModel | None = None
    languages: tuple[Language, ...] | None = None
    edition: str | None = None
    release_group: str | None = None
    scene_name: str | None = None
    indexer_flags: int | None = None


def new_file_row(movie_id: int, record: FileRecord, now: datetime) -> MovieFileRow:
    """The row of a file a rescan found."""
    return MovieFileRow(
        movie_id=movie_id,
        relative_path=record.relative_path,
        size=record.size,
        date_added=now,
        scene_name=record.scene_name,
        release_group=record.release_group,
        edition=record.edition,
        quality=quality_to_json(record.quality),
        languages=[language.id for language in record.languages],
        media_info=(
            stored_media_info(record.media_info, record.scene_name, current=record.media_info_read_here)
            if record.media_info is not None
            else None
        ),
        original_file_path=None,
        indexer_flags=record.indexer_flags,
    )


def apply_changes(row: MovieFileRow, change: FileChanges) -> None:
    """Apply a user's changes to a file's row (a scene name only when it is one)."""
    if change.quality is not None:
        row.quality = quality_to_json(change.quality)
    if change.languages is not None:
        row.languages = list(dict.fromkeys(language.id for language in change.languages))
    if change.edition is not None:
        row.edition = change.edition or None
    if change.release_group is not None:
        row.release_group = change.release_group or None
    if change.scene_name is not None and is_scene_title(change.scene_name):
        row.scene_name = change.scene_name
        if row.media_info:
            # The scene name picks labels such as x264 or h264.
            row.media_info = restored_media_info(row.media_info, row.scene_name)
    if change.indexer_flags is not None:
        row.indexer_flags = change.indexer_flags
