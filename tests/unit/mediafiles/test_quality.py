"""A file's quality from its name and its media info: the picture size outranks what the name says."""

from __future__ import annotations

import pytest

from reelarr.mediafiles.model import MediaInfo, Reader
from reelarr.mediafiles.quality import augment_quality, find_quality, resolution_from_dimensions
from reelarr.parsing import parse_quality
from reelarr.quality.catalogue import ALL_QUALITIES, DetectionSource, Modifier, Quality, QualitySource
from reelarr.quality.revision import QualityModel


def sized(width: int, height: int, title: str = "") -> MediaInfo:
    return MediaInfo(Reader.MEDIAINFO, width=width, height=height, title=title, video_format="h264")


@pytest.mark.parametrize(
    ("name", "width", "height", "quality"),
    [
        ("Movie.2020.720p.BluRay.x264-GRP.mkv", 1920, 1080, "Bluray-1080p"),
        ("Movie.2020.1080p.BluRay.x264-GRP.mkv", 1280, 720, "Bluray-720p"),
        ("Movie.2020.1080p.BluRay.x264-GRP.mkv", 1920, 800, "Bluray-1080p"),
        ("Movie.2020.mkv", 1920, 1080, "HDTV-1080p"),
        ("Movie.2020.mkv", 3840, 2160, "HDTV-2160p"),
        ("Movie.2020.avi", 720, 480, "SDTV"),
        ("Movie.2020.WEB-DL.mkv", 3840, 2160, "WEBDL-2160p"),
        ("Movie.2020.WEBRip.mkv", 1280, 534, "WEBRip-720p"),
        ("Movie.2020.1080p.BluRay.REMUX.AVC-GRP.mkv", 3840, 2160, "Remux-2160p"),
        ("Movie.2020.DVDRip.XviD-GRP.avi", 720, 480, "DVD"),
        ("Movie.2020.TS.mkv", 1280, 720, "TELESYNC"),
        ("Movie.2020.BluRay.mkv", 720, 576, "Bluray-576p"),
    ],
)
def test_media_info_sets_the_resolution(name: str, width: int, height: int, quality: str) -> None:
    augmented = augment_quality(parse_quality(name), sized(width, height))
    assert augmented.name == quality
    assert augmented.resolution_detection is DetectionSource.MEDIA_INFO


def test_a_name_without_source_keeps_the_extension_as_source() -> None:
    augmented = augment_quality(parse_quality("Movie.2020.mkv"), sized(1920, 1080))
    assert augmented.source_detection is DetectionSource.EXTENSION


def test_the_title_tag_names_the_source() -> None:
    info = sized(1920, 1080, title="Movie.2020.1080p.WEB-DL.DDP5.1.H.264-GRP")
    augmented = augment_quality(parse_quality("abc123.mkv"), info)
    assert augmented.name == "WEBDL-1080p"
    assert augmented.source_detection is DetectionSource.MEDIA_INFO


def test_a_title_tag_without_a_source_changes_nothing() -> None:
    info = sized(1920, 1080, title="Movie (2020)")
    assert augment_quality(parse_quality("Movie.2020.BluRay.mkv"), info).name == "Bluray-1080p"


def test_the_revision_stays() -> None:
    name_quality = parse_quality("Movie.2020.720p.BluRay.PROPER.x264-GRP.mkv")
    augmented = augment_quality(name_quality, sized(1920, 1080))
    assert augmented.revision.version == 2
    assert augmented.revision_detection is DetectionSource.NAME


def test_without_media_info_the_name_stands() -> None:
    name_quality = parse_quality("Movie.2020.1080p.WEB-DL.H264-GRP.mkv")
    assert augment_quality(name_quality, None) == name_quality


def test_media_info_without_a_picture_size_changes_nothing() -> None:
    name_quality = parse_quality("Movie.2020.720p.BluRay.x264-GRP.mkv")
    assert augment_quality(name_quality, sized(0, 0)).name == "Bluray-720p"


def test_the_folder_name_beats_a_file_name_that_says_nothing() -> None:
    folder = parse_quality("Movie.2020.1080p.BluRay.x264-GRP")
    assert augment_quality(parse_quality("abc123.mkv"), None, folder).name == "Bluray-1080p"


@pytest.mark.parametrize("quality", ALL_QUALITIES, ids=lambda q: q.name)
def test_every_named_quality_survives_without_media_info(quality: Quality) -> None:
    named = QualityModel(
        quality=quality,
        source_detection=DetectionSource.NAME,
        resolution_detection=DetectionSource.NAME,
    )
    assert augment_quality(named, None).quality == quality


@pytest.mark.parametrize(
    ("width", "height", "resolution"),
    [
        (3840, 2160, 2160),
        (3840, 1600, 2160),
        (4096, 1716, 2160),
        (1920, 1080, 1080),
        (1920, 800, 1080),
        (1440, 1080, 1080),
        (1280, 720, 720),
        (1280, 536, 720),
        (960, 720, 720),
        (1024, 576, 576),
        (720, 576, 576),
        (720, 480, 480),
        (640, 360, 480),
        (0, 0, 0),
    ],
)
def test_resolution_from_picture_size(width: int, height: int, resolution: int) -> None:
    assert resolution_from_dimensions(width, height) == resolution


@pytest.mark.parametrize(
    ("source", "resolution", "modifier", "name"),
    [
        (QualitySource.BLURAY, 1080, Modifier.NONE, "Bluray-1080p"),
        (QualitySource.BLURAY, 2160, Modifier.REMUX, "Remux-2160p"),
        (QualitySource.DVD, 480, Modifier.NONE, "DVD"),
        (QualitySource.CAM, 1080, Modifier.NONE, "CAM"),
        (QualitySource.UNKNOWN, 1080, Modifier.NONE, "HDTV-1080p"),
        (QualitySource.WEBDL, 576, Modifier.NONE, "Bluray-576p"),
        (QualitySource.UNKNOWN, 0, Modifier.NONE, "Unknown"),
    ],
)
def test_find_quality_falls_back_like_radarr(
    source: QualitySource, resolution: int, modifier: Modifier, name: str
) -> None:
    assert find_quality(source, resolution, modifier).name == name
