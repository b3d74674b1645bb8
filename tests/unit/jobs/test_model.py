"""Command names, priorities and backoff."""

from __future__ import annotations

import random

import pytest

from reelarr.jobs.model import CommandPriority, display_name
from reelarr.jobs.queue import retry_delay


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("CheckHealth", "Check Health"),
        ("RssSync", "Rss Sync"),
        ("MoviesSearch", "Movies Search"),
        ("Backup", "Backup"),
    ],
)
def test_display_name_splits_camel_case(name: str, shown: str) -> None:
    assert display_name(name) == shown


def test_priority_ranks_round_trip() -> None:
    assert [p.rank for p in CommandPriority] == [0, 1, 2]
    assert all(CommandPriority.from_rank(p.rank) is p for p in CommandPriority)


def test_retry_delay_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(1)
    for attempt, ceiling in [(1, 2.0), (2, 4.0), (3, 8.0), (10, 60.0)]:
        delays = [retry_delay(attempt, 2.0, 60.0, rng) for _ in range(200)]
        assert min(delays) >= ceiling / 2
        assert max(delays) <= ceiling
        assert len(set(delays)) > 100, "jitter spreads retries out"
