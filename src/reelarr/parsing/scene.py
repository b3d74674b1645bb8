"""Recognise scene-style release names ("Movie.Title.2013.720p.BluRay.x264-GROUP")."""

from __future__ import annotations

from reelarr.parsing.extensions import remove_media_extension
from reelarr.parsing.movie import parse_title
from reelarr.quality.catalogue import UNKNOWN


def is_scene_title(title: str) -> bool:
    """Whether a name follows scene naming: dotted, no spaces, with a title, a quality and a group."""
    if "." not in title or " " in title:
        return False
    parsed = parse_title(title)
    return (
        parsed is not None
        and parsed.release_group is not None
        and parsed.quality.quality != UNKNOWN
        and bool(parsed.title.strip())
    )


def scene_title(title: str | None) -> str | None:
    """Return the scene name inside a file or NZB name (extension and trailing "_" removed), or None."""
    if title is None:
        return None
    candidate = remove_media_extension(title.strip()).strip().rstrip("_")
    return candidate if is_scene_title(candidate) else None
