"""Languages and release groups read from release names."""

from __future__ import annotations

import pytest

from reelarr.parsing import parse_languages, parse_release_group, parse_subtitle_info, parse_title


def names(title: str) -> list[str]:
    return [language.name for language in parse_languages(title)]


def test_no_language_named_is_unknown() -> None:
    assert names("Movie.Title.2019.1080p.WEB-DL.x264-GRP") == ["Unknown"]


def test_a_german_dual_language_release_also_has_the_original() -> None:
    assert names("Movie.2016.German.DL.720p.BluRay.x264-GRP") == ["German", "Original"]


def test_a_german_multi_language_release_also_has_the_original_and_english() -> None:
    assert names("Movie.2016.German.ML.720p.BluRay.x264-GRP") == ["German", "Original", "English"]


def test_web_dl_is_not_a_dual_language_tag() -> None:
    assert names("Movie.2016.GERMAN.WEB-DL.h264-GRP") == ["German"]


def test_tags_that_only_name_subtitles_do_not_count() -> None:
    assert names("Movie.2016.1080p.Ger.Eng.Subs.WEB.H264-GRP") == ["Unknown"]


def test_a_language_word_in_the_movie_title_does_not_count() -> None:
    result = parse_title("The.German.Doctor.2013.LIMITED.DVDRip.x264-GRP", is_dir=True)
    assert result is not None
    assert [language.name for language in result.languages] == ["Unknown"]


def test_dts_es_is_audio_not_spanish() -> None:
    assert names("Movie Name (2016) BluRay 1080p DTS-ES AC3 x264-GRP") == ["Unknown"]


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Movie.Name.2018.720p.WEBRip.DDP5.1.x264-NTb-postbot", "NTb"),
        ("SomeMovie.1080p.BluRay.DTS.x264.-VH-PROD.mkv", "VH-PROD"),
        ("Some.Movie.2013.1080p.BluRay.REMUX.AVC.DTS-X.MA.5.1", None),
        ("Movie Name (2019) (1080p BluRay x265 HEVC 10bit AAC 7.1 Tigole)", "Tigole"),
        ("[Anime-Koi] Movies - 01 [h264-720p][28D54E2C]", "Anime-Koi"),
        ("Movie.Title.2020.DBOX.480p.x264-iKaos [v3] [6AFFEF6B]", None),
    ],
)
def test_release_group(title: str, group: str | None) -> None:
    assert parse_release_group(title) == group


def test_subtitle_file_names_give_language_tags_and_track_title() -> None:
    info = parse_subtitle_info("Movie (2020).Commentary.eng.forced.srt")
    assert (info.language.name, info.language_tags, info.title) == ("English", ("forced",), "Commentary")
