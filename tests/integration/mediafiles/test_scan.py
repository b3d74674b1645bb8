"""Scanning movie folders on disk: what is taken, what is passed over and why, with and without media info."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reelarr.mediafiles.exclusions import SkipReason
from reelarr.mediafiles.mediainfo import MediaInfoReader
from reelarr.mediafiles.model import MediaInfo
from reelarr.mediafiles.samples import SampleStatus
from reelarr.mediafiles.scan import (
    FolderScan,
    list_download,
    list_movie_files,
    scan_movie_folder,
    with_media_info,
)
from tests.fixtures.media import MediaKind, SampleMedia

MAIN = "Movie.2020.1080p.BluRay.x264-GRP.mkv"


def touch(folder: Path, relative: str, size: int = 16) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    return path


def taken(scan: FolderScan) -> list[str]:
    return [f.relative_path for f in scan.files]


def passed_over(scan: FolderScan) -> dict[str, SkipReason]:
    return {s.relative_path: s.reason for s in scan.skipped}


@pytest.fixture
def movie_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Movie (2020)"
    for relative in [
        MAIN,
        "Movie.2020.1080p.BluRay.x264-GRP.en.srt",
        "movie.nfo",
        "poster.jpg",
        "CD2/Movie.2020.1080p.BluRay.x264-GRP.cd2.mkv",
        "Movie.2020.1080p-sample.mkv",
        "Sample/grp-movie-1080p.mkv",
        "Extras/Making Of.mkv",
        "Featurettes/Visual Effects.mp4",
        "Behind The Scenes/Interview.mkv",
        "Movie (2020)-trailer.mp4",
        ".hidden.mkv",
        "._Movie.2020.1080p.BluRay.x264-GRP.mkv",
        ".grab/grabbed.mkv",
        "@eaDir/Movie.mkv/SYNOFILE_THUMB_M.jpg",
        "#recycle/Movie.2020.720p.mkv",
        "Plex Versions/Optimized for TV/Movie.mp4",
        "Movie.2020.2160p.WEB-DL.mkv.!qB",
        "Movie.2020.2160p.WEB-DL.mkv.part",
        "Movie.2020.2160p.WEB-DL.mkv.partial~",
    ]:
        touch(folder, relative)
    return folder


def test_only_the_movie_files_are_taken(movie_folder: Path) -> None:
    assert taken(list_movie_files(movie_folder)) == [
        "CD2/Movie.2020.1080p.BluRay.x264-GRP.cd2.mkv",
        MAIN,
    ]


def test_what_is_passed_over_says_why(movie_folder: Path) -> None:
    assert passed_over(list_movie_files(movie_folder)) == {
        "#recycle": SkipReason.SYSTEM,
        "._Movie.2020.1080p.BluRay.x264-GRP.mkv": SkipReason.HIDDEN,
        ".grab": SkipReason.HIDDEN,
        ".hidden.mkv": SkipReason.HIDDEN,
        "@eaDir": SkipReason.SYSTEM,
        "Behind The Scenes": SkipReason.EXTRAS,
        "Extras": SkipReason.EXTRAS,
        "Featurettes": SkipReason.EXTRAS,
        "Movie (2020)-trailer.mp4": SkipReason.EXTRAS,
        "Movie.2020.1080p-sample.mkv": SkipReason.SAMPLE,
        "Movie.2020.2160p.WEB-DL.mkv.!qB": SkipReason.PARTIAL,
        "Movie.2020.2160p.WEB-DL.mkv.part": SkipReason.PARTIAL,
        "Movie.2020.2160p.WEB-DL.mkv.partial~": SkipReason.PARTIAL,
        "Plex Versions": SkipReason.SYSTEM,
        "Sample": SkipReason.SAMPLE,
    }


def test_a_found_file_carries_what_its_name_says(tmp_path: Path) -> None:
    folder = tmp_path / "Movie (2019)"
    path = touch(folder, "Movie.2019.Directors.Cut.FRENCH.1080p.WEB-DL.DDP5.1.H.264-GRP.mkv", size=1234)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    (found,) = list_movie_files(folder).files
    assert found.path == str(path)
    assert found.size == 1234
    assert found.modified == datetime.fromtimestamp(1_600_000_000, UTC)
    assert found.parsed is not None
    assert (found.parsed.title, found.parsed.year) == ("Movie", 2019)
    assert found.quality.name == "WEBDL-1080p"
    assert (found.edition, found.release_group) == ("Directors Cut", "GRP")
    assert [language.name for language in found.languages] == ["French"]
    assert found.media_info is None
    assert found.sample.status is SampleStatus.INDETERMINATE


def test_an_obfuscated_file_name_is_read_with_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Movie.2018.720p.BluRay.x264-GRP"
    touch(folder, "a1b2c3d4e5.mkv")
    (found,) = list_movie_files(folder).files
    assert found.parsed is not None
    assert (found.parsed.title, found.parsed.year, found.quality.name) == ("Movie", 2018, "Bluray-720p")


def test_a_folder_that_is_not_there_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list_movie_files(tmp_path / "missing")


def test_a_symlinked_folder_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "Movie (2020)"
    touch(folder, f"Disc/{MAIN}")
    (folder / "Disc" / "again").symlink_to(folder)
    assert taken(list_movie_files(folder)) == [f"Disc/{MAIN}"]


async def test_media_info_makes_the_quality_and_finds_the_short_sample(
    tmp_path: Path, sample_media: SampleMedia
) -> None:
    folder = tmp_path / "Movie (2020)"
    sample_media.copy_to(MediaKind.FEATURE_90MIN, folder / "Movie.2020.720p.BluRay.x264-GRP.mkv")
    sample_media.copy_to(MediaKind.SAMPLE_CLIP, folder / "grp-movie2020-720p.mkv")
    scan = await scan_movie_folder(folder, reader=MediaInfoReader(), movie_runtime_minutes=90)

    (feature,) = scan.files
    assert feature.media_info is not None
    assert feature.media_info.resolution == "1920x1080"
    assert (feature.name_quality.name, feature.quality.name) == ("Bluray-720p", "Bluray-1080p")
    assert feature.sample.status is SampleStatus.NOT_SAMPLE
    (sample,) = scan.skipped
    assert (sample.relative_path, sample.reason) == ("grp-movie2020-720p.mkv", SkipReason.SAMPLE)
    assert sample.detail == "Sample: runtime 0:30 is shorter than 10:00"


async def test_with_media_info_the_runtime_outweighs_a_sample_name(
    tmp_path: Path, sample_media: SampleMedia
) -> None:
    folder = tmp_path / "Free Sample (2012)"
    sample_media.copy_to(MediaKind.FEATURE_90MIN, folder / "Free.Sample.2012.1080p.WEB-DL.H264-GRP.mkv")
    without = await scan_movie_folder(folder)
    with_info = await scan_movie_folder(folder, reader=MediaInfoReader(), movie_runtime_minutes=90)
    assert taken(without) == []
    assert taken(with_info) == ["Free.Sample.2012.1080p.WEB-DL.H264-GRP.mkv"]


async def test_media_info_can_be_read_later_for_one_file(tmp_path: Path, sample_media: SampleMedia) -> None:
    folder = tmp_path / "Movie (2020)"
    sample_media.copy_to(MediaKind.HEVC_2160P_HDR10, folder / "Movie.2020.UHD.BluRay.x265-GRP.mkv")
    (listed,) = list_movie_files(folder).files
    read = await with_media_info(listed, MediaInfoReader(), movie_runtime_minutes=0)
    assert listed.media_info is None
    assert read.media_info is not None
    assert read.media_info.is_hdr
    assert read.quality.name == "Bluray-2160p"


class CountingReader(MediaInfoReader):
    """A reader that reports nothing and remembers how many reads ran at once."""

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self.most = 0

    async def read(self, path: str | os.PathLike[str]) -> MediaInfo | None:
        self.running += 1
        self.most = max(self.most, self.running)
        await asyncio.sleep(0.01)
        self.running -= 1
        return None


async def test_media_info_is_read_a_few_files_at_a_time(tmp_path: Path) -> None:
    folder = tmp_path / "Movie (2020)"
    for part in range(12):
        touch(folder, f"Part {part}/Movie.2020.1080p.BluRay.x264-GRP.mkv")
    reader = CountingReader()
    scan = await scan_movie_folder(folder, reader=reader, concurrency=3)
    assert len(scan.files) == 12
    assert reader.most == 3


async def test_two_thousand_subfolders_scan_quickly(tmp_path: Path) -> None:
    folder = tmp_path / "Big"
    for number in range(2000):
        touch(folder, f"Movie {number} (2001)/Movie.{number}.2001.1080p.WEB-DL.DDP5.1.H.264-GRP.mkv", size=0)
        touch(folder, f"Movie {number} (2001)/movie.nfo", size=0)
    started = time.perf_counter()
    scan = await scan_movie_folder(folder)
    elapsed = time.perf_counter() - started
    assert len(scan.files) == 2000
    assert all(f.quality.name == "WEBDL-1080p" for f in scan.files)
    assert elapsed < 5, f"scanning 2,000 folders took {elapsed:.2f} s"


def test_a_download_listed_for_a_person_keeps_the_files_named_as_samples(tmp_path: Path) -> None:
    touch(tmp_path, MAIN)
    touch(tmp_path, "Movie.2020.1080p.BluRay.x264-GRP-sample.mkv")
    touch(tmp_path, "Sample/clip.mkv")

    assert taken(list_download(tmp_path)) == [MAIN]
    kept = list_download(tmp_path, keep_samples=True)
    assert taken(kept) == ["Movie.2020.1080p.BluRay.x264-GRP-sample.mkv", MAIN]
    assert passed_over(kept) == {"Sample": SkipReason.SAMPLE}  # a sample folder is still passed over
    single = tmp_path / "Movie.2020.1080p.BluRay.x264-GRP-sample.mkv"
    assert taken(list_download(single)) == []
    assert taken(list_download(single, keep_samples=True)) == ["Movie.2020.1080p.BluRay.x264-GRP-sample.mkv"]
