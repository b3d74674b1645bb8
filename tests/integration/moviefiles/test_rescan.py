"""Rescanning a movie's folder: the real file is found with its quality and media info, the right one of
several is kept, samples and extras are passed over, a vanished file loses its record, and nothing is
touched while the root folder is unreachable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reelarr.movies.files import RootFolderUnavailable, ScanOutcome
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, get_movie, place, run_command
from tests.integration.movies.conftest import Library

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"


@pytest.fixture
def matrix_folder(library: Library) -> Path:
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    # Another film in the root, so that the root folder is not empty when this one's folder goes.
    (library.root / "Other Film (2000)").mkdir()
    return folder


async def test_rescan_finds_the_real_file_with_quality_and_media_info(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    path = place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    movie = await add_movie(library, 603, matrix_folder)

    found = await get_movie(library, movie["id"])

    assert found["hasFile"] is True
    assert found["sizeOnDisk"] == path.stat().st_size
    assert found["statistics"] == {
        "movieFileCount": 1,
        "sizeOnDisk": path.stat().st_size,
        "releaseGroups": ["GRP"],
    }
    file = found["movieFile"]
    assert file["id"] == found["movieFileId"]
    assert file["relativePath"] == RELEASE
    assert file["path"] == str(path)
    assert file["size"] == path.stat().st_size
    assert file["sceneName"] == RELEASE.removesuffix(".mkv")
    assert file["releaseGroup"] == "GRP"
    assert file["quality"]["quality"]["name"] == "Bluray-1080p"
    assert file["quality"]["quality"]["resolution"] == 1080
    assert file["languages"] == [{"id": 1, "name": "English"}]
    info = file["mediaInfo"]
    assert info["resolution"] == "1920x1080"
    assert info["videoCodec"] == "x264"
    assert info["runTime"] == "1:30:00"
    assert info["videoDynamicRange"] == ""


async def test_quality_comes_from_media_info_when_the_name_is_wrong(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The.Matrix.1999.720p.BluRay.x264-GRP.mkv")
    movie = await add_movie(library, 603, matrix_folder)

    file = (await get_movie(library, movie["id"]))["movieFile"]

    assert file["quality"]["quality"]["name"] == "Bluray-1080p"


async def test_of_two_candidates_the_better_quality_is_kept(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The.Matrix.1999.DVDRip.x264-AAA.mkv")
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The.Matrix.1999.1080p.BluRay.x264-ZZZ.mkv")
    movie = await add_movie(library, 603, matrix_folder)

    file = (await get_movie(library, movie["id"]))["movieFile"]

    assert file["relativePath"] == "The.Matrix.1999.1080p.BluRay.x264-ZZZ.mkv"
    assert file["releaseGroup"] == "ZZZ"


async def test_samples_extras_and_trailers_are_passed_over(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The Matrix (1999).mkv")
    # Each of these would win on size or name order if it were taken for the film.
    place(sample_media, MediaKind.SAMPLE_CLIP, matrix_folder, "matrix-clip.mkv")
    place(sample_media, MediaKind.SAMPLE_CLIP, matrix_folder, "Sample/the.matrix.1999.sample.mkv")
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "Extras/A Making Of.mkv")
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "Featurettes/A Look Back.mkv")
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The Matrix (1999)-trailer.mkv")
    movie = await add_movie(library, 603, matrix_folder)

    file = (await get_movie(library, movie["id"]))["movieFile"]

    assert file["relativePath"] == "The Matrix (1999).mkv"


async def test_a_file_gone_from_disk_loses_its_record(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    path = place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    movie = await add_movie(library, 603, matrix_folder)
    assert (await get_movie(library, movie["id"]))["hasFile"] is True

    path.unlink()
    result = await library.server.services.movie_files.rescan(movie["id"])

    assert result.outcome is ScanOutcome.REMOVED
    found = await get_movie(library, movie["id"])
    assert found["hasFile"] is False
    assert "movieFile" not in found
    assert found["sizeOnDisk"] == 0


async def test_a_vanished_movie_folder_drops_the_record(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    movie = await add_movie(library, 603, matrix_folder)

    shutil.rmtree(matrix_folder)
    await library.server.services.movie_files.rescan(movie["id"])

    assert (await get_movie(library, movie["id"]))["hasFile"] is False


async def test_a_replaced_file_is_recorded_in_place_of_the_vanished_one(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    old = place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    movie = await add_movie(library, 603, matrix_folder)

    old.unlink()
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The.Matrix.1999.2160p.WEB-DL.x264-NEW.mkv")
    result = await library.server.services.movie_files.rescan(movie["id"])

    assert result.outcome is ScanOutcome.REPLACED
    file = (await get_movie(library, movie["id"]))["movieFile"]
    assert file["relativePath"] == "The.Matrix.1999.2160p.WEB-DL.x264-NEW.mkv"
    assert file["releaseGroup"] == "NEW"


async def test_the_recorded_file_is_kept_while_it_exists(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, "The.Matrix.1999.DVDRip.x264-OLD.mkv")
    movie = await add_movie(library, 603, matrix_folder)
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)

    result = await library.server.services.movie_files.rescan(movie["id"])

    assert result.outcome is ScanOutcome.UNCHANGED
    assert result.file is not None
    assert result.file.release_group == "OLD"


@pytest.mark.parametrize("how", ["missing", "empty"])
async def test_an_unreachable_root_folder_changes_nothing(
    library: Library, sample_media: SampleMedia, matrix_folder: Path, tmp_path: Path, how: str
) -> None:
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    movie = await add_movie(library, 603, matrix_folder)
    before = (await get_movie(library, movie["id"]))["movieFile"]
    away = tmp_path / "unmounted"
    if how == "missing":
        os.rename(library.root, away)
    else:
        away.mkdir()
        for entry in library.root.iterdir():
            os.rename(entry, away / entry.name)
    try:
        with pytest.raises(RootFolderUnavailable, match="nothing was changed"):
            await library.server.services.movie_files.rescan(movie["id"])
        command = await run_command(library, {"name": "RescanMovie", "movieId": movie["id"]})
        assert command["status"] == "failed"
        assert str(library.root) in (command.get("message") or command.get("exception") or "")
        command = await run_command(library, {"name": "RescanMovie"})
        assert command["status"] == "completed"
        assert (await get_movie(library, movie["id"]))["movieFile"] == before
    finally:
        if how == "missing":
            os.rename(away, library.root)


async def test_rescan_movie_command_as_bazarr_sends_it(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    movie = await add_movie(library, 603, matrix_folder)
    assert (await get_movie(library, movie["id"]))["hasFile"] is False
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)

    command = await run_command(library, {"name": "RescanMovie", "movieId": movie["id"]})

    assert command["status"] == "completed", command
    assert command["body"]["movieId"] == movie["id"]
    assert (await get_movie(library, movie["id"]))["movieFile"]["relativePath"] == RELEASE


async def test_rescan_of_every_movie(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    matrix = await add_movie(library, 603, matrix_folder)
    fight_club_folder = library.root / "Fight Club (1999)"
    fight_club_folder.mkdir()
    fight_club = await add_movie(library, 550, fight_club_folder)
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)
    place(
        sample_media, MediaKind.FEATURE_90MIN, fight_club_folder, "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv"
    )

    command = await run_command(library, {"name": "RescanMovie"})

    assert command["status"] == "completed", command
    assert (await get_movie(library, matrix["id"]))["hasFile"] is True
    assert (await get_movie(library, fight_club["id"]))["hasFile"] is True


async def test_refresh_movie_rescans_too(
    library: Library, sample_media: SampleMedia, matrix_folder: Path
) -> None:
    movie = await add_movie(library, 603, matrix_folder)
    place(sample_media, MediaKind.FEATURE_90MIN, matrix_folder, RELEASE)

    command = await run_command(library, {"name": "RefreshMovie", "movieIds": [movie["id"]]})

    assert command["status"] == "completed", command
    assert (await get_movie(library, movie["id"]))["hasFile"] is True
