""".NET patterns run as Radarr runs them: each difference from Python's engines is pinned here."""

from __future__ import annotations

import time

import pytest

from reelarr.customformats.dotnet_regex import PatternError, compile_dotnet, pattern_error, translate


def matches(pattern: str, text: str) -> bool:
    return compile_dotnet(pattern, timeout=1.0).search(text)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # Radarr compiles every pattern with RegexOptions.IgnoreCase.
        (r"\bremux\b", "Movie.2019.2160p.BluRay.REMUX-GRP", True),
        # Variable-width look-behind, which Python's re refuses (TRaSH's "EVO (no WEBDL)").
        (r"(?<!\bweb[ ._-]?(dl|rip)?\b.*)-(EVO)\b", "Movie.2019.1080p.BluRay.x264-EVO", True),
        (r"(?<!\bweb[ ._-]?(dl|rip)?\b.*)-(EVO)\b", "Movie.2019.1080p.WEB-DL.x264-EVO", False),
        # An inline option changes the rest of its group only...
        (r"ab(?-i)c", "ABc", True),
        (r"ab(?-i)c", "ABC", False),
        # ...including the alternatives after it, but not what came before it.
        (r"(?:a(?-i)b|c)", "AC", False),
        (r"(?:a(?-i)b|c)", "Ab", True),
        (r"x(?-i)|y", "Y", False),
        # (?i) is a no-op under IgnoreCase; (?x) ignores spaces and comments up to the line's end.
        (r"(?i)\bgerman\b", "Movie.GERMAN.DL", True),
        ("(?x) dual \\s* audio  # spaces are ignored (even this one: ( )\n", "DUAL AUDIO", True),
        # Named groups and back references in .NET's spellings.
        (r"(?<word>ab)-\k<word>", "ab-AB", True),
        (r"(?'word'ab)-\k'word'", "ab-cd", False),
        (r"(ab)-\k<1>", "ab-ab", True),
        # A conditional on a named group, and any other condition as a look-ahead.
        (r"(?<hd>HD)?(?(hd)R|X)", "HDR", True),
        (r"(?(web)webdl|bluray)", "bluray", True),
        # "{" that starts no quantifier is a literal in .NET ("{,2}" included).
        (r"a{,2}", "a{,2}", True),
        (r"a{,2}", "aa", False),
        (r"(?<!{)edition", "{edition-Extended}", False),
        # \Z: the end or before a final newline; \z: the very end; $ like \Z.
        (r"GRP\Z", "GRP\n", True),
        (r"GRP\z", "GRP\n", False),
        (r"GRP$", "GRP\n", True),
        # "[" inside a class is a literal, so [[:alpha:]] is no POSIX class.
        (r"[[:alpha:]]", "a", False),
        (r"[[:alpha:]]", ":]", True),
        # Class subtraction.
        (r"^[a-z-[aeiou]]+$", "xyz", True),
        (r"^[a-z-[aeiou]]+$", "xaz", False),
        (r"^[^0-9-[x]]$", "x", False),
        # Unicode-aware classes, as .NET's without RegexOptions.ECMAScript.
        (r"^\d$", "٣", True),
        (r"^\w+$", "Amélie", True),
        (r"\bAmélie\b", "AMÉLIE.2001", True),
        # Unicode blocks as .NET names them.
        (r"\p{IsGreek}", "Ζ", True),
        (r"\p{Lu}", "É", True),
        # Simple case folding only: "ß" is not "SS", as in .NET.
        ("straße", "STRASSE", False),
        # .NET's escapes for escape and control characters, and octal.
        (r"\e", "\x1b", True),
        (r"\cA", "\x01", True),
        (r"\040", " ", True),
    ],
)
def test_patterns_behave_as_in_dotnet(pattern: str, text: str, expected: bool) -> None:
    assert matches(pattern, text) is expected


@pytest.mark.parametrize(
    ("pattern", "translated"),
    [
        (r"\b(x265)\b", r"\b(x265)\b"),
        ("(?i)x", "(?i:x)"),
        ("ab(?-i)c|d", "ab(?-i:c)|(?-i:d)"),
        ("(?n:(a))", "(?:(a))"),
        (r"(?'n'x)\k'n'", "(?P<n>x)(?P=n)"),
        (r"x\Z", r"x(?=\n?\Z)"),
        (r"x\z", r"x\Z"),
        ("a{,2}", r"a\{,2}"),
        ("a{2,}", "a{2,}"),
        ("[a-z-[aeiou]]", "(?:(?![aeiou])[a-z])"),
        (r"[([]dual[])]", r"[(\[]dual[\])]"),
        (r"\p{IsBasicLatin}", r"\p{Block=BasicLatin}"),
    ],
)
def test_translation(pattern: str, translated: str) -> None:
    assert translate(pattern) == translated


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("a++", "Nested quantifier '+'"),
        ("a*{2}", "Nested quantifier '{2}'"),
        ("a??+", "Nested quantifier '+'"),
        ("(?P<name>x)", "Unrecognized grouping construct"),
        ("(?|a|b)", "Unrecognized grouping construct"),
        ("(?R)", "Unrecognized grouping construct"),
        ("(?)", "Unrecognized grouping construct"),
        ("(?<open-close>x)", "Balancing groups are not supported"),
        ("(?<2>x)", "Numbered group names are not supported"),
        (r"\q", r"Unrecognized escape sequence \q"),
        (r"\_", r"Unrecognized escape sequence \_"),
        (r"\K", r"Unrecognized escape sequence \K"),
        (r"[\q]", r"Unrecognized escape sequence \q"),
        ("abc\\", "Illegal \\ at end of pattern"),
        ("(abc", "Not enough )'s"),
        ("abc)", "Too many )'s"),
        ("[abc", "Unterminated [] set"),
        (r"\k<", r"Malformed \k<...> named back reference"),
        (r"\x4", "Insufficient hexadecimal digits"),
        (r"\p{Lu", r"Incomplete \p{X} character escape"),
        ("[a-z-[aeiou]x]", "A subtraction must be the last element in a character class"),
        ("*abc", "nothing to repeat"),
        (r"\p{NoSuchCategory}", "unknown property"),
        ("(?<=a(?<x>b))\\k<y>", "unknown group"),
    ],
)
def test_patterns_dotnet_refuses_are_refused(pattern: str, message: str) -> None:
    error = pattern_error(pattern)
    assert error is not None
    assert message in error


def test_pattern_error_carries_the_position() -> None:
    with pytest.raises(PatternError) as raised:
        translate("abc++")
    assert raised.value.position == 4


def test_every_search_has_a_time_limit() -> None:
    hostile = compile_dotnet(r"(a|aa)+$", timeout=0.05)
    started = time.monotonic()
    assert hostile.search("a" * 80 + "!") is False
    assert time.monotonic() - started < 5
    assert hostile.timeouts == 1


def test_a_pattern_that_keeps_running_out_of_time_is_given_up() -> None:
    hostile = compile_dotnet(r"(a|aa)+$", timeout=0.01)
    for _ in range(hostile.give_up_after):
        hostile.search("a" * 80 + "!")
    assert hostile.disabled
    started = time.monotonic()
    assert hostile.search("a" * 80 + "!") is False
    assert hostile.search("aaaa") is False, "a given-up pattern matches nothing"
    assert time.monotonic() - started < 0.5


def test_a_well_behaved_pattern_answers_within_its_limit() -> None:
    assert compile_dotnet(r"(a|aa)+$", timeout=0.05).search("aaaa")
