"""Reading a video file's media info: libmediainfo (pymediainfo) first, ffprobe when it cannot read the file.

Both run off the event loop (libmediainfo in a worker thread, ffprobe as a subprocess) under one time
limit per file. A timed-out ffprobe is killed; a timed-out libmediainfo call cannot be, so its thread
finishes on its own while the caller moves on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from pathlib import Path
from typing import Any

import pymediainfo

from reelarr.mediafiles.from_ffprobe import from_ffprobe, needs_frame_probe, primary_video_stream
from reelarr.mediafiles.from_mediainfo import from_mediainfo_tracks
from reelarr.mediafiles.model import MediaInfo
from reelarr.parsing.extensions import extension_of

log = logging.getLogger(__name__)

# Disc images are not one stream, and .strm/.m3u point at a remote stream that a probe would fetch.
NOT_PROBED_EXTENSIONS = frozenset({".iso", ".img", ".strm", ".m3u"})
DEFAULT_TIMEOUT = 60.0

_FIRST_PROBE = ("-probesize", "50000000")
_DEEP_PROBE = ("-probesize", "150000000", "-analyzeduration", "150000000")


def read_with_mediainfo(path: str | os.PathLike[str]) -> MediaInfo | None:
    """Read a file with libmediainfo (blocking); None when it finds no video or audio stream."""
    parsed = pymediainfo.MediaInfo.parse(os.fspath(path))
    if isinstance(parsed, str):  # only with an output format, which is never asked for here
        return None
    return from_mediainfo_tracks([track.to_data() for track in parsed.tracks])


async def _run(args: list[str]) -> bytes | None:
    """Run a command; its stdout when it succeeds, None when it fails. Killed when cancelled (timed out)."""
    process = await asyncio.create_subprocess_exec(
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await process.communicate()
    except BaseException:
        if process.returncode is None:
            process.kill()
            await process.wait()
        raise
    if process.returncode != 0:
        log.debug("%s failed (%s): %s", args[0], process.returncode, stderr.decode(errors="replace")[-500:])
        return None
    return stdout


async def _probe_json(ffprobe: str, extra: tuple[str, ...], path: str) -> dict[str, Any] | None:
    output = await _run([ffprobe, "-v", "error", "-print_format", "json", *extra, path])
    if output is None:
        return None
    try:
        parsed = json.loads(output)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def _first_audio_lacks_layout(probe: dict[str, Any]) -> bool:
    audio = next((s for s in probe.get("streams") or () if s.get("codec_type") == "audio"), None)
    return audio is not None and not audio.get("channel_layout")


async def probe_with_ffprobe(path: str | os.PathLike[str], *, ffprobe: str = "ffprobe") -> MediaInfo | None:
    """Read a file with ffprobe (streams, then one video frame when the transfer is PQ); None if it can't.

    Wrap the call in `asyncio.timeout`: a probe still running when the time is up is killed.
    """
    target = os.fspath(path)
    streams = ("-show_format", "-show_streams")
    probe = await _probe_json(ffprobe, (*streams, *_FIRST_PROBE), target)
    if probe is not None and _first_audio_lacks_layout(probe):
        probe = await _probe_json(ffprobe, (*streams, *_DEEP_PROBE), target) or probe
    if probe is None:
        return None
    frames = None
    if needs_frame_probe(probe):
        videos = [s for s in probe.get("streams") or () if s.get("codec_type") == "video"]
        index = videos.index(primary_video_stream(videos))
        frame_args = ("-show_frames", "-read_intervals", "%+#1", "-select_streams", f"v:{index}")
        frames = await _probe_json(ffprobe, frame_args, target)
    return from_ffprobe(probe, frames)


class MediaInfoReader:
    """Reads media info with libmediainfo, falling back to ffprobe, within a time limit per file."""

    def __init__(
        self, *, ffprobe: str | None = "ffprobe", use_mediainfo: bool = True, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        self.ffprobe = ffprobe
        self.use_mediainfo = use_mediainfo
        self.timeout = timeout

    async def read(self, path: str | os.PathLike[str]) -> MediaInfo | None:
        """The file's media info; None for disc images, unreadable files and reads that time out."""
        target = os.fspath(path)
        if extension_of(Path(target).name) in NOT_PROBED_EXTENSIONS:
            return None
        if not await asyncio.to_thread(os.path.isfile, target):
            raise FileNotFoundError(target)
        try:
            async with asyncio.timeout(self.timeout):
                return await self._read(target)
        except TimeoutError:
            log.warning("Reading media info of %s took longer than %s s; gave up", target, self.timeout)
            return None

    async def _read(self, path: str) -> MediaInfo | None:
        if self.use_mediainfo:
            try:
                found = await asyncio.to_thread(read_with_mediainfo, path)
            except Exception as error:  # libmediainfo missing or failing: ffprobe may still read it
                log.info("MediaInfo could not read %s (%s); trying ffprobe", path, error)
                found = None
            if found is not None:
                return found
        if self.ffprobe is None:
            return None
        try:
            return await probe_with_ffprobe(path, ffprobe=self.ffprobe)
        except FileNotFoundError:
            log.warning("ffprobe (%s) is not installed; media info of %s is unknown", self.ffprobe, path)
            return None
        except Exception:  # one odd file must not end a scan of thousands
            log.warning("ffprobe could not read %s", path, exc_info=True)
            return None
