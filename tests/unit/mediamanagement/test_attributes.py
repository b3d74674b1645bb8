"""The date and permissions an imported file is given, on real files in a temporary folder."""

from __future__ import annotations

import grp
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reelarr.mediamanagement.attributes import (
    FileAttributes,
    attributes_of,
    file_date,
    parse_mode,
    set_file_date,
    set_permissions,
    settle_attributes,
)
from reelarr.mediamanagement.config import MediaManagementConfig

CINEMAS, PHYSICAL, DIGITAL = date(1999, 3, 31), date(1999, 9, 21), date(1999, 9, 1)


@pytest.mark.parametrize(
    ("setting", "physical", "expected"),
    [
        ("none", PHYSICAL, None),
        ("cinemas", PHYSICAL, CINEMAS),
        ("release", PHYSICAL, PHYSICAL),
        ("release", None, DIGITAL),  # no physical release: the digital one
    ],
)
def test_the_file_date_follows_the_option(setting: str, physical: date | None, expected: date | None) -> None:
    assert file_date(setting, CINEMAS, physical, DIGITAL) == expected


def test_a_film_without_the_date_leaves_the_file_date_alone() -> None:
    assert file_date("cinemas", None, PHYSICAL, DIGITAL) is None


def test_the_file_gets_midnight_utc_of_the_date(tmp_path: Path) -> None:
    film = tmp_path / "film.mkv"
    film.write_bytes(b"film")
    set_file_date(str(film), CINEMAS)
    assert film.stat().st_mtime == datetime(1999, 3, 31, tzinfo=UTC).timestamp()


def test_a_date_before_1970_becomes_the_epoch(tmp_path: Path) -> None:
    film = tmp_path / "metropolis.mkv"
    film.write_bytes(b"film")
    set_file_date(str(film), date(1927, 1, 10))
    assert film.stat().st_mtime == 0


@pytest.mark.parametrize(("text", "mode"), [("755", 0o755), ("0775", 0o775), ("75", None), ("789", None)])
def test_a_mode_is_three_or_four_octal_digits(text: str, mode: int | None) -> None:
    assert parse_mode(text) == mode


def test_a_file_gets_the_folder_mode_without_execute_bits(tmp_path: Path) -> None:
    film = tmp_path / "film.mkv"
    film.write_bytes(b"film")
    set_permissions(str(film), 0o775, "")
    set_permissions(str(tmp_path), 0o775, "")
    assert stat.S_IMODE(film.stat().st_mode) == 0o664
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o775


def _another_group(current: int) -> str:
    """A group the file may be given other than its own: any for root, else one of the user's."""
    mine = {g.gr_gid for g in grp.getgrall()} if os.geteuid() == 0 else {*os.getgroups(), os.getegid()}
    others = sorted(mine - {current})
    if not others:
        pytest.skip("the user belongs to a single group")
    return grp.getgrgid(others[0]).gr_name


def test_the_group_is_changed_to_one_of_the_users_groups(tmp_path: Path) -> None:
    film = tmp_path / "film.mkv"
    film.write_bytes(b"film")
    group = _another_group(film.stat().st_gid)
    set_permissions(str(film), 0o755, group)
    assert film.stat().st_gid == grp.getgrnam(group).gr_gid


def test_an_unknown_group_leaves_the_group_as_it_is(tmp_path: Path) -> None:
    film = tmp_path / "film.mkv"
    film.write_bytes(b"film")
    before = film.stat().st_gid
    set_permissions(str(film), 0o755, "no-such-group-reelarr")
    assert film.stat().st_gid == before
    assert stat.S_IMODE(film.stat().st_mode) == 0o644


def test_the_options_say_what_a_file_gets() -> None:
    config = MediaManagementConfig(file_date="release", set_permissions_linux=True, chmod_folder="750")
    assert attributes_of(config, CINEMAS, None, DIGITAL) == FileAttributes(DIGITAL, 0o750, "")
    assert attributes_of(MediaManagementConfig(chown_group="media"), CINEMAS, None, None) == FileAttributes()


def test_settling_a_vanished_file_is_only_logged(tmp_path: Path) -> None:
    settle_attributes(str(tmp_path / "gone.mkv"), str(tmp_path), FileAttributes(CINEMAS, 0o755, ""))
