"""Which folders and files a movie folder scan passes over, and the reason it gives."""

from __future__ import annotations

import pytest

from reelarr.mediafiles.exclusions import (
    SkipReason,
    file_skip_reason,
    folder_skip_reason,
    is_video_name,
    partial_download,
)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Extras", SkipReason.EXTRAS),
        ("Featurettes", SkipReason.EXTRAS),
        ("Behind The Scenes", SkipReason.EXTRAS),
        ("deleted scenes", SkipReason.EXTRAS),
        ("Trailers", SkipReason.EXTRAS),
        ("Interviews", SkipReason.EXTRAS),
        ("Shorts", SkipReason.EXTRAS),
        ("Scenes", SkipReason.EXTRAS),
        ("Other", SkipReason.EXTRAS),
        ("extrafanart", SkipReason.EXTRAS),
        ("Sample", SkipReason.SAMPLE),
        ("samples", SkipReason.SAMPLE),
        ("@eaDir", SkipReason.SYSTEM),
        ("#recycle", SkipReason.SYSTEM),
        ("@Recycle", SkipReason.SYSTEM),
        ("Plex Versions", SkipReason.SYSTEM),
        ("$RECYCLE.BIN", SkipReason.SYSTEM),
        ("lost+found", SkipReason.SYSTEM),
        (".@__thumb", SkipReason.HIDDEN),
        (".grab", SkipReason.HIDDEN),
        (".AppleDouble", SkipReason.HIDDEN),
        ("Movie.2020.1080p.BluRay.x264-GRP", None),
        ("CD1", None),
        ("Subs", None),
        ("Extras Galore (2021)", None),
    ],
)
def test_folders(name: str, reason: SkipReason | None) -> None:
    assert folder_skip_reason(name) is reason


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Movie (2020).mkv", None),
        ("Movie (2020)-trailer.mkv", SkipReason.EXTRAS),
        ("Movie (2020)-Featurette.mp4", SkipReason.EXTRAS),
        ("Movie (2020)-behindthescenes.mkv", SkipReason.EXTRAS),
        ("Movie (2020)-deleted.mkv", SkipReason.EXTRAS),
        ("Movie (2020)-interview.avi", SkipReason.EXTRAS),
        ("Movie (2020)-scene.mkv", SkipReason.EXTRAS),
        ("Movie (2020)-short.mkv", SkipReason.EXTRAS),
        ("Movie (2020)-other.mkv", SkipReason.EXTRAS),
        ("._Movie (2020).mkv", SkipReason.HIDDEN),
        (".hidden.mkv", SkipReason.HIDDEN),
        ("Movie (2020).mkv.!qB", SkipReason.PARTIAL),
        ("Movie (2020).mkv.part", SkipReason.PARTIAL),
        ("Movie (2020).mp4.partial~", SkipReason.PARTIAL),
        ("Movie (2020).avi.!ut", SkipReason.PARTIAL),
        ("Movie (2020).nfo", None),
        ("Movie (2020).en.srt", None),
        ("notes.part", None),
        ("Thumbs.db", None),
        (".DS_Store", None),
    ],
)
def test_files(name: str, reason: SkipReason | None) -> None:
    assert file_skip_reason(name) is reason


@pytest.mark.parametrize(
    ("name", "partial"),
    [("a.mkv.!qB", True), ("a.MKV.PART", True), ("a.rar.part", False), ("a.mkv", False)],
)
def test_partial_downloads_are_videos_being_written(name: str, partial: bool) -> None:
    assert partial_download(name) is partial


@pytest.mark.parametrize(
    ("name", "video"),
    [("a.mkv", True), ("a.M2TS", True), ("a.iso", True), ("a.webm", True), ("a.srt", False), ("a", False)],
)
def test_video_names(name: str, video: bool) -> None:
    assert is_video_name(name) is video
