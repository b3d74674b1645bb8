"""What the rules change on a film: tags added by matching rules, taken off by rules that remove."""

from __future__ import annotations

from datetime import date
from typing import Any

from reelarr.autotagging.service import AutoTag, tag_changes
from reelarr.autotagging.specs import read_condition
from reelarr.movies.model import Movie
from tests.unit.decisions.builders import movie

TODAY = date(2026, 12, 7)


def film(**values: Any) -> Movie:
    """The decisions' film (The Matrix, released and monitored), without ids or a cinema date."""
    return movie(**{"imdb_id": None, "in_cinemas": None, **values})


def rule(tags: tuple[int, ...], remove: bool, implementation: str, **fields: object) -> AutoTag:
    condition, problems = read_condition(implementation, "c", fields, negate=False, required=False)
    assert condition is not None, problems
    return AutoTag("r", (condition,), tags, remove_tags_automatically=remove)


def test_a_matching_rule_adds_only_the_tags_the_film_lacks() -> None:
    changes = tag_changes([rule((1, 2), False, "MonitoredSpecification")], film(tags=(1,)), TODAY)
    assert changes.add == {2}
    assert changes.remove == set()
    assert changes.applied_to((1,)) == (1, 2)


def test_a_rule_that_no_longer_matches_removes_only_when_told() -> None:
    unmonitored = film(monitored=False, tags=(1, 2, 3))
    keeps = tag_changes([rule((1,), False, "MonitoredSpecification")], unmonitored, TODAY)
    removes = tag_changes([rule((1, 2), True, "MonitoredSpecification")], unmonitored, TODAY)
    assert keeps.applied_to(unmonitored.tags) == (1, 2, 3)
    assert removes.applied_to(unmonitored.tags) == (3,)


def test_a_tag_another_rule_adds_is_kept_when_one_rule_removes_it() -> None:
    rules = [
        rule((1,), True, "YearSpecification", min=2000, max=2009),
        rule((1,), False, "MonitoredSpecification"),
    ]
    changes = tag_changes(rules, film(), TODAY)
    assert changes.applied_to(()) == (1,)


def test_status_is_the_films_status_on_the_day() -> None:
    released = rule((1,), True, "StatusSpecification", status=3)
    announced = rule((2,), True, "StatusSpecification", status=1)
    coming = film(
        physical_release=date(2027, 5, 1), in_cinemas=date(2027, 1, 1), tmdb_status="Post Production"
    )
    assert tag_changes([released, announced], film(), TODAY).add == {1}
    assert tag_changes([released, announced], coming, TODAY).add == {2}
    gone = rule((3,), False, "StatusSpecification", status=-1)
    assert tag_changes([gone], film(tmdb_status="Deleted"), TODAY).add == {3}
