"""Revisions order by REAL count first, then version; being a repack does not make two revisions differ."""

from __future__ import annotations

from reelarr.quality.revision import Revision


def test_a_real_beats_a_higher_version() -> None:
    assert Revision(version=1, real=1) > Revision(version=3, real=0)


def test_a_proper_beats_the_original() -> None:
    assert Revision(version=2) > Revision(version=1)


def test_repack_flag_is_not_part_of_equality() -> None:
    assert Revision(version=2, is_repack=True) == Revision(version=2, is_repack=False)


def test_default_revision_is_version_one() -> None:
    assert Revision() == Revision(version=1, real=0)
