"""rescanAfterRefresh: whether RefreshMovie rescans a film's folder."""

from __future__ import annotations

import pytest

from reelarr.jobs.model import CommandTrigger
from reelarr.movies.commands import rescan_after_refresh

MANUAL, SCHEDULED = CommandTrigger.MANUAL, CommandTrigger.SCHEDULED


@pytest.mark.parametrize(
    ("policy", "trigger", "rescans"),
    [
        ("always", SCHEDULED, True),
        ("afterManual", MANUAL, True),
        ("afterManual", SCHEDULED, False),
        ("never", MANUAL, False),
    ],
)
def test_the_option_decides_whether_a_refresh_rescans(
    policy: str, trigger: CommandTrigger, rescans: bool
) -> None:
    assert rescan_after_refresh(policy, trigger, is_new_movie=False) is rescans


def test_a_new_film_is_always_scanned() -> None:
    assert rescan_after_refresh("never", SCHEDULED, is_new_movie=True)
