"""Which folders the media management options create or remove, on real folders."""

from __future__ import annotations

from pathlib import Path

from reelarr.mediamanagement.folders import (
    create_movie_folder,
    remove_download_folder,
    remove_if_empty,
    worthless_leftovers,
)


def _file(path: Path, size: int = 4) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


def test_a_film_folder_with_only_empty_folders_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "The Matrix (1999)"
    (folder / "Subs").mkdir(parents=True)
    assert remove_if_empty(str(folder))
    assert not folder.exists()


def test_a_film_folder_with_any_file_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "The Matrix (1999)"
    _file(folder / "movie.nfo")
    assert not remove_if_empty(str(folder))
    assert folder.exists()


def test_a_download_left_with_samples_and_small_files_is_worthless(tmp_path: Path) -> None:
    _file(tmp_path / "Sample" / "the.matrix.1999.sample.mkv")
    _file(tmp_path / "the.matrix.1999.nfo")
    _file(tmp_path / "the.matrix.1999.rar", 1024)
    assert worthless_leftovers(str(tmp_path))


def test_a_download_left_with_a_video_is_kept(tmp_path: Path) -> None:
    _file(tmp_path / "The.Matrix.Reloaded.2003.1080p.BluRay.x264-GRP.mkv")
    assert not worthless_leftovers(str(tmp_path))


def test_a_download_left_with_a_large_rar_is_kept(tmp_path: Path) -> None:
    _file(tmp_path / "the.matrix.1999.rar", 11 * 1024 * 1024)
    assert not worthless_leftovers(str(tmp_path))


def test_a_worthless_download_folder_is_removed(tmp_path: Path) -> None:
    download = tmp_path / "downloads" / "The.Matrix.1999.1080p.BluRay.x264-GRP"
    _file(download / "the.matrix.1999.nfo")
    assert remove_download_folder(str(download), (str(tmp_path / "movies"),))
    assert not download.exists()
    assert download.parent.exists()


def test_a_download_folder_holding_the_library_is_never_removed(tmp_path: Path) -> None:
    library = tmp_path / "downloads" / "movies"
    library.mkdir(parents=True)
    assert not remove_download_folder(str(tmp_path / "downloads"), (str(library),))
    assert not remove_download_folder(str(library), (str(library),))
    assert library.exists()


def test_a_missing_film_folder_is_created_once(tmp_path: Path) -> None:
    folder = tmp_path / "The Matrix (1999)"
    assert create_movie_folder(str(folder))
    assert folder.is_dir()
    assert not create_movie_folder(str(folder))
