"""Radarr's matching rules: conditions grouped by type, negate, required, each condition type."""

from __future__ import annotations

import pytest

from reelarr.customformats.input import FormatInput
from reelarr.customformats.matching import FormatMatcher, gigabytes, matching_formats
from reelarr.customformats.model import (
    Condition,
    CustomFormat,
    Edition,
    IndexerFlagSet,
    LanguageIs,
    ModifierIs,
    ReleaseGroup,
    ReleaseTitle,
    ResolutionIs,
    SizeBetween,
    SourceIs,
    Specification,
    YearBetween,
)
from reelarr.languages import ORIGINAL, lang
from reelarr.quality.catalogue import Modifier, QualitySource, quality
from reelarr.releases.model import IndexerFlags

ENGLISH, FRENCH, SPANISH = lang("English"), lang("French"), lang("Spanish")
RELEASE = FormatInput(
    release_title="A.Movie.2019.2160p.UHD.BluRay.REMUX.HDR.HEVC.DTS-HD.MA.5.1-GRP",
    edition="Directors Cut",
    release_group="GRP",
    quality=quality("Remux-2160p"),
    languages=(ENGLISH,),
    size=gigabytes(50),
    indexer_flags=IndexerFlags.G_FREELEECH | IndexerFlags.G_INTERNAL,
    year=2019,
)


def spec(
    condition: Condition, *, negate: bool = False, required: bool = False, name: str = "c"
) -> Specification:
    return Specification(name, condition, negate, required)


def fmt(*specs: Specification, name: str = "F", format_id: int = 1) -> CustomFormat:
    return CustomFormat(name, tuple(specs), id=format_id)


def matched(custom_format: CustomFormat, subject: FormatInput = RELEASE) -> bool:
    return bool(matching_formats([custom_format], subject))


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (ReleaseTitle(r"\bremux\b"), True),
        (ReleaseTitle(r"\bwebdl\b"), False),
        (Edition(r"director"), True),
        (Edition(r"imax"), False),
        (ReleaseGroup(r"^GRP$"), True),
        (ReleaseGroup(r"^FLUX$"), False),
        (LanguageIs(ENGLISH.id), True),
        (LanguageIs(FRENCH.id), False),
        (IndexerFlagSet(IndexerFlags.G_FREELEECH), True),
        (IndexerFlagSet(IndexerFlags.G_INTERNAL), True),
        (IndexerFlagSet(IndexerFlags.PTP_GOLDEN), False),
        (SourceIs(QualitySource.BLURAY), True),
        (SourceIs(QualitySource.WEBDL), False),
        (ResolutionIs(2160), True),
        (ResolutionIs(1080), False),
        (ModifierIs(Modifier.REMUX), True),
        (ModifierIs(Modifier.BRDISK), False),
        (SizeBetween(40, 60), True),
        (SizeBetween(0, 40), False),
        (YearBetween(2010, 2019), True),
        (YearBetween(2020, 2029), False),
    ],
)
def test_each_condition_type(condition: Condition, expected: bool) -> None:
    assert matched(fmt(spec(condition))) is expected
    assert matched(fmt(spec(condition, negate=True))) is not expected


def test_conditions_of_one_type_need_only_one_to_match() -> None:
    either = fmt(spec(SourceIs(QualitySource.WEBDL)), spec(SourceIs(QualitySource.BLURAY)))
    assert matched(either)


def test_every_type_of_condition_must_match() -> None:
    both = fmt(spec(SourceIs(QualitySource.BLURAY)), spec(ResolutionIs(1080)))
    assert not matched(both)
    assert matched(fmt(spec(SourceIs(QualitySource.BLURAY)), spec(ResolutionIs(2160))))


def test_a_required_condition_that_fails_fails_its_group() -> None:
    group = fmt(spec(ReleaseTitle("remux")), spec(ReleaseTitle("x264"), required=True))
    assert not matched(group)


def test_a_group_of_only_negated_conditions_matches_when_none_of_them_does() -> None:
    # TRaSH's "x265 (HD)": x265, and not 2160p; here the release is 2160p.
    x265_hd = fmt(
        spec(ReleaseTitle(r"\bHEVC\b"), required=True), spec(ResolutionIs(2160), negate=True, required=True)
    )
    assert not matched(x265_hd)
    hd = FormatInput(release_title="A.Movie.2019.1080p.BluRay.HEVC-GRP", quality=quality("Bluray-1080p"))
    assert matched(x265_hd, hd)


def test_a_group_where_nothing_matched_fails_even_without_required_conditions() -> None:
    assert not matched(fmt(spec(ReleaseTitle("webdl")), spec(ReleaseTitle("x264"))))


def test_negated_and_required_condition_must_not_match() -> None:
    not_hybrid = fmt(
        spec(ReleaseTitle(r"\bHDR\b"), required=True),
        spec(ReleaseTitle("hybrid"), negate=True, required=True),
    )
    assert matched(not_hybrid)
    hybrid = FormatInput(release_title="A.Movie.2019.2160p.HYBRID.HDR-GRP")
    assert not matched(not_hybrid, hybrid)


def test_matched_formats_are_ordered_by_name_as_dotnet_orders_them() -> None:
    formats = [
        fmt(spec(ReleaseTitle("remux")), name=name, format_id=i)
        for i, name in enumerate(["x265", "BHDStudio", "amzn", "Éclair", "DV", "10bit"], start=1)
    ]
    names = [f.name for f in matching_formats(formats, RELEASE)]
    assert names == ["10bit", "amzn", "BHDStudio", "DV", "Éclair", "x265"]


