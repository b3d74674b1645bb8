"""Emptying the recycle bin of what it kept long enough, on a real folder."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reelarr.mediamanagement.recycle_bin import clean_recycle_bin

NOW = datetime(2026, 12, 6, tzinfo=UTC)


def _kept(path: Path, days_ago: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"film")
    stamp = (NOW - timedelta(days=days_ago)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_old_files_go_with_the_folders_they_leave_empty(tmp_path: Path) -> None:
    old = _kept(tmp_path / "Old Film (1999)" / "old.mkv", days_ago=10)
    recent = _kept(tmp_path / "Recent Film (2020)" / "recent.mkv", days_ago=2)
    mixed_old = _kept(tmp_path / "Mixed (2001)" / "a.mkv", days_ago=30)
    mixed_new = _kept(tmp_path / "Mixed (2001)" / "b.mkv", days_ago=1)
    assert clean_recycle_bin(str(tmp_path), NOW - timedelta(days=7)) == 2
    assert not old.exists()
    assert not old.parent.exists()
    assert recent.exists()
    assert not mixed_old.exists()
    assert mixed_new.exists()
    assert tmp_path.exists()  # the bin itself stays


def test_an_empty_bin_is_left_as_it_is(tmp_path: Path) -> None:
    assert clean_recycle_bin(str(tmp_path), NOW) == 0
    assert tmp_path.exists()
