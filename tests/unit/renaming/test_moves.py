"""The file steps of a rename: never overwriting, and each step safe to repeat or take back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelarr.renaming.moves import RenameRefused, drop_old, link_new, remove_empty_subfolders, undo


def test_a_rename_gives_a_second_name_then_drops_the_first(tmp_path: Path) -> None:
    old, new = tmp_path / "old.mkv", tmp_path / "sub" / "new.mkv"
    old.write_bytes(b"film")
    link_new(str(old), str(new))
    assert old.read_bytes() == new.read_bytes() == b"film"
    drop_old(str(old), str(new))
    drop_old(str(old), str(new))  # repeated after a crash: harmless
    assert not old.exists()
    assert new.read_bytes() == b"film"


def test_a_taken_name_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    old, new = tmp_path / "old.mkv", tmp_path / "new.mkv"
    old.write_bytes(b"film")
    new.write_bytes(b"other")
    with pytest.raises(RenameRefused):
        link_new(str(old), str(new))
    assert old.read_bytes() == b"film"
    assert new.read_bytes() == b"other"


def test_undo_takes_back_only_the_second_name_of_the_same_file(tmp_path: Path) -> None:
    old, new, other = tmp_path / "old.mkv", tmp_path / "new.mkv", tmp_path / "other.mkv"
    old.write_bytes(b"film")
    link_new(str(old), str(new))
    undo(str(old), str(new))
    assert old.exists()
    assert not new.exists()
    other.write_bytes(b"other")
    undo(str(old), str(other))  # another file with the new name is never removed
    assert other.exists()


def test_drop_old_never_removes_a_different_file(tmp_path: Path) -> None:
    old, new = tmp_path / "old.mkv", tmp_path / "new.mkv"
    old.write_bytes(b"film")
    new.write_bytes(b"other")
    drop_old(str(old), str(new))
    assert old.exists()


def test_empty_subfolders_go_but_the_folder_stays(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "keep.srt").write_text("x")
    remove_empty_subfolders(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]
