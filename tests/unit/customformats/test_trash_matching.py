"""TRaSH-Guides' Radarr collection (pinned under tests/fixtures) against real release titles.

Each row is a release title and every format of the whole collection it gets, for a library movie
whose original language is English (so a release without a language tag is English, and every
English release also gets "Language: Not French", left out of the rows). The expectations follow
the patterns' intent as TRaSH-Guides documents it: tiers by release group and source, streaming
services, HDR formats, audio, editions, LQ groups, repacks; they depend on the parser reading the
title as Radarr's does (quality, release group, edition).
"""

from __future__ import annotations

import pytest
import regex

from reelarr.customformats.codec import specification_from_json
from reelarr.customformats.dotnet_regex import translate
from reelarr.customformats.input import release_input
from reelarr.customformats.matching import FormatMatcher
from reelarr.customformats.model import CustomFormat, PatternCondition, ReleaseGroup, ReleaseTitle
from reelarr.languages import lang
from reelarr.parsing import parse_title
from tests.fixtures.trash_guides import trash_formats


@pytest.fixture(scope="module")
def collection() -> list[CustomFormat]:
    return [
        CustomFormat(
            guide["name"],
            tuple(specification_from_json(s) for s in guide["specifications"]),
            guide["includeCustomFormatWhenRenaming"],
            index,
        )
        for index, guide in enumerate(trash_formats().values(), start=1)
    ]


@pytest.fixture(scope="module")
def matcher(collection: list[CustomFormat]) -> FormatMatcher:
    return FormatMatcher(collection)


