"""Media info read from real ffmpeg-made files, by libmediainfo and by ffprobe, under a time limit."""

from __future__ import annotations

import asyncio
import os
import stat
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from reelarr.mediafiles import mediainfo
from reelarr.mediafiles.formatting import media_info_resource
from reelarr.mediafiles.mediainfo import MediaInfoReader, probe_with_ffprobe, read_with_mediainfo
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader
from tests.fixtures.media import MediaKind, SampleMedia

Read = Callable[[Path], Awaitable[MediaInfo | None]]


async def by_mediainfo(path: Path) -> MediaInfo | None:
    return await asyncio.to_thread(read_with_mediainfo, path)


async def by_ffprobe(path: Path) -> MediaInfo | None:
    return await probe_with_ffprobe(path)


@pytest.fixture(params=[by_mediainfo, by_ffprobe], ids=["mediainfo", "ffprobe"])
def read(request: pytest.FixtureRequest) -> Read:
    reader: Read = request.param
    return reader


async def resource(read: Read, path: Path) -> dict[str, Any]:
    info = await read(path)
    assert info is not None
    return media_info_resource(info, path.name)


async def test_1080p_h264_with_stereo_aac(read: Read, sample_media: SampleMedia) -> None:
    shown = await resource(read, sample_media.path(MediaKind.H264_1080P_AAC_STEREO))
    assert shown["resolution"] == "1920x1080"
    assert (shown["videoCodec"], shown["videoBitDepth"], shown["videoFps"]) == ("x264", 8, 24.0)
    assert (shown["videoDynamicRange"], shown["videoDynamicRangeType"]) == ("", "")
    assert (shown["audioCodec"], shown["audioChannels"], shown["audioStreamCount"]) == ("AAC", 2.0, 1)
    assert (shown["runTime"], shown["scanType"]) == ("0:02", "Progressive")


async def test_2160p_hevc_10_bit_with_hdr10_metadata(read: Read, sample_media: SampleMedia) -> None:
    info = await read(sample_media.path(MediaKind.HEVC_2160P_HDR10))
    assert info is not None
    assert (info.width, info.height, info.video_bit_depth) == (3840, 2160, 10)
    assert (info.video_color_primaries, info.video_transfer_characteristics) == ("bt2020", "smpte2084")
    assert info.hdr_format is HdrFormat.HDR10
    shown = media_info_resource(info, "Movie.2020.2160p.UHD.BluRay.HEVC-GRP.mkv")
    assert (shown["videoCodec"], shown["videoDynamicRange"], shown["videoDynamicRangeType"]) == (
        "x265",
        "HDR",
        "HDR10",
    )
    assert (shown["audioCodec"], shown["audioStreamCount"]) == (None, 0)


async def test_720p_with_two_ac3_languages_and_english_subtitles(
    read: Read, sample_media: SampleMedia
) -> None:
    shown = await resource(read, sample_media.path(MediaKind.H264_720P_AC3_51_TWO_LANGUAGES))
    assert shown["resolution"] == "1280x720"
    assert (shown["audioCodec"], shown["audioChannels"], shown["audioBitrate"]) == ("AC3", 5.1, 192000)
    assert (shown["audioLanguages"], shown["audioStreamCount"], shown["subtitles"]) == ("eng/fre", 2, "eng")


async def test_ninety_minute_feature(read: Read, sample_media: SampleMedia) -> None:
    info = await read(sample_media.path(MediaKind.FEATURE_90MIN))
    assert info is not None
    assert abs(info.run_time - timedelta(minutes=90)) < timedelta(seconds=1)
    assert media_info_resource(info)["runTime"] == "1:30:00"
    assert info.resolution == "1920x1080"


@pytest.mark.parametrize("kind", [k for k in MediaKind if k is not MediaKind.NUT_NOT_FOR_MEDIAINFO])
async def test_both_readers_show_the_same(kind: MediaKind, sample_media: SampleMedia) -> None:
    path = sample_media.path(kind)
    by_library, by_probe = await by_mediainfo(path), await by_ffprobe(path)
    assert by_library is not None
    assert by_probe is not None
    # Matroska keeps no per-stream video bitrate; MediaInfo works one out, ffprobe does not.
    library_shown = {**media_info_resource(by_library, path.name), "videoBitrate": 0}
    probe_shown = {**media_info_resource(by_probe, path.name), "videoBitrate": 0}
    assert library_shown == probe_shown


