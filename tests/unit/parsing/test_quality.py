"""Reading source, resolution, modifier and revision from a release name."""

from __future__ import annotations

import pytest

from reelarr.parsing import parse_quality
from reelarr.quality.catalogue import DetectionSource


@pytest.mark.parametrize(
    ("title", "quality"),
    [
        ("Movie.Title.2019.1080p.WEB-DL.DDP5.1.H.264-GRP", "WEBDL-1080p"),
        ("Movie.Title.2019.2160p.UHD.BluRay.REMUX.HDR.HEVC-GRP", "Remux-2160p"),
        ("Movie.Title.2019.1080p.AMZN.WEBRip.DDP5.1.x264-GRP", "WEBRip-1080p"),
        ("Movie.Title.2019.720p.HDTV.x264-GRP", "HDTV-720p"),
        ("Movie.Title.2019.DVDRip.XviD-GRP", "DVD"),
        ("Movie.Title.2019.PAL.DVD9-GRP", "DVD-R"),
        ("Movie.Title.2019.COMPLETE.BLURAY-GRP", "BR-DISK"),
        ("Movie.Title.2019.HDCAM.x264-GRP", "CAM"),
        ("Movie.Title.2019.DVDSCR.x264-GRP", "DVDSCR"),
        ("Movie.Title.2019.1080i.HDTV.MPEG2-GRP", "Raw-HD"),
        ("Movie.Title.2019.German.DL.1080p.BluRay.AVC-GRP", "Remux-1080p"),
    ],
)
def test_quality_from_title(title: str, quality: str) -> None:
    assert parse_quality(title).quality.name == quality


def test_telesync_keeps_the_resolution_it_was_released_in() -> None:
    model = parse_quality("Movie.Title.2017.720p.TSRip.x264.AAC-GRP")
    assert (model.quality.name, model.quality.resolution) == ("TELESYNC", 720)


def test_the_last_source_named_decides() -> None:
    assert parse_quality("Movie.Title.2019.BluRay.1080p.WEB-DL.x264-GRP").quality.name == "WEBDL-1080p"


@pytest.mark.parametrize(
    ("title", "version", "real", "repack"),
    [
        ("Movie.Title.2018.PROPER.720p.HDTV.x264-GRP", 2, 0, False),
        ("Movie.Title.2018.REPACK.720p.HDTV.x264-GRP", 2, 0, True),
        ("Movie.Title.2018.REPACK2.720p.HDTV.x264-GRP", 3, 0, True),
        ("Movie.Title.2018.REAL.REAL.PROPER.720p.HDTV.x264-GRP", 2, 2, False),
        ("Movie.Title.2018.real.proper.720p.HDTV.x264-GRP", 2, 0, False),
        ("[Group] Movie Title - 2018v3 - (BD 1080p) [Group]", 3, 0, False),
    ],
)
def test_revision_from_title(title: str, version: int, real: int, repack: bool) -> None:
    revision = parse_quality(title).revision
    assert (revision.version, revision.real, revision.is_repack) == (version, real, repack)


def test_a_bare_file_name_takes_its_quality_from_the_extension() -> None:
    model = parse_quality("Movie Title.avi")
    assert model.quality.name == "SDTV"
    assert (model.source_detection, model.resolution_detection) == (DetectionSource.EXTENSION,) * 2


def test_resolution_from_the_name_and_source_from_the_extension() -> None:
    model = parse_quality("Movie Title.720p.avi")
    assert model.quality.name == "HDTV-720p"
    assert (model.source_detection, model.resolution_detection) == (
        DetectionSource.EXTENSION,
        DetectionSource.NAME,
    )


def test_nothing_known_is_unknown() -> None:
    model = parse_quality("Movie Title")
    assert model.quality.name == "Unknown"
    assert model.source_detection == DetectionSource.UNKNOWN
