"""The strings a pattern needs: claims are only what the syntax guarantees, so skipping a pattern
on a title without them never changes an answer."""

from __future__ import annotations

import re
import sys
from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from reelarr.customformats.dotnet_regex import DotNetRegex, compile_dotnet, translate
from reelarr.customformats.input import FormatInput
from reelarr.customformats.matching import FormatMatcher
from reelarr.customformats.model import CustomFormat, ReleaseGroup, ReleaseTitle
from reelarr.customformats.prefilter import lowered, may_match, required_strings
from tests.fixtures.trash_guides import trash_formats
from tests.unit.customformats.test_trash_matching import TITLES


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\b(FLUX)\b", {"flux"}),
        (r"^(FraMeSToR)$", {"framestor"}),
        (r"[xh][ ._-]?265|\bHEVC(\b|\d)", {"265", "hevc"}),
        (r"\b(dv|dovi|dolby[ .]?v(ision)?)\b", {"dv", "dovi", "dolby"}),
        (r"(?<!\bweb[ ._-]?(dl|rip)?\b.*)-(EVO)\b", {"-evo"}),
        (r"^(?=.*\b(PMR)\b)(?=.*\b(Remux)\b)", {"remux"}),
        (r"\bDTS[ .-]?X\b", {"dts"}),
        (r"ab(?:cd|ef)+gh", {"abcd", "abef"}),
        (r"(?-i:AMZN)", {"amzn"}),
        # Nothing sure enough to filter on:
        (r".", None),
        (r"^(E)$", None),
        (r"\bx?\b", None),
        (r"(?:abc)?", None),
        (r"abc|.", None),
        (r"[^a]bc", {"bc"}),
        (r"(a)\1", None),
        # A non-ASCII letter ends a run: an ASCII title cannot match this one at all.
        ("straße", {"stra"}),
        (r"\p{Lu}", None),
    ],
)
def test_needed_strings(pattern: str, needed: set[str] | None) -> None:
    found = required_strings(translate(pattern))
    assert (set(found) if found is not None else None) == needed


@cache
def _trash_patterns() -> list[str]:
    return sorted(
        {
            spec["fields"]["value"]
            for guide in trash_formats().values()
            for spec in guide["specifications"]
            if spec["implementation"] in ("ReleaseTitleSpecification", "ReleaseGroupSpecification")
        }
    )


WORDS = sorted({w for p in _trash_patterns() for w in re.findall(r"[A-Za-z0-9+&]{2,}", p)})
GLUE = st.sampled_from([".", " ", "-", "_", "", "[", "]", "(", ")"])
TITLE = st.lists(st.tuples(st.sampled_from(WORDS), GLUE), min_size=1, max_size=12).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@cache
def _compiled_trash_patterns() -> list[DotNetRegex]:
    return [compile_dotnet(pattern, timeout=1.0) for pattern in _trash_patterns()]


@settings(max_examples=60, deadline=None)
@given(st.lists(TITLE, min_size=5, max_size=5))
def test_a_pattern_that_matches_a_title_always_finds_its_strings_in_it(titles: list[str]) -> None:
    for compiled in _compiled_trash_patterns():
        if compiled.needed is None:
            continue
        pattern = compiled.pattern
        for title in titles:
            if compiled.compiled.search(title):
                assert may_match(compiled.needed, lowered(title)), (pattern, title)


@cache
def _compile(pattern: str) -> DotNetRegex:
    return compile_dotnet(pattern, timeout=1.0)


def _reference(formats: list[CustomFormat], subject: FormatInput) -> list[str]:
    """Radarr's rules written plainly, every pattern run on every text."""
    names = []
    for custom_format in formats:
        groups: dict[str, list[bool]] = {}
        required_failed: set[str] = set()
        for spec in custom_format.specifications:
            condition = spec.condition
            assert isinstance(condition, ReleaseTitle | ReleaseGroup)
            compiled = _compile(condition.pattern)
            texts = (
                [subject.release_title] if isinstance(condition, ReleaseTitle) else [subject.release_group]
            )
            held = any(t is not None and compiled.compiled.search(t) for t in texts) != spec.negate
            groups.setdefault(spec.implementation, []).append(held)
            if spec.required and not held:
                required_failed.add(spec.implementation)
        if all(any(held) and kind not in required_failed for kind, held in groups.items()):
            names.append(custom_format.name)
    return sorted(names)


def test_the_index_never_changes_which_formats_match() -> None:
    from reelarr.customformats.codec import specification_from_json

    formats = []
    for index, guide in enumerate(trash_formats().values(), start=1):
        specs = tuple(specification_from_json(s) for s in guide["specifications"])
        if all(isinstance(s.condition, ReleaseTitle | ReleaseGroup) for s in specs):
            formats.append(CustomFormat(guide["name"], specs, id=index))
    matcher = FormatMatcher(formats)
    assert len(formats) > 100
    for title, _ in TITLES:
        group = title.rsplit("-", 1)[-1] if "-" in title else None
        subject = FormatInput(release_title=title, release_group=group)
        assert sorted(f.name for f in matcher.matches(subject)) == _reference(formats, subject), title


def test_only_four_characters_beyond_ascii_match_an_ascii_letter_ignoring_case() -> None:
    """`lowered` turns exactly these into their letter; were the regex module to fold more, a title
    holding one could be skipped wrongly, and this test says so."""
    ascii_letter = regex.compile("[A-Za-z]", regex.V0 | regex.IGNORECASE)
    folding = {chr(code) for code in range(128, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(code))}
    assert folding == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert lowered("\u212aING.\u017fIZE.D\u0130V\u0131") == "king.size.divi"


def test_titles_beyond_ascii_are_filtered_too() -> None:
    compiled = compile_dotnet(r"\b(KING)\b", timeout=1.0)
    assert compiled.search("Movie.2019.1080p.\u212aING-GRP")
    assert not compiled.search("Movie.2019.1080p.Amélie-GRP")
