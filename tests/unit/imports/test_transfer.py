"""The transfer's steps on a real file system: staging, committing, moving, retiring, undoing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reelarr.imports.transfer import (
    TransferError,
    TransferMode,
    commit,
    partial_path,
    release_source,
    retire,
    stage,
    undo_staging,
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "Movie.2020.1080p.mkv"
    path.parent.mkdir()
    path.write_bytes(b"film" * 1000)
    return path


def _destination(tmp_path: Path) -> str:
    return str(tmp_path / "library" / "Movie (2020)" / "Movie (2020).mkv")


def test_a_torrent_is_hard_linked_and_the_source_stays(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    assert stage(str(source), destination, TransferMode.HARDLINK_OR_COPY) is True
    assert not os.path.exists(destination)  # staged only: the final name comes with the commit
    commit(destination)
    assert os.path.samefile(destination, source)
    assert not os.path.exists(partial_path(destination))


def test_a_copy_is_a_separate_file_with_the_same_bytes(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    assert stage(str(source), destination, TransferMode.COPY) is False
    commit(destination)
    assert Path(destination).read_bytes() == source.read_bytes()
    assert not os.path.samefile(destination, source)


def test_a_move_removes_the_source_only_after_the_commit(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    stage(str(source), destination, TransferMode.MOVE)
    assert source.exists()
    commit(destination)
    release_source(str(source), destination)
    assert not source.exists()
    assert Path(destination).read_bytes() == b"film" * 1000


def test_a_commit_never_overwrites_another_file(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    stage(str(source), destination, TransferMode.COPY)
    Path(destination).write_bytes(b"someone else's")
    with pytest.raises(TransferError, match="already exists"):
        commit(destination)
    assert Path(destination).read_bytes() == b"someone else's"


def test_committing_twice_is_harmless(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    stage(str(source), destination, TransferMode.HARDLINK_OR_COPY)
    commit(destination)
    commit(destination)  # a recovery repeating the step finds it done
    assert os.path.samefile(destination, source)


def test_a_source_that_does_not_match_its_copy_is_kept(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    stage(str(source), destination, TransferMode.COPY)
    commit(destination)
    source.write_bytes(b"changed meanwhile")
    with pytest.raises(TransferError, match="source is kept"):
        release_source(str(source), destination)
    assert source.exists()


def test_a_missing_source_is_an_error_and_leaves_nothing(tmp_path: Path) -> None:
    destination = _destination(tmp_path)
    with pytest.raises(TransferError, match="not there"):
        stage(str(tmp_path / "gone.mkv"), destination, TransferMode.COPY)
    assert not os.path.exists(partial_path(destination))


def test_an_unfinished_stage_is_undone(tmp_path: Path, source: Path) -> None:
    destination = _destination(tmp_path)
    stage(str(source), destination, TransferMode.COPY)
    undo_staging(destination)
    assert not os.path.exists(partial_path(destination))
    assert source.exists()


def test_a_retired_file_goes_to_the_recycle_bin_under_its_film(tmp_path: Path, source: Path) -> None:
    recycle = tmp_path / "recycle"
    recycle.mkdir()
    (recycle / "Movie (2020)").mkdir()
    (recycle / "Movie (2020)" / source.name).write_bytes(b"an older one")
    kept = retire(str(source), str(recycle), "Movie (2020)")
    assert kept == str(recycle / "Movie (2020)" / "Movie.2020.1080p (2).mkv")
    assert Path(kept).read_bytes() == b"film" * 1000
    assert not source.exists()


def test_without_a_recycle_bin_a_retired_file_is_deleted(source: Path) -> None:
    assert retire(str(source), "", "Movie (2020)") is None
    assert not source.exists()
