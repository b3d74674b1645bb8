"""The ManualImport and DownloadedMoviesScan bodies as Radarr's clients send them, and the import modes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reelarr.imports.commands import DownloadedMoviesScanBody, ManualImportBody
from reelarr.imports.manual import ImportMode, ManualImportOutcome


def test_a_chosen_file_carries_the_persons_quality_languages_and_group() -> None:
    body = ManualImportBody.model_validate(
        {
            "files": [
                {
                    "path": "/downloads/a.mkv",
                    "movieId": 3,
                    "quality": {"quality": {"id": 7, "name": "Bluray-1080p"}, "revision": {"version": 2}},
                    "languages": [{"id": 1, "name": "English"}, {"id": 2, "name": "French"}],
                    "releaseGroup": "GRP",
                    "downloadId": "ABC",
                    "indexerFlags": 0,
                }
            ],
            "importMode": "Move",
        }
    )
    [chosen] = [f.chosen() for f in body.files]
    assert body.import_mode is ImportMode.MOVE
    assert chosen.quality is not None
    assert (chosen.quality.name, chosen.quality.revision.version) == ("Bluray-1080p", 2)
    assert [lang.name for lang in chosen.languages] == ["English", "French"]
    assert (chosen.release_group, chosen.download_id, chosen.movie_id) == ("GRP", "ABC", 3)


def test_unknown_alone_is_no_language_choice_and_empty_strings_no_choice() -> None:
    body = ManualImportBody.model_validate(
        {
            "files": [
                {
                    "path": "/d/a.mkv",
                    "movieId": 1,
                    "languages": [{"id": 0}],
                    "releaseGroup": "",
                    "downloadId": "",
                }
            ]
        }
    )
    chosen = body.files[0].chosen()
    assert (chosen.languages, chosen.release_group, chosen.download_id, chosen.quality) == (
        (),
        None,
        None,
        None,
    )
    assert body.import_mode is ImportMode.AUTO


@pytest.mark.parametrize(
    "file",
    [
        {"path": "/d/a.mkv", "movieId": 0},
        {"path": "/d/a.mkv", "movieId": 2**31},
        {"path": "/d/a.mkv", "movieId": 1, "quality": {"quality": {"id": 9999}}},
        {"path": "/d/a.mkv", "movieId": 1, "languages": [{"id": 99999}]},
        {"movieId": 1},
    ],
)
def test_a_file_the_service_cannot_take_is_refused_by_the_body(file: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ManualImportBody.model_validate({"files": [file]})


def test_a_scan_takes_radarrs_import_modes_in_any_case() -> None:
    body = DownloadedMoviesScanBody.model_validate(
        {"path": "/d/x", "downloadClientId": "h", "importMode": "COPY"}
    )
    assert (body.path, body.download_client_id, body.import_mode) == ("/d/x", "h", ImportMode.COPY)
    with pytest.raises(ValidationError):
        DownloadedMoviesScanBody.model_validate({"path": "/d/x", "importMode": "hardlink"})


@pytest.mark.parametrize(
    ("mode", "usual", "moves"),
    [
        (ImportMode.AUTO, True, True),
        (ImportMode.AUTO, False, False),
        (ImportMode.MOVE, False, True),
        (ImportMode.COPY, True, False),
    ],
)
def test_auto_is_the_downloads_usual_mode_and_the_others_say_what_they_do(
    mode: ImportMode, usual: bool, moves: bool
) -> None:
    assert mode.moves(usual) is moves


def test_the_outcome_says_how_many_went_in_and_why_the_others_did_not() -> None:
    outcome = ManualImportOutcome(("/d/a.mkv",), (("/d/b.mkv", "'/d/b.mkv' is not there to import"),))
    assert outcome.message == "Imported 1 of 2 file(s): b.mkv: '/d/b.mkv' is not there to import"
    assert ManualImportOutcome((), ()).message == "Imported 0 of 0 file(s)"
