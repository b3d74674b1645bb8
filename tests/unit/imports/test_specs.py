"""The import rules, each on its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from reelarr.imports.specs import ImportFacts, rejections
from reelarr.languages import lang
from reelarr.mediafiles.model import MediaInfo, Reader
from reelarr.mediafiles.samples import SampleCheck, SampleStatus
from reelarr.mediafiles.scan import MovieFileOnDisk
from reelarr.movies.model import MovieFile
from reelarr.quality.catalogue import quality
from reelarr.quality.profile import default_profiles
from reelarr.quality.revision import QualityModel
from tests.unit.decisions.builders import movie as make_movie

NOW = datetime(2026, 12, 6, tzinfo=UTC)
FEATURE = SampleCheck(SampleStatus.NOT_SAMPLE, "Runtime 1:30:00 is not a sample's")
HD_1080P = next(p for p in default_profiles() if p.name == "HD-1080p")
HD_1080P = replace(HD_1080P, upgrade_allowed=True)


def _candidate(name: str = "Movie.2020.1080p.BluRay.x264-GRP.mkv", **changes: object) -> MovieFileOnDisk:
    found = MovieFileOnDisk(
        path=f"/downloads/{name}",
        relative_path=name,
        size=8 * 1024**3,
        modified=NOW,
        parsed=None,
        name_quality=QualityModel(quality("Bluray-1080p")),
        quality=QualityModel(quality("Bluray-1080p")),
        sample=FEATURE,
        media_info=MediaInfo(Reader.FFPROBE, run_time=timedelta(minutes=90), audio_stream_count=1),
    )
    return replace(found, **changes)  # type: ignore[arg-type]


def _facts(candidate: MovieFileOnDisk | None = None, **changes: object) -> ImportFacts:
    facts = ImportFacts(
        candidate=candidate or _candidate(), movie=make_movie(), profile=HD_1080P, candidate_score=0
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def _existing(name: str) -> MovieFile:
    return MovieFile(1, 1, "old.mkv", 1, NOW, QualityModel(quality(name)), (lang("English"),))


def test_a_good_file_passes_every_rule() -> None:
    assert rejections(_facts(free_space=100 * 1024**3)) == ()


def test_a_file_in_a_working_folder_is_still_being_unpacked() -> None:
    candidate = _candidate(relative_path="_UNPACK_Movie.2020/Movie.2020.1080p.BluRay.x264-GRP.mkv")
    assert rejections(_facts(candidate, working_folders=("_UNPACK_", "_FAILED_"))) == (
        "File is still being unpacked",
    )


def test_samples_and_undecided_files_are_refused() -> None:
    sample = _candidate(sample=SampleCheck(SampleStatus.SAMPLE, "short"))
    unknown = _candidate(sample=SampleCheck(SampleStatus.INDETERMINATE, "unread"))
    assert rejections(_facts(sample)) == ("Sample",)
    assert rejections(_facts(unknown)) == ("Unable to determine if file is a sample",)


def test_a_file_without_audio_is_refused() -> None:
    silent = _candidate(media_info=MediaInfo(Reader.FFPROBE, run_time=timedelta(minutes=90)))
    assert rejections(_facts(silent)) == ("No audio tracks detected",)


def test_a_file_naming_another_film_is_refused() -> None:
    assert rejections(_facts(named_movie_id=99)) == (
        "File is for a different movie than the grabbed release",
    )


def test_the_minimum_free_space_is_kept_unless_the_check_is_skipped() -> None:
    tight = 8 * 1024**3 + 50 * 1024**2  # 50 MB would be left
    assert rejections(_facts(free_space=tight)) == ("Not enough free space",)
    assert rejections(_facts(free_space=tight, skip_free_space_check=True)) == ()


def test_a_file_must_upgrade_the_one_there() -> None:
    assert rejections(_facts(existing=_existing("WEBDL-1080p"))) == ()
    assert rejections(_facts(existing=_existing("Remux-1080p"))) == (
        "Not an upgrade for existing movie file(s)",
    )
    assert rejections(_facts(existing=_existing("Bluray-1080p"), candidate_score=10, existing_score=0)) == ()
    assert rejections(_facts(existing=_existing("Bluray-1080p"))) == (
        "Not a Custom Format upgrade for existing movie file(s)",
    )


def test_an_imported_download_is_not_imported_again() -> None:
    [reason] = rejections(_facts(imported_at=NOW))
    assert reason == "Movie file already imported at 2026-12-06T00:00:00+00:00"
