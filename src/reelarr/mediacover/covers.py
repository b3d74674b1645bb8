"""Where a movie's covers live on disk and how they appear in Radarr's `images` JSON."""

from __future__ import annotations

import os
import re
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Protocol

# Radarr's MediaCoverTypes as they appear in `coverType` and in file names, with the extension
# Radarr gives each file (clear logos keep their transparency as PNG).
EXTENSIONS: dict[str, str] = {
    "poster": ".jpg",
    "banner": ".jpg",
    "fanart": ".jpg",
    "screenshot": ".jpg",
    "headshot": ".jpg",
    "clearlogo": ".png",
}
# Heights of the smaller copies Radarr's MediaCoverService makes beside the original.
RESIZE_HEIGHTS: dict[str, tuple[int, ...]] = {
    "poster": (500, 250),
    "headshot": (500, 250),
    "banner": (70, 35),
    "fanart": (360, 180),
    "screenshot": (360, 180),
}
FOLDER = "MediaCover"
# .NET DateTime ticks (100 ns since 0001-01-01) at the Unix epoch: Radarr's `lastWrite` unit.
_TICKS_AT_EPOCH = 621_355_968_000_000_000
_SERVABLE = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(?:jpg|png|gif)$")
_RESIZED = re.compile(r"^(?P<base>[a-z0-9_]+(?:-[a-z0-9_]+)*?)-\d+\.jpg$")


class CoverImage(Protocol):
    """One image of a movie: its kind and where the metadata source serves it (metadata.Image fits)."""

    @property
    def cover_type(self) -> str: ...

    @property
    def remote_url(self) -> str: ...


def cover_kind(cover_type: str) -> str | None:
    """The lower-case Radarr cover type, or None for a kind Reelarr does not cache."""
    kind = str(cover_type).lower()
    return kind if kind in EXTENSIONS else None


def cover_file_name(kind: str, height: int | None = None) -> str:
    """The file name of a cover (`poster.jpg`) or of one of its smaller copies (`poster-500.jpg`)."""
    suffix = f"-{height}" if height is not None else ""
    return f"{kind}{suffix}{EXTENSIONS[kind]}"


def movie_cover_dir(root: Path, movie_id: int) -> Path:
    """The folder of one movie's covers: `{data_dir}/MediaCover/{movieId}`."""
    return root / str(int(movie_id))


def last_write_ticks(mtime_ns: int) -> int:
    """A file's modification time as .NET ticks, the number Radarr puts in `?lastWrite=`."""
    return mtime_ns // 100 + _TICKS_AT_EPOCH


def movies_with_covers(root: Path) -> frozenset[int] | None:
    """The ids of the movies that have a cover folder, from one listing of `root`; None if unreadable.

    The movie list passes them to `cover_links`, so a library whose covers are not cached yet (no
    image CDN, a fresh import) costs one listing instead of a failed stat per image (30,000).
    """
    try:
        with os.scandir(root) as entries:
            return frozenset(int(entry.name) for entry in entries if entry.name.isdigit())
    except FileNotFoundError:
        return frozenset()
    except OSError:
        return None


def cover_links(
    root: Path,
    movie_id: int | None,
    images: Iterable[CoverImage],
    url_base: str = "",
    *,
    with_covers: Container[int] | None = None,
) -> list[dict[str, str]]:
    """Radarr's `images` for a movie: `{coverType, url, remoteUrl}`.

    As Radarr does, `url` is always there (clients read it without checking): the local cover
    with `?lastWrite=` once it is cached, the bare local path before, and the remote address for
    a film that is not in the library. One stat per image, so the movie list can call it for
    every movie; none for a movie not among `with_covers` (see `movies_with_covers`) when given.
    """
    links: list[dict[str, str]] = []
    folder = f"{root}{os.sep}{movie_id}{os.sep}" if movie_id else None
    look = with_covers is None or movie_id in with_covers
    for image in images:
        kind = str(image.cover_type).lower()
        link = {"coverType": kind}
        if folder is not None and kind in EXTENSIONS:
            name = kind + EXTENSIONS[kind]
            link["url"] = f"{url_base}/{FOLDER}/{movie_id}/{name}"
            try:
                mtime_ns = os.stat(folder + name).st_mtime_ns if look else None
            except OSError:
                mtime_ns = None
            if mtime_ns is not None:
                link["url"] += f"?lastWrite={last_write_ticks(mtime_ns)}"
        elif image.remote_url:
            link["url"] = image.remote_url
        if image.remote_url:
            link["remoteUrl"] = image.remote_url
        links.append(link)
    return links


def servable_name(filename: str) -> str | None:
    """The cover file a request names (`poster.jpg`, `fanart-360.jpg`), or None when it is not one.

    Only plain names of images are accepted: no separators, no dots but the extension, so a
    request can never reach outside the movie's cover folder.
    """
    name = filename.lower()
    return name if _SERVABLE.fullmatch(name) else None


def full_size_name(filename: str) -> str | None:
    """For a smaller copy (`poster-500.jpg`), the original's name (`poster.jpg`); else None."""
    match = _RESIZED.fullmatch(filename)
    return f"{match.group('base')}.jpg" if match else None
