"""Radarr's history check: an RSS sync does not grab a film twice within 12 hours unless it upgrades."""

from __future__ import annotations

from reelarr.decisions.rejection import Reason
from reelarr.decisions.specs.history import recent_grab
from reelarr.decisions.subject import GrabbedBefore, SearchContext
from tests.unit.decisions.builders import NOW, quality_of, subject

BLURAY_1080P = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
WEB_1080P = "The.Matrix.1999.1080p.WEB-DL.DD5.1.H.264-OTHER"


def grabbed(title: str, score: int = 0) -> GrabbedBefore:
    return GrabbedBefore(quality_of(title), score, NOW)


def test_nothing_grabbed_lets_the_release_by() -> None:
    assert recent_grab(subject(BLURAY_1080P)) is None


def test_a_grab_that_meets_the_cutoff_stops_the_next() -> None:
    rejection = recent_grab(subject(WEB_1080P, last_grab=grabbed(BLURAY_1080P)))
    assert rejection is not None
    assert rejection.reason is Reason.HISTORY_RECENT_CUTOFF_MET
    assert rejection.message == "Recent grab event in history already meets cutoff"


def test_an_equal_release_is_refused_and_a_better_one_passes() -> None:
    # HD-1080p's cutoff is Bluray-1080p: a WEB-DL 1080p grab leaves room for it.
    same = recent_grab(subject(WEB_1080P, last_grab=grabbed(WEB_1080P)))
    assert same is not None
    assert same.reason is Reason.HISTORY_HIGHER_PREFERENCE
    assert same.message == "Recent grab event in history is of equal or higher preference"
    assert recent_grab(subject(BLURAY_1080P, last_grab=grabbed(WEB_1080P))) is None


def test_a_search_steps_aside() -> None:
    searched = subject(WEB_1080P, last_grab=grabbed(BLURAY_1080P), search=SearchContext(1, user_invoked=True))
    assert recent_grab(searched) is None
