"""Every case of Radarr's parser conformance file, run against Reelarr's parser.

Cases where Radarr's expectation is wrong or cannot apply are listed with a reason in
conformance_exceptions.toml; such a case must keep failing, so a fix is noticed and the entry removed.
"""

from __future__ import annotations

import pytest
from tests.unit.parsing.conformance import (
    Case,
    load_cases,
    load_exceptions,
    mismatches,
)

CASES = list(load_cases())
EXCEPTIONS = load_exceptions()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_parser_conforms_to_radarr(case: Case) -> None:
    problems = mismatches(case)
    if case.id in EXCEPTIONS:
        assert problems, f"{case.id} now passes: remove it from conformance_exceptions.toml"
        return
    assert not problems, f"{case.input!r}: " + "; ".join(problems)


def test_every_listed_exception_names_a_real_case() -> None:
    known = {case.id for case in CASES}
    assert not set(EXCEPTIONS) - known
