"""Script import (Radarr's ImportScriptService): the user's script places the file instead of the
transfer, told what it places by Radarr's `radarr_*` environment variables and its two arguments
(source, destination), and says what it did on a `[MoveStatus]` line of its output. Blocking.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reelarr.imports.transfer import TransferError, TransferMode, partial_path, stage
from reelarr.movies.file_rules import FileRecord
from reelarr.movies.model import Movie

log = logging.getLogger(__name__)

_STATUS = re.compile(r"^\[MoveStatus\]\s*(?P<status>\w+)\s*$", re.IGNORECASE)
_TRANSFER_MODES = {
    TransferMode.MOVE: "Move",
    TransferMode.COPY: "Copy",
    TransferMode.HARDLINK_OR_COPY: "HardLinkOrCopy",
}


class ScriptDecision(StrEnum):
    """What the script says it did (Radarr's ScriptImportDecision)."""

    MOVE_COMPLETE = "MoveComplete"  # the file is at the destination, the source dealt with by the script
    COPY_COMPLETE = "CopyComplete"  # the file is at the destination, the source left where it was
    RENAME_REQUESTED = "RenameRequested"  # at the destination, to be named again (by RenameFiles)
    DEFER_MOVE = "DeferMove"  # nothing done: the usual transfer places the file


@dataclass(frozen=True, slots=True)
class ScriptContext:
    """What the script is told of the import besides its two paths."""

    movie: Movie
    record: FileRecord
    mode: TransferMode
    download_id: str | None
    client: str
    client_name: str


def decision_of(lines: list[str]) -> ScriptDecision:
    """The last `[MoveStatus]` line's decision; MoveComplete when there is none (Radarr's default)."""
    decision = ScriptDecision.MOVE_COMPLETE
    known = {d.value.casefold(): d for d in ScriptDecision}
    for line in lines:
        match = _STATUS.match(line.strip())
        if match and match["status"].casefold() in known:
            decision = known[match["status"].casefold()]
    return decision


def environment(source: str, destination: str, context: ScriptContext) -> dict[str, str]:
    """Radarr's `radarr_*` variables for one script import."""
    movie, record = context.movie, context.record
    return {
        "radarr_sourcepath": source,
        "radarr_destinationpath": destination,
        "radarr_instancename": "Reelarr",
        "radarr_transfermode": _TRANSFER_MODES[context.mode],
        "radarr_movie_id": str(movie.id),
        "radarr_movie_title": movie.title,
        "radarr_movie_year": str(movie.year),
        "radarr_movie_path": movie.path,
        "radarr_movie_imdbid": movie.imdb_id or "",
        "radarr_movie_tmdbid": str(movie.tmdb_id),
        "radarr_movie_overview": movie.overview,
        "radarr_movie_genres": "|".join(movie.genres),
        "radarr_movie_tags": "|".join(str(tag) for tag in movie.tags),
        "radarr_movie_in_cinemas_date": _day(movie.in_cinemas),
        "radarr_movie_physical_release_date": _day(movie.physical_release),
        "radarr_movie_digital_release_date": _day(movie.digital_release),
        "radarr_moviefile_relativepath": record.relative_path,
        "radarr_moviefile_path": destination,
        "radarr_moviefile_quality": record.quality.name,
        "radarr_moviefile_qualityversion": str(record.quality.revision.version),
        "radarr_moviefile_releasegroup": record.release_group or "",
        "radarr_moviefile_scenename": record.scene_name or "",
        "radarr_download_client": context.client_name,
        "radarr_download_client_type": context.client,
        "radarr_download_id": context.download_id or "",
    }


def run_script(script: str, source: str, destination: str, context: ScriptContext) -> ScriptDecision:
    """Run the import script; what it did. A failing script (or none at the path) is a TransferError."""
    variables = environment(source, destination, context)
    try:
        done = subprocess.run(  # noqa: S603 - the user's own script, as Radarr runs it
            [script, source, destination],
            env={**os.environ, **variables},
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise TransferError(
            f"Unable to run the import script '{script}': {error.strerror or error}"
        ) from error
    lines = done.stdout.splitlines()
    log.debug("Import script %s said: %s", script, " | ".join(lines))
    if done.returncode != 0:
        raise TransferError(f"Script exited with non-zero exit code: {done.returncode}")
    decision = decision_of(lines)
    if decision is not ScriptDecision.DEFER_MOVE and not os.path.isfile(destination):
        raise TransferError(f"The import script said {decision.value} but '{destination}' is not there")
    return decision


def place_by_script(
    script: str, source: str, destination: str, context: ScriptContext
) -> tuple[bool, TransferMode]:
    """Stage a file through the import script (the usual transfer when it defers): whether it was
    hard-linked, and the mode the rest of the import follows (a script's file is its own: the import
    never removes the source of a file the script placed)."""
    os.makedirs(os.path.dirname(destination), exist_ok=True)  # the film's folder, as Radarr ensures it
    decision = run_script(script, source, destination, context)
    if decision is ScriptDecision.DEFER_MOVE:
        return stage(source, destination, context.mode), context.mode
    if decision is ScriptDecision.RENAME_REQUESTED:
        log.info("The import script asked for %s to be renamed: RenameFiles will name it", destination)
    os.rename(destination, partial_path(destination))  # the script's file becomes the stage
    return False, TransferMode.COPY


def adopt_script_output(source: str, destination: str) -> bool:
    """After a crash mid-way through a script import: whether the script's file is the only copy (its
    source gone), made the stage if it was not yet; then the import is finished, not undone."""
    if os.path.exists(source):
        return False
    partial = partial_path(destination)
    if os.path.isfile(partial):
        return True
    if os.path.isfile(destination):
        os.rename(destination, partial)
        return True
    return False


def undo_script(source: str, destination: str) -> None:
    """Drop what an unfinished script import left at the destination, while the source is still there
    (were it gone, the destination is the only copy and stays)."""
    if os.path.isfile(source) and os.path.isfile(destination):
        os.unlink(destination)


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""