def test_a_release_title_condition_also_reads_the_file_name() -> None:
    on_file = FormatInput(release_title="A.Movie.2019", file_name="A.Movie.2019.REMUX.mkv")
    assert matched(fmt(spec(ReleaseTitle("remux"))), on_file)


def test_missing_texts_never_match_a_pattern() -> None:
    bare = FormatInput()
    for condition in (ReleaseTitle("."), Edition("."), ReleaseGroup(".")):
        assert not matched(fmt(spec(condition)), bare)
        assert matched(fmt(spec(condition, negate=True)), bare)


class TestLanguage:
    """Radarr's own fixtures for its language condition (Single, Multi and Original)."""

    def subject(self, *languages: object, original: object = ENGLISH) -> FormatInput:
        return FormatInput(release_title="Movie.Title.2024", languages=languages, original_language=original)  # type: ignore[arg-type]

    def test_original_matches_the_movies_original_language(self) -> None:
        assert matched(fmt(spec(LanguageIs(ORIGINAL.id))), self.subject(ENGLISH))
        assert not matched(fmt(spec(LanguageIs(ORIGINAL.id))), self.subject(FRENCH))
        assert not matched(fmt(spec(LanguageIs(ORIGINAL.id), negate=True)), self.subject(ENGLISH))
        assert matched(fmt(spec(LanguageIs(ORIGINAL.id), negate=True)), self.subject(FRENCH))

    def test_original_without_a_known_movie_matches_nothing(self) -> None:
        assert not matched(fmt(spec(LanguageIs(ORIGINAL.id))), self.subject(ENGLISH, original=None))

    def test_one_of_several_languages_is_enough(self) -> None:
        assert matched(fmt(spec(LanguageIs(FRENCH.id))), self.subject(ENGLISH, FRENCH))
        assert not matched(fmt(spec(LanguageIs(SPANISH.id))), self.subject(ENGLISH, FRENCH))
        assert not matched(fmt(spec(LanguageIs(FRENCH.id), negate=True)), self.subject(ENGLISH, FRENCH))
        assert matched(fmt(spec(LanguageIs(SPANISH.id), negate=True)), self.subject(ENGLISH, FRENCH))

    def test_except_language_matches_any_other_language(self) -> None:
        assert matched(fmt(spec(LanguageIs(FRENCH.id, except_language=True))), self.subject(ENGLISH, FRENCH))
        assert matched(
            fmt(spec(LanguageIs(ORIGINAL.id, except_language=True))), self.subject(ENGLISH, FRENCH)
        )
        assert not matched(fmt(spec(LanguageIs(ENGLISH.id, except_language=True))), self.subject(ENGLISH))
        assert not matched(
            fmt(spec(LanguageIs(SPANISH.id, except_language=True), negate=True)),
            self.subject(ENGLISH, FRENCH),
        )


@pytest.mark.parametrize(
    ("size", "expected"),
    [(gigabytes(1), False), (gigabytes(1) + 1, True), (gigabytes(2), True), (gigabytes(2) + 1, False)],
)
def test_size_is_above_the_minimum_and_at_most_the_maximum(size: int, expected: bool) -> None:
    assert matched(fmt(spec(SizeBetween(1, 2))), FormatInput(size=size)) is expected


def test_sizes_are_counted_in_gib_rounded_as_dotnet_rounds() -> None:
    assert gigabytes(1) == 1024**3
    assert gigabytes(0.5) == 512 * 1024**2


@pytest.mark.parametrize(
    ("year", "movie_year", "expected"),
    [(2019, None, True), (1999, None, False), (0, 2015, True), (0, None, False), (1999, 2015, False)],
)
def test_year_is_the_titles_else_the_movies(year: int, movie_year: int | None, expected: bool) -> None:
    assert (
        matched(fmt(spec(YearBetween(2010, 2019))), FormatInput(year=year, movie_year=movie_year)) is expected
    )


def test_each_pattern_runs_once_per_release_however_many_formats_share_it() -> None:
    shared = ReleaseTitle(r"\bremux\b")
    matcher = FormatMatcher([fmt(spec(shared), name=str(i), format_id=i) for i in range(1, 50)])
    assert len(matcher.matches(RELEASE)) == 49
    assert matcher.pattern_count() == 1


def test_a_stored_pattern_that_no_longer_compiles_matches_nothing() -> None:
    broken = fmt(spec(ReleaseTitle("a++")))
    matcher = FormatMatcher([broken])
    assert matcher.matches(RELEASE) == ()
    assert matcher.invalid_patterns() == ["a++"]


def test_a_hostile_pattern_costs_a_few_time_limits_then_nothing() -> None:
    hostile = fmt(spec(ReleaseTitle(r"(a|aa)+$")), name="hostile")
    fine = fmt(spec(ReleaseTitle("a")), name="fine", format_id=2)
    matcher = FormatMatcher([hostile, fine], timeout=0.01)
    for n in range(20):
        subject = FormatInput(release_title="a" * (60 + n) + "!")
        assert [f.name for f in matcher.matches(subject)] == ["fine"]
    assert matcher.timed_out_patterns() == [r"(a|aa)+$"]


def test_a_rebuilt_matcher_reuses_the_patterns_compiled_before() -> None:
    first = FormatMatcher([fmt(spec(ReleaseTitle("remux")), name="a")])
    second = FormatMatcher([fmt(spec(ReleaseTitle("remux")), name="b")], previous=first)
    assert second._patterns.regexes()["remux"] is first._patterns.regexes()["remux"]
    assert [f.name for f in second.matches(RELEASE)] == ["b"]
