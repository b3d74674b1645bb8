"""Script import: what a script's output says it did, and what it is told (Radarr's variables)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from reelarr.imports.script import (
    ScriptContext,
    ScriptDecision,
    adopt_script_output,
    decision_of,
    environment,
    undo_script,
)
from reelarr.imports.transfer import TransferMode, partial_path
from reelarr.languages import UNKNOWN, language_by_id
from reelarr.movies.file_rules import FileRecord
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.quality.revision import QualityModel


@pytest.mark.parametrize(
    ("lines", "decision"),
    [
        (["converting...", "[MoveStatus] CopyComplete"], ScriptDecision.COPY_COMPLETE),
        (["[MoveStatus]DeferMove"], ScriptDecision.DEFER_MOVE),
        (["[movestatus] renamerequested"], ScriptDecision.RENAME_REQUESTED),
        (["[MoveStatus] DeferMove", "[MoveStatus] MoveComplete"], ScriptDecision.MOVE_COMPLETE),
        (["done", "[MoveStatus] Whatever"], ScriptDecision.MOVE_COMPLETE),
        ([], ScriptDecision.MOVE_COMPLETE),  # Radarr's default: the script placed the file
    ],
)
def test_the_last_move_status_line_says_what_the_script_did(
    lines: list[str], decision: ScriptDecision
) -> None:
    assert decision_of(lines) is decision


def _movie() -> Movie:
    return Movie(
        id=7,
        tmdb_id=603,
        imdb_id="tt0133093",
        title="The Matrix",
        original_title="The Matrix",
        sort_title="matrix",
        clean_title="thematrix",
        year=1999,
        overview="A hacker learns.",
        runtime=136,
        tmdb_status="Released",
        original_language=language_by_id(1) or UNKNOWN,
        monitored=True,
        minimum_availability=MinimumAvailability.RELEASED,
        path="/movies/The Matrix (1999)",
        root_folder_path="/movies",
        quality_profile_id=4,
        added=datetime(2026, 1, 1),
        genres=("Action", "Science Fiction"),
        in_cinemas=date(1999, 3, 31),
    )


def test_the_script_is_told_radarrs_variables() -> None:
    record = FileRecord(
        relative_path="The Matrix (1999).mkv",
        size=1,
        quality=QualityModel(),
        languages=(),
        edition=None,
        release_group="GROUP",
        scene_name="The.Matrix.1999.1080p.BluRay.x264-GROUP",
        media_info=None,
    )
    context = ScriptContext(_movie(), record, TransferMode.MOVE, "SAB-1", "Sabnzbd", "SAB")
    variables = environment("/dl/a.mkv", "/movies/The Matrix (1999)/The Matrix (1999).mkv", context)
    assert variables["radarr_sourcepath"] == "/dl/a.mkv"
    assert variables["radarr_destinationpath"].endswith("The Matrix (1999).mkv")
    assert variables["radarr_movie_id"] == "7"
    assert variables["radarr_movie_imdbid"] == "tt0133093"
    assert variables["radarr_movie_genres"] == "Action|Science Fiction"
    assert variables["radarr_movie_in_cinemas_date"] == "1999-03-31"
    assert variables["radarr_transfermode"] == "Move"
    assert (variables["radarr_download_id"], variables["radarr_download_client"]) == ("SAB-1", "SAB")
    assert variables["radarr_moviefile_releasegroup"] == "GROUP"


def test_a_script_output_whose_source_is_gone_is_adopted_as_the_stage(tmp_path: Path) -> None:
    destination = tmp_path / "film.mkv"
    destination.write_bytes(b"film")
    assert adopt_script_output(str(tmp_path / "gone.mkv"), str(destination))
    assert Path(partial_path(str(destination))).read_bytes() == b"film"


def test_a_script_output_beside_its_source_is_undone(tmp_path: Path) -> None:
    source, destination = tmp_path / "source.mkv", tmp_path / "film.mkv"
    source.write_bytes(b"film")
    destination.write_bytes(b"film")
    assert not adopt_script_output(str(source), str(destination))
    undo_script(str(source), str(destination))
    assert (source.exists(), destination.exists()) == (True, False)
