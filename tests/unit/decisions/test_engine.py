"""The engine runs checks in priority groups, keeps every reason, and survives a broken check."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from reelarr.decisions.engine import SPECS, Spec, decide, unmatched
from reelarr.decisions.rejection import Priority, Reason, Rejection
from reelarr.decisions.subject import DecisionSettings, Subject
from reelarr.delayprofiles.model import DelayProfile
from reelarr.parsing import parse_title
from reelarr.protocols import DownloadProtocol
from tests.unit.decisions.builders import GB, NOW, release, subject


def test_a_good_release_is_approved() -> None:
    decision = decide(subject())
    assert decision.rejections == ()
    assert decision.approved
    assert decision.movie_id == 1


def test_every_reason_of_the_group_is_kept() -> None:
    bad = subject(
        "The.Matrix.1999.2160p.UHD.BluRay.x265.sample-GRP",
        release_changes={"size": 30 * 1024 * 1024},
        settings=DecisionSettings(maximum_size_mb=10),
    )
    reasons = {r.reason for r in decide(bad).rejections}
    assert {Reason.QUALITY_NOT_WANTED, Reason.SAMPLE, Reason.MAXIMUM_SIZE_EXCEEDED} <= reasons
    assert not decide(bad).temporarily_rejected


def test_only_temporary_reasons_make_a_pending_release() -> None:
    waiting = subject(
        release_changes={"publish_date": NOW - timedelta(minutes=5)},
        delay_profile=DelayProfile(id=1, torrent_delay=60, preferred_protocol=DownloadProtocol.TORRENT),
    )
    decision = decide(waiting)
    assert [r.reason for r in decision.rejections] == [Reason.MINIMUM_AGE_DELAY]
    assert decision.temporarily_rejected
    assert not decision.approved


def test_later_groups_run_only_when_earlier_ones_pass() -> None:
    ran: list[str] = []

    def refuse(_s: Subject) -> Rejection:
        ran.append("cheap")
        return Rejection(Reason.SAMPLE, "Sample")

    def costly(_s: Subject) -> None:
        ran.append("disk")

    specs = (Spec("Costly", costly, Priority.DISK), Spec("Cheap", refuse))
    assert [r.reason for r in decide(subject(), specs).rejections] == [Reason.SAMPLE]
    assert ran == ["cheap"]
    ran.clear()
    decide(subject(), (Spec("Costly", costly, Priority.DISK),))
    assert ran == ["disk"]


def test_a_broken_check_refuses_that_release_with_its_name() -> None:
    def broken(_s: Subject) -> None:
        raise ZeroDivisionError("boom")

    decision = decide(subject(), (*SPECS, Spec("Broken", broken)))
    assert decision.rejections == (Rejection(Reason.DECISION_ERROR, "Broken: boom"),)


def test_releases_for_no_film_of_the_library() -> None:
    parsed = parse_title("Some.Other.Film.2020.1080p.WEB-DL-GRP")
    decision = unmatched(release("Some.Other.Film.2020.1080p.WEB-DL-GRP"), parsed)
    assert decision.rejections[0].reason is Reason.UNKNOWN_MOVIE
    assert decision.rejections[0].message == (
        "Unknown Movie. Unable to match to correct movie using release title."
    )
    assert decision.movie_id is None
    pushed = unmatched(release("x"), parsed, pushed=True)
    assert "existing movie in Library" in pushed.rejections[0].message
    garbage = unmatched(release("???"), None)
    assert garbage.rejections == (Rejection(Reason.UNABLE_TO_PARSE, "Unable to parse release"),)


def test_size_checks_use_the_release_size() -> None:
    huge = subject(release_changes={"size": 200 * GB})
    assert Reason.ABOVE_MAXIMUM_SIZE in {r.reason for r in decide(huge).rejections}
    assert decide(replace(huge, release=replace(huge.release, size=8 * GB))).approved


def test_the_disk_check_runs_only_when_every_other_check_passed() -> None:
    no_room = subject(free_space=1024)
    assert [r.reason for r in decide(no_room).rejections] == [Reason.MINIMUM_FREE_SPACE]
    unwanted_and_no_room = subject("The.Matrix.1999.2160p.UHD.BluRay.x265-GRP", free_space=1024)
    assert [r.reason for r in decide(unwanted_and_no_room).rejections] == [Reason.QUALITY_NOT_WANTED]
