"""Whatever a client sends, reading it gives a condition or a reason, never an exception."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reelarr.customformats.dotnet_regex import PatternError, compile_dotnet
from reelarr.customformats.fields import CONDITION_TYPES, condition_from_fields
from reelarr.customformats.input import FormatInput
from reelarr.customformats.matching import FormatMatcher
from reelarr.customformats.model import CustomFormat, ReleaseTitle, Specification

SPECIALS = ["(?", "(?<", "(?'", "(?(", "\\k", "\\p{", "\\c", "\\x", "\\u", "-[", "a", "1"]
REGEX_PIECES = st.sampled_from([*"()[]{}|*+?^$.\\-,:<>=!'#&~ \n", *SPECIALS])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(REGEX_PIECES, max_size=30).map("".join))
def test_any_pattern_compiles_or_is_refused_with_a_reason(pattern: str) -> None:
    try:
        compiled = compile_dotnet(pattern, timeout=0.05)
    except PatternError as error:
        refused: PatternError | None = error
    else:
        refused = None
        compiled.search("Movie.2019.1080p.BluRay.x264-GRP")
    assert refused is None or refused.message


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([t.implementation for t in CONDITION_TYPES] + ["", "Nope"]),
    st.dictionaries(st.sampled_from(["value", "min", "max", "exceptLanguage", "other"]), JSON, max_size=4),
)
def test_any_field_values_read_as_a_condition_or_say_what_is_wrong(
    implementation: str, given_fields: dict[str, Any]
) -> None:
    condition, problems = condition_from_fields(implementation, given_fields)
    assert (condition is None) == bool(problems)
    if condition is not None:
        spec = Specification("s", condition)
        FormatMatcher([CustomFormat("f", (spec,), id=1)]).matches(
            FormatInput(release_title="x", size=5, year=2000)
        )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_matching_any_title_never_raises(title: str) -> None:
    matcher = FormatMatcher(
        [CustomFormat("x265", (Specification("s", ReleaseTitle(r"(?<!web.*)\bx265\b")),), id=1)]
    )
    matcher.matches(FormatInput(release_title=title, file_name=title, release_group=title, edition=title))
