"""Release profile terms as Radarr reads them: plain words ignore case, /regex/ follows its modifiers."""

from __future__ import annotations

import pytest

from reelarr.releaseprofiles.model import Broken, ReleaseProfile, restriction_rejection
from reelarr.releaseprofiles.terms import BadTerm, compile_term

TITLE = "The.Movie.2024.1080p.WEB-DL.DDP5.1.H.264-GROUP"


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("web-dl", True),
        ("WEB-DL", True),
        ("x265", False),
        ("/web-dl/", False),  # a regular expression is case-sensitive unless /i
        ("/web-dl/i", True),
        (r"/\bH\.?264\b/", True),
        (r"/(?<=DDP\d\.\d)\.H/", True),  # .NET's named look-behind syntax works
        (r"/(?<!WEB-)DL/", False),
        (r"/(?<codec>H\.264)-(?<group>\w+)$/", True),
    ],
)
def test_terms_match_as_in_radarr(term: str, found: bool) -> None:
    assert compile_term(term).found_in(TITLE) is found


@pytest.mark.parametrize("term", ["/(unclosed/", "/a{2,1}/", "/x/q"])
def test_terms_that_cannot_compile_say_so(term: str) -> None:
    with pytest.raises(BadTerm):
        compile_term(term)


def test_a_pattern_that_backtracks_forever_gives_up_instead_of_stalling() -> None:
    term = compile_term("/(a+)+$/")
    assert term.found_in("a" * 40 + "!") is False


def test_required_terms_must_appear_and_ignored_ones_must_not() -> None:
    profiles = [
        ReleaseProfile(id=1, required=("x265", "HEVC")),
        ReleaseProfile(id=2, ignored=("CAM", "/\\bTS\\b/")),
    ]
    assert restriction_rejection(profiles, "Film.2020.1080p.BluRay.x265-G", set(), 1) is None
    assert restriction_rejection(profiles, "Film.2020.1080p.BluRay.x264-G", set(), 1) == Broken(
        True, "Does not contain one of the required terms: x265, HEVC"
    )
    assert restriction_rejection(profiles, "Film.2020.HEVC.CAM.TS-G", set(), 1) == Broken(
        False, "Contains these ignored terms: CAM, /\\bTS\\b/"
    )


def test_profiles_apply_by_tag_indexer_and_enabled() -> None:
    tagged = ReleaseProfile(id=1, required=("x265",), tags=frozenset({5}))
    one_indexer = ReleaseProfile(id=2, ignored=("x264",), indexer_id=3)
    disabled = ReleaseProfile(id=3, required=("nothing-has-this",), enabled=False)
    profiles = [tagged, one_indexer, disabled]
    title = "Film.2020.1080p.x264-G"
    assert restriction_rejection(profiles, title, movie_tags={1}, indexer_id=4) is None
    assert restriction_rejection(profiles, title, movie_tags={5}, indexer_id=4) is not None
    assert restriction_rejection(profiles, title, movie_tags={1}, indexer_id=3) is not None