TITLES = [
    (
        "Oppenheimer.2023.1080p.BluRay.x265.10bit.AAC5.1-YTS",
        ["1080p", "10bit", "5.1 Surround", "AAC", "FR LQ", "LQ", "x265", "x265 (HD)", "x265 (no HDR/DV)"],
    ),
    (
        "Dune.Part.Two.2024.2160p.AMZN.WEB-DL.DDP5.1.Atmos.DV.HDR10.H.265-FLUX",
        [
            "2160p",
            "5.1 Surround",
            "AMZN",
            "DD+ ATMOS",
            "DV Boost",
            "FLUX",
            "HDR",
            "WEB Tier 01",
            "WEBDL Boost",
            "x265",
        ],
    ),
    (
        "The.Batman.2022.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-FraMeSToR",
        [
            "2160p",
            "7.1 Surround",
            "DV (Disk)",
            "DV Boost",
            "FraMeSToR",
            "HDR",
            "Remux Tier 01",
            "TrueHD ATMOS",
        ],
    ),
    (
        "Top.Gun.Maverick.2022.IMAX.2160p.WEB-DL.DDP5.1.Atmos.HDR10Plus.H.265-CMRG",
        [
            "2160p",
            "5.1 Surround",
            "DD+ ATMOS",
            "HDR",
            "HDR10+ Boost",
            "IMAX",
            "WEB Tier 01",
            "WEBDL Boost",
            "x265",
        ],
    ),
    (
        "Blade.Runner.2049.2017.1080p.BluRay.DD5.1.x264-DON",
        ["1080p", "5.1 Surround", "DD", "HD Bluray Tier 01", "x264"],
    ),
    ("Inception.2010.1080p.BluRay.DTS.x264-CtrlHD", ["1080p", "DTS", "HD Bluray Tier 01", "x264"]),
    (
        "Interstellar.2014.IMAX.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-SWTYBLZ",
        ["10bit", "2160p", "5.1 Surround", "DTS-HD MA", "HDR", "IMAX", "LQ (Release Title)", "x265"],
    ),
    (
        "Avatar.2009.3D.1080p.BluRay.Half-SBS.x264.DTS-HD.MA.7.1-RARBG",
        ["1080p", "3D", "7.1 Surround", "DTS-HD MA", "FR LQ", "LQ", "x264"],
    ),
    ("The.Thing.1982.REPACK.1080p.BluRay.x264-AMIABLE", ["1080p", "Repack/Proper", "v2", "x264"]),
    (
        "Barbie.2023.1080p.NF.WEB-DL.DDP5.1.Atmos.H.264-CMRG",
        ["1080p", "5.1 Surround", "DD+ ATMOS", "NF", "WEB Tier 01", "WEBDL Boost", "x264"],
    ),
    (
        "Wonka.2023.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb",
        ["1080p", "5.1 Surround", "ATVP", "DD+", "WEB Tier 01", "WEBDL Boost", "x264"],
    ),
    (
        "The.Holdovers.2023.1080p.MA.WEB-DL.DDP5.1.H.264-FLUX",
        ["1080p", "5.1 Surround", "DD+", "FLUX", "MA", "WEB Tier 01", "WEBDL Boost", "x264"],
    ),
    (
        "Poor.Things.2023.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb",
        ["1080p", "5.1 Surround", "DD+", "DSNP", "WEB Tier 01", "WEBDL Boost", "x264"],
    ),
    (
        "Alien.1979.Directors.Cut.1080p.BluRay.DTS.x264-EbP",
        ["1080p", "DTS", "HD Bluray Tier 01", "Special Edition", "x264"],
    ),
    (
        "Apocalypse.Now.1979.Final.Cut.REMASTERED.2160p.UHD.BluRay.REMUX.HDR.HEVC.DTS-HD.MA.5.1-EPSiLON",
        ["2160p", "5.1 Surround", "DTS-HD MA", "HDR", "Remaster", "Remux Tier 03", "Special Edition"],
    ),
    (
        "Seven.Samurai.1954.Criterion.1080p.BluRay.FLAC.1.0.x264-DON",
        ["1.0 Mono", "1080p", "Criterion Collection", "FLAC", "HD Bluray Tier 01", "x264"],
    ),
    ("Movie.2019.720p.HDTV.x264-SPARKS", ["720p", "x264"]),
    ("Movie.2019.1080p.WEBRip.x264-YIFY", ["1080p", "FR LQ", "LQ", "WEBDL Boost", "x264"]),
    (
        "The.Matrix.1999.1080p.BluRay.REMUX.AVC.TrueHD.7.1-BLURANiUM",
        ["1080p", "7.1 Surround", "Remux Tier 01", "TrueHD"],
    ),
    (
        "The.Matrix.1999.Hybrid.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-BiTOR",
        ["2160p", "7.1 Surround", "DV Boost", "Generated Dynamic HDR", "HDR", "Hybrid", "TrueHD ATMOS"],
    ),
    ("Movie.2021.MULTi.1080p.BluRay.x264-LOST", ["1080p", "FR Scene Groups", "MULTi", "x264"]),
    (
        "Movie.2021.GERMAN.DL.1080p.BluRay.x264-DETAiLS",
        ["1080p", "German 1080p Booster", "German DL", "German Scene", "x264"],
    ),
    ("Movie.2020.1080p.BluRay.AV1.Opus.5.1-GRP", ["1080p", "5.1 Surround", "AV1", "Opus"]),
    (
        "Movie.2020.1080p.HMAX.WEB-DL.DD5.1.H.264-playWEB",
        ["1080p", "5.1 Surround", "Anime Web Tier 05", "DD", "HMAX", "WEB Tier 02", "WEBDL Boost", "x264"],
    ),
    ("Movie.2019.HDR.2160p.WEB.H265-NAISU", ["2160p", "HDR", "Scene", "WEBDL Boost", "x265"]),
    ("Movie.2018.BDRip.x264-SPARKS", ["x264"]),
    ("Movie.2018.1080p.BluRay.x264-GRP.PROPER", ["1080p", "Repack/Proper", "v2", "x264"]),
    ("Movie.2018.1080p.BluRay.x264.REPACK2-GRP", ["1080p", "Repack2", "v3", "x264"]),
    (
        "Movie.2018.1080p.AMZN.WEB-DL.DDP2.0.H.264-NTG",
        ["1080p", "2.0 Stereo", "AMZN", "DD+", "WEB Tier 01", "WEBDL Boost", "x264"],
    ),
    ("Movie.2018.TS.XviD-EVO", ["LQ (Release Title)"]),
    ("Movie.2016.1080p.BluRay.x265-GRP", ["1080p", "x265", "x265 (HD)", "x265 (no HDR/DV)"]),
    ("Movie.2016.2160p.BluRay.x265-GRP", ["2160p", "SDR", "SDR (no WEBDL)", "x265"]),
    (
        "Movie.2016.2160p.WEB-DL.DDP5.1.DV.H.265-GRP",
        ["2160p", "5.1 Surround", "DD+", "DV (w/o HDR fallback)", "DV Boost", "WEBDL Boost", "x265"],
    ),
    (
        "Movie.2016.2160p.WEB-DL.DDP5.1.SDR.H.265-GRP",
        ["2160p", "5.1 Surround", "DD+", "SDR", "WEBDL Boost", "x265"],
    ),
    (
        "Movie.2016.2160p.UPSCALED.WEB-DL.DDP5.1.H.265-GRP",
        ["2160p", "5.1 Surround", "DD+", "SDR", "Upscaled", "WEBDL Boost", "x265"],
    ),
    ("Movie.2016.COMPLETE.UHD.BLURAY-GRP", ["1080p", "BR-DISK"]),
    (
        "Movie.2016.1080p.BluRay.AVC.DTS-HD.MA.5.1-GRP",
        ["1080p", "5.1 Surround", "BR-DISK", "DTS-HD MA", "x264"],
    ),
    ("Movie.2016.1080p.WEB-DL.DDP5.1.H.264-EVO", ["1080p", "5.1 Surround", "DD+", "WEBDL Boost", "x264"]),
    ("Movie.2016.1080p.BluRay.x264.DTS-X.7.1-GRP", ["1080p", "7.1 Surround", "DTS X", "x264"]),
    ("Movie.2016.1080p.BluRay.x264.DTS-HD.HRA.7.1-GRP", ["1080p", "7.1 Surround", "DTS-HD HRA", "x264"]),
    ("Movie.2016.1080p.BluRay.x264.Atmos-GRP", ["1080p", "ATMOS (undefined)", "x264"]),
    (
        "Movie.2016.1080p.BluRay.REMUX.VC-1.DTS-HD.MA.5.1-KRaLiMaRKo",
        ["1080p", "5.1 Surround", "DTS-HD MA", "Remux Tier 03", "VC-1"],
    ),
    ("Movie.2016.1080p.BluRay.REMUX.MPEG-2.DD.5.1-GRP", ["1080p", "5.1 Surround", "DD", "MPEG2"]),
    (
        "Movie.2016.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-W4NK3R",
        [
            "10bit",
            "2160p",
            "7.1 Surround",
            "HDR",
            "TrueHD ATMOS",
            "UHD Bluray RlsGrp (SQP-4 MA)",
            "UHD Bluray Tier 01",
            "x265",
        ],
    ),
    (
        "Movie.2016.1080p.iT.WEB-DL.DD5.1.H.264-GRP",
        ["1080p", "5.1 Surround", "DD", "iT", "WEBDL Boost", "x264"],
    ),
    (
        "Movie.2016.1080p.PCOK.WEB-DL.DDP5.1.H.264-GRP",
        ["1080p", "5.1 Surround", "DD+", "PCOK", "WEBDL Boost", "x264"],
    ),
    (
        "Movie.2016.1080p.HULU.WEB-DL.DDP5.1.H.264-GRP",
        ["1080p", "5.1 Surround", "DD+", "Hulu", "WEBDL Boost", "x264"],
    ),
    (
        "Movie.2016.IMAX.2160p.DSNP.WEB-DL.DDP5.1.Atmos.HDR.H.265-GRP",
        ["2160p", "5.1 Surround", "DD+ ATMOS", "DSNP", "HDR", "IMAX Enhanced", "WEBDL Boost", "x265"],
    ),
    ("Movie.2016.4K.Remastered.1080p.BluRay.x264-GRP", ["1080p", "4K Remaster", "x264"]),
    ("Movie.2016.Theatrical.Cut.1080p.BluRay.x264-GRP", ["1080p", "Theatrical Cut", "x264"]),
    ("Movie.2016.Extended.Edition.1080p.BluRay.x264-GRP", ["1080p", "Special Edition", "x264"]),
    ("Movie.2016.1080p.BluRay.x264-GRP-Obfuscated", ["1080p", "Obfuscated", "x264"]),
    ("Movie.2016.1080p.BluRay.x264", ["1080p", "No-RlsGroup", "x264"]),
    ("Movie.2016.1080p.WEB-DL.H.266-GRP", ["1080p", "WEBDL Boost", "x266"]),
    (
        "Movie.2016.FRENCH.1080p.BluRay.x264-LOST",
        [
            "1080p",
            "FR Scene Groups",
            "Language: Not English",
            "Language: Not Original",
            "Not German or English",
            "Not German, Japanese or English",
            "Not German, Japanese, Korean, Chinese or English",
            "Wrong Language",
            "x264",
        ],
    ),
    ("Movie.2016.VOSTFR.1080p.WEB.H264-GRP", ["1080p", "Scene", "VOSTFR", "WEBDL Boost", "x264"]),
    ("Movie.2016.1080p.BluRay.x264-SiC", ["1080p", "x264"]),
    (
        "Movie.2016.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-SURFINBIRD",
        ["2160p", "ATMOS (undefined)", "HDR", "Remux Tier 02"],
    ),
    (
        "Movie.2016.1080p.BluRay.x264.DD5.1-BHDStudio",
        ["1080p", "5.1 Surround", "BHDStudio", "DD", "HD Bluray Tier 03", "x264"],
    ),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t for t, _ in TITLES])