async def test_reader_uses_mediainfo_when_it_can(sample_media: SampleMedia) -> None:
    info = await MediaInfoReader().read(sample_media.path(MediaKind.H264_1080P_AAC_STEREO))
    assert info is not None
    assert info.reader is Reader.MEDIAINFO


async def test_reader_falls_back_to_ffprobe_for_what_mediainfo_cannot_read(sample_media: SampleMedia) -> None:
    path = sample_media.path(MediaKind.NUT_NOT_FOR_MEDIAINFO)
    assert read_with_mediainfo(path) is None
    info = await MediaInfoReader().read(path)
    assert info is not None
    assert info.reader is Reader.FFPROBE
    assert (info.resolution, info.audio_format) == ("320x240", "flac")


async def test_reader_without_mediainfo_uses_ffprobe(sample_media: SampleMedia) -> None:
    info = await MediaInfoReader(use_mediainfo=False).read(sample_media.path(MediaKind.HEVC_2160P_HDR10))
    assert info is not None
    assert (info.reader, info.hdr_format) == (Reader.FFPROBE, HdrFormat.HDR10)


async def test_no_ffprobe_installed_means_unknown_media_info(
    sample_media: SampleMedia, tmp_path: Path
) -> None:
    reader = MediaInfoReader(ffprobe=str(tmp_path / "no-ffprobe"), use_mediainfo=False)
    assert await reader.read(sample_media.path(MediaKind.H264_1080P_AAC_STEREO)) is None


async def test_disc_images_are_not_read(tmp_path: Path) -> None:
    image = tmp_path / "Movie.2020.iso"
    image.write_bytes(b"\0" * 2048)
    assert await MediaInfoReader().read(image) is None


async def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        await MediaInfoReader().read(tmp_path / "gone.mkv")


def fake_ffprobe(folder: Path, seconds: float) -> tuple[Path, Path]:
    """An ffprobe that writes its pid and sleeps, as one stuck on a dead network share would."""
    script, pid_file = folder / "ffprobe", folder / "ffprobe.pid"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep {seconds}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, pid_file


async def test_a_stuck_ffprobe_is_killed_when_the_time_is_up(
    sample_media: SampleMedia, tmp_path: Path
) -> None:
    script, pid_file = fake_ffprobe(tmp_path, 60)
    reader = MediaInfoReader(ffprobe=str(script), use_mediainfo=False, timeout=0.5)
    started = time.monotonic()
    assert await reader.read(sample_media.path(MediaKind.H264_1080P_AAC_STEREO)) is None
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


async def ticks_while(work: Awaitable[Any]) -> int:
    """How often a 10 ms ticker ran while the work went on: a blocked event loop gives almost none."""
    count = 0
    task = asyncio.ensure_future(work)
    while not task.done():
        await asyncio.sleep(0.01)
        count += 1
    await task
    return count


async def test_ffprobe_does_not_block_the_event_loop(sample_media: SampleMedia, tmp_path: Path) -> None:
    script, _ = fake_ffprobe(tmp_path, 0.5)
    reader = MediaInfoReader(ffprobe=str(script), use_mediainfo=False)
    assert await ticks_while(reader.read(sample_media.path(MediaKind.H264_1080P_AAC_STEREO))) > 10


async def test_mediainfo_does_not_block_the_event_loop(
    sample_media: SampleMedia, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_read(path: str) -> MediaInfo | None:
        time.sleep(0.5)
        return read_with_mediainfo(path)

    monkeypatch.setattr(mediainfo, "read_with_mediainfo", slow_read)
    reader = MediaInfoReader(ffprobe=None)
    assert await ticks_while(reader.read(sample_media.path(MediaKind.H264_1080P_AAC_STEREO))) > 10
