"""Which file a movie keeps, and the languages recorded for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reelarr.languages import UNKNOWN, lang
from reelarr.mediafiles.model import SCHEMA_REVISION, MediaInfo, Reader
from reelarr.mediafiles.samples import SampleCheck, SampleStatus
from reelarr.mediafiles.scan import MovieFileOnDisk
from reelarr.movies.file_rules import (
    audio_languages,
    best_file,
    file_languages,
    media_info_view,
    needs_media_info,
    record_of,
    restored_media_info,
    stored_media_info,
)
from reelarr.parsing import parse_path
from reelarr.quality.catalogue import quality
from reelarr.quality.profile import default_profiles
from reelarr.quality.revision import QualityModel, Revision

ANY_PROFILE = default_profiles()[0]
HD_720 = next(p for p in default_profiles() if p.name == "HD-720p")


def on_disk(
    name: str, size: int = 1000, quality_name: str | None = None, revision: int = 1
) -> MovieFileOnDisk:
    parsed = parse_path(f"/movies/Movie (2020)/{name}")
    found = parsed.quality if parsed is not None else QualityModel()
    if quality_name is not None:
        found = QualityModel(quality(quality_name), Revision(revision))
    return MovieFileOnDisk(
        path=f"/movies/Movie (2020)/{name}",
        relative_path=name,
        size=size,
        modified=datetime(2024, 1, 1, tzinfo=UTC),
        parsed=parsed,
        name_quality=found,
        quality=found,
        sample=SampleCheck(SampleStatus.NOT_SAMPLE, ""),
    )


def audio(*codes: str) -> MediaInfo:
    return MediaInfo(reader=Reader.FFPROBE, audio_languages=codes, run_time=timedelta(hours=2))


def test_the_better_quality_by_the_profile_wins_over_a_bigger_file() -> None:
    dvd = on_disk("Movie.2020.DVDRip.x264-GRP.mkv", size=9000, quality_name="DVD")
    bluray = on_disk("Movie.2020.1080p.BluRay.x264-GRP.mkv", size=5000, quality_name="Bluray-1080p")
    assert best_file([dvd, bluray], ANY_PROFILE) is bluray


def test_a_quality_the_profile_allows_wins_over_a_better_one_it_does_not() -> None:
    # HD-720p allows only 720p qualities: the user asked for 720p.
    hd = on_disk("Movie.2020.720p.BluRay.x264-GRP.mkv", size=100, quality_name="Bluray-720p")
    full_hd = on_disk("Movie.2020.1080p.BluRay.x264-GRP.mkv", size=200, quality_name="Bluray-1080p")
    assert best_file([full_hd, hd], HD_720) is hd


def test_a_proper_beats_the_same_quality() -> None:
    first = on_disk("a.mkv", size=900, quality_name="WEBDL-1080p")
    proper = on_disk("b.mkv", size=800, quality_name="WEBDL-1080p", revision=2)
    assert best_file([first, proper], ANY_PROFILE) is proper


def test_equal_quality_the_larger_file_wins_then_the_first_name() -> None:
    small = on_disk("a.mkv", size=10, quality_name="Bluray-1080p")
    large = on_disk("b.mkv", size=20, quality_name="Bluray-1080p")
    twin = on_disk("c.mkv", size=20, quality_name="Bluray-1080p")
    assert best_file([small, twin, large], ANY_PROFILE) is large
    assert best_file([twin, large], None) is large


def test_no_candidates_no_file() -> None:
    assert best_file([], ANY_PROFILE) is None


def test_audio_track_languages_win_over_the_name() -> None:
    assert file_languages([lang("French")], audio("eng", "ger"), lang("English")) == (
        lang("English"),
        lang("German"),
    )


def test_the_name_speaks_when_the_tracks_do_not() -> None:
    assert file_languages([lang("French")], audio("und"), lang("English")) == (lang("French"),)
    assert file_languages([lang("French")], None, lang("English")) == (lang("French"),)


def test_the_original_language_when_nothing_says() -> None:
    assert file_languages([UNKNOWN], audio(), lang("Japanese")) == (lang("Japanese"),)


def test_audio_languages_are_deduplicated_and_unknown_codes_dropped() -> None:
    assert audio_languages(audio("fre", "fra", "xx", "", "jpn")) == (lang("French"), lang("Japanese"))


def test_record_of_a_release_named_file() -> None:
    found = on_disk("The.Movie.2020.EXTENDED.1080p.BluRay.x264-SPARKS.mkv")
    record = record_of(found, lang("English"))
    assert record.scene_name == "The.Movie.2020.EXTENDED.1080p.BluRay.x264-SPARKS"
    assert record.release_group == "SPARKS"
    assert record.edition == "EXTENDED"
    assert record.quality.quality.name == "Bluray-1080p"
    assert record.languages == (lang("English"),)


def test_a_plain_file_name_is_no_scene_name() -> None:
    record = record_of(on_disk("The Movie (2020).mkv"), lang("English"))
    assert record.scene_name is None
    assert record.edition is None


@pytest.mark.parametrize(
    ("stored_size", "stored", "size_on_disk", "expected"),
    [
        (100, {"schema_revision": SCHEMA_REVISION}, 100, False),
        (100, {"schema_revision": SCHEMA_REVISION}, 101, True),
        (100, None, 100, True),
        (100, {"schema_revision": SCHEMA_REVISION - 1}, 100, True),
    ],
)
def test_media_info_is_read_again_when_stale(
    stored_size: int, stored: dict[str, int] | None, size_on_disk: int, expected: bool
) -> None:
    assert needs_media_info(stored_size, stored, size_on_disk) is expected


def test_the_api_media_info_is_kept_with_the_stored_media_info() -> None:
    info = MediaInfo(
        reader=Reader.FFPROBE, video_format="h264", width=1920, height=1080, run_time=timedelta(hours=2)
    )
    stored = stored_media_info(info, "Movie.2020.1080p.WEB-DL.H.264-GRP")
    view = media_info_view(stored, "Movie.2020.1080p.WEB-DL.H.264-GRP")
    assert view is not None
    assert view["resolution"] == "1920x1080"
    assert view["runTime"] == "2:00:00"
    assert "audioCodec" not in view  # no audio: null, so left out


def test_stale_or_unreadable_stored_media_info() -> None:
    info = MediaInfo(reader=Reader.FFPROBE, video_format="hevc", width=3840, height=2160)
    stale = {**stored_media_info(info, None), "schema_revision": 0, "resource": {"videoCodec": "old"}}
    view = media_info_view(stale, "Movie.2020.2160p.x265-GRP")
    assert view is not None
    assert view["videoCodec"] == "x265"
    assert media_info_view(None, None) is None
    assert media_info_view({"reader": "no such reader"}, None) is None


def test_media_info_read_elsewhere_stays_to_be_read_again_when_its_scene_name_changes() -> None:
    info = MediaInfo(reader=Reader.FFPROBE, video_format="h264", width=1920, height=1080)
    elsewhere = stored_media_info(info, None, current=False)  # Radarr's, brought over
    read_here = stored_media_info(info, None)

    assert needs_media_info(10, elsewhere, 10) is True
    assert needs_media_info(10, read_here, 10) is False
    renamed = restored_media_info(elsewhere, "Movie.2020.1080p.BluRay.x264-GRP")
    assert needs_media_info(10, renamed, 10) is True
    plain = media_info_view(read_here, None)
    assert plain is not None
    assert media_info_view(renamed, "Movie.2020.1080p.BluRay.x264-GRP") == {**plain, "videoCodec": "x264"}
    assert needs_media_info(10, restored_media_info(read_here, "Movie.2020.x264-GRP"), 10) is False
