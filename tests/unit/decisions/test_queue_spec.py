"""Radarr's queue check: nothing is grabbed for a film while one of its releases downloads, unless it
would upgrade it and the profile allows upgrades."""

from __future__ import annotations

from dataclasses import replace

from reelarr.decisions.rejection import Reason
from reelarr.decisions.specs.queue import already_queued
from reelarr.decisions.subject import Queued
from tests.unit.decisions.builders import quality_of, subject

BLURAY_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
WEB_1080P = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-OTHER"


def queued(title: str, score: int = 0) -> tuple[Queued, ...]:
    return (Queued(quality_of(title), score),)


def test_an_empty_queue_lets_the_release_by() -> None:
    assert already_queued(subject(BLURAY_1080P)) is None


def test_without_upgrades_anything_queued_stops_the_release() -> None:
    found = subject(BLURAY_1080P, queued=queued(WEB_1080P))
    rejection = already_queued(replace(found, profile=replace(found.profile, upgrade_allowed=False)))
    assert rejection is not None
    assert rejection.reason is Reason.QUEUE_UPGRADES_NOT_ALLOWED


def test_a_queued_release_that_meets_the_cutoff_stops_the_next() -> None:
    found = subject(WEB_1080P, queued=queued(BLURAY_1080P))
    rejection = already_queued(replace(found, profile=replace(found.profile, upgrade_allowed=True)))
    assert rejection is not None
    assert rejection.reason is Reason.QUEUE_CUTOFF_MET
    assert rejection.message == "Release in queue already meets cutoff"


def test_an_equal_release_is_refused_and_a_better_one_passes() -> None:
    same = subject(WEB_1080P, queued=queued(WEB_1080P))
    rejection = already_queued(replace(same, profile=replace(same.profile, upgrade_allowed=True)))
    assert rejection is not None
    assert rejection.reason is Reason.QUEUE_HIGHER_PREFERENCE
    assert rejection.message == "Release in queue is of equal or higher preference"
    better = subject(BLURAY_1080P, queued=queued(WEB_1080P))
    assert already_queued(replace(better, profile=replace(better.profile, upgrade_allowed=True))) is None