def test_release_gets_the_formats_radarr_gives_it(
    matcher: FormatMatcher, title: str, expected: list[str]
) -> None:
    info = parse_title(title)
    assert info is not None
    subject = release_input(info, size=10 * 1024**3, movie_year=info.year, original_language=lang("English"))
    names = [f.name for f in matcher.matches(subject)]
    english = lang("English") in subject.languages
    assert ("Language: Not French" in names) is english
    assert [n for n in names if n != "Language: Not French"] == expected


def test_without_a_movie_a_release_without_language_tags_is_of_unknown_language(
    matcher: FormatMatcher,
) -> None:
    info = parse_title("Movie.2016.1080p.BluRay.x264-GRP")
    assert info is not None
    names = {f.name for f in matcher.matches(release_input(info))}
    assert {"Language: Not English", "Language: Not Original", "Wrong Language"} <= names


def test_every_pattern_of_the_collection_compiles(matcher: FormatMatcher) -> None:
    assert matcher.invalid_patterns() == []
    assert matcher.pattern_count() > 1000


def _patterns(collection: list[CustomFormat]) -> set[str]:
    found: set[str] = set()
    for custom_format in collection:
        for spec in custom_format.specifications:
            if isinstance(spec.condition, ReleaseTitle | ReleaseGroup):
                condition: PatternCondition = spec.condition
                found.add(condition.pattern)
    return found


def test_the_collection_needs_dotnet_only_for_look_behinds_and_reads_the_same_as_python(
    collection: list[CustomFormat],
) -> None:
    """No TRaSH pattern relies on a construct where .NET and the regex module read differently: the
    rewrite only escapes literals and scopes (?i), so both readings match the same titles."""
    titles = [t for t, _ in TITLES] + ["a{b}[c](d)", "Movie [Dual Audio] [JA+EN]", "x{edition-Extended}"]
    for pattern in _patterns(collection):
        ours = regex.compile(translate(pattern), regex.V0 | regex.IGNORECASE)
        plain = regex.compile(pattern, regex.V0 | regex.IGNORECASE)
        for title in titles:
            assert bool(ours.search(title)) == bool(plain.search(title)), (pattern, title)
