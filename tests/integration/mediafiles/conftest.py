"""Sample videos made with ffmpeg, shared by the media file tests of a session."""

from __future__ import annotations

from tests.fixtures.media.plugin import sample_media

__all__ = ["sample_media"]
