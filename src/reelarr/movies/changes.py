"""Changes to movies a client asks for, and the folder rules they must keep when several change at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reelarr.errors import ValidationFailure
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.movies.paths import movie_path_failures, normalise, root_folder_of
from reelarr.movies.tables import MovieRow


@dataclass(frozen=True, slots=True)
class MovieChanges:
    """What a client may change on a movie; None leaves a setting as it is."""

    monitored: bool | None = None
    minimum_availability: MinimumAvailability | None = None
    quality_profile_id: int | None = None
    path: str | None = None
    root_folder_path: str | None = None
    tags: tuple[int, ...] | None = None


Edit = tuple[int, MovieChanges]


def new_paths(edits: Sequence[Edit], current: Mapping[int, Movie]) -> dict[int, str]:
    """Where each edited movie's folder will be (its current one when the edit keeps it)."""
    return {
        movie_id: normalise(changes.path) if changes.path else current[movie_id].path
        for movie_id, changes in edits
    }


def path_failures(
    edits: Sequence[Edit],
    current: Mapping[int, Movie],
    *,
    library_paths: Iterable[str],
    root_folders: Sequence[str],
) -> list[ValidationFailure]:
    """What is wrong with the folders the edits move movies to, against the rest of the library
    and against each other (two films of one edit cannot share a folder)."""
    planned = new_paths(edits, current)
    edited = {current[movie_id].path for movie_id in planned}
    untouched = [path for path in library_paths if path not in edited]
    failures: list[ValidationFailure] = []
    for movie_id, path in planned.items():
        if path == current[movie_id].path:
            continue
        others = untouched + [p for other_id, p in planned.items() if other_id != movie_id]
        failures.extend(movie_path_failures(path, root_folders=root_folders, other_movie_paths=others))
    return failures


def apply_changes(row: MovieRow, changes: MovieChanges, path: str, root_folders: Sequence[str]) -> None:
    """Write a checked change onto a movie's row."""
    if changes.monitored is not None:
        row.monitored = changes.monitored
    if changes.minimum_availability is not None:
        row.minimum_availability = changes.minimum_availability
    if changes.quality_profile_id is not None:
        row.quality_profile_id = changes.quality_profile_id
    if changes.tags is not None:
        row.tags = sorted(set(changes.tags))
    row.path = path
    row.root_folder_path = root_folder_of(path, root_folders) or row.root_folder_path
