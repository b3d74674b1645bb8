"""The local copies of movie covers: downloaded once, re-checked cheaply, resized as Radarr does."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import shutil
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reelarr.errors import RemoteError
from reelarr.mediacover.covers import (
    FOLDER,
    RESIZE_HEIGHTS,
    CoverImage,
    cover_file_name,
    cover_kind,
    cover_links,
    full_size_name,
    movie_cover_dir,
    servable_name,
)
from reelarr.mediacover.files import (
    Source,
    needs_copy,
    read_source,
    remove_stale_temporaries,
    resize_to_height,
    same_content,
    write_bytes,
    write_source,
)
from reelarr.remote import BreakerPolicy, RateLimit, RemoteRegistry, RemoteService, RetryPolicy, ServicePolicy

log = logging.getLogger(__name__)

SERVICE_NAME = "Images"
# Image CDNs are generous and a re-check is a bodiless 304, but a library-wide refresh sends one
# per cover: a modest rate keeps it polite (10,000 movies' covers are re-checked in about 25 min).
IMAGES_POLICY = ServicePolicy(
    timeout=30.0,
    connect_timeout=10.0,
    retry=RetryPolicy(attempts=3, initial_delay=1.0, max_delay=10.0, jitter=0.5),
    breaker=BreakerPolicy(failure_threshold=5, cooldown=60.0, max_cooldown=900.0),
    rate_limit=RateLimit(rate=20.0, burst=20),
)
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}
_NOT_IMAGES = ("text/", "application/json", "application/xml", "application/xhtml")


class CoverOutcome(StrEnum):
    """What became of one cover in a refresh."""

    DOWNLOADED = "downloaded"  # new or changed: the local file was (re)written
    UNCHANGED = "unchanged"  # the local file already matched the remote one
    FAILED = "failed"  # could not be fetched: the local file, if any, is kept as it was


@dataclass(frozen=True, slots=True)
class CoversResult:
    """The outcome of `ImageCache.ensure` for one movie, by cover type."""

    movie_id: int
    outcomes: Mapping[str, CoverOutcome]

    @property
    def updated(self) -> bool:
        """True when any cover file changed (worth telling the UI to refetch the movie)."""
        return CoverOutcome.DOWNLOADED in self.outcomes.values()


class ImageCache:
    """Movie covers under `{data_dir}/MediaCover/{movieId}/`, fetched through one remote service."""

    def __init__(
        self,
        root: Path,
        service: RemoteService,
        *,
        url_base: str = "",
        downloads: int = 4,
        resizes: int | None = None,
    ) -> None:
        self._root = root
        self._service = service
        self._url_base = url_base
        self._downloads = asyncio.Semaphore(max(1, downloads))
        # Resizing is CPU-bound; like Radarr, keep half the cores for everything else.
        self._resizes = asyncio.Semaphore(resizes or max(1, math.ceil((os.cpu_count() or 1) / 2)))
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    @classmethod
    def from_registry(
        cls,
        registry: RemoteRegistry,
        data_dir: Path,
        *,
        url_base: str = "",
        policy: ServicePolicy = IMAGES_POLICY,
    ) -> ImageCache:
        """The cache of a process: files under `data_dir/MediaCover`, downloads as the Images service."""
        return cls(data_dir / FOLDER, registry.service(SERVICE_NAME, policy), url_base=url_base)

    @property
    def root(self) -> Path:
        """The MediaCover folder."""
        return self._root

    def links(self, movie_id: int | None, images: Iterable[CoverImage]) -> list[dict[str, str]]:
        """Radarr's `images` JSON for a movie (see `cover_links`): one stat per image, no reading."""
        return cover_links(self._root, movie_id, images, self._url_base)

    def find(self, movie_id: int, filename: str) -> Path | None:
        """The file to answer `/MediaCover/{movieId}/{filename}` with, or None.

        A smaller copy (`poster-500.jpg`) that is missing, or older than a since re-downloaded
        original, is answered with the original: Radarr's fallback, and never a stale picture.
        """
        name = servable_name(filename)
        if name is None or movie_id <= 0:
            return None
        folder = movie_cover_dir(self._root, movie_id)
        requested = _stat(folder / name)
        original_name = full_size_name(name)
        if original_name is None:
            return folder / name if requested is not None else None
        original = _stat(folder / original_name)
        if requested is not None and (original is None or requested.st_mtime_ns >= original.st_mtime_ns):
            return folder / name
        return folder / original_name if original is not None else None

    async def read(self, movie_id: int, filename: str) -> CoverFile | None:
        """The cover a request asks for (see `find`), read whole so it matches its own length and date."""
        path = self.find(movie_id, filename)
        return await asyncio.to_thread(_read, path) if path is not None else None

    async def ensure(self, movie_id: int, images: Iterable[CoverImage]) -> CoversResult:
        """Bring the movie's local covers up to date with `images`; never raises for a remote failure.

        A cover whose local file matches the remote one (ETag / Last-Modified, else identical
        bytes) is left untouched, so its `lastWrite` and the browsers' caches stay valid.
        """
        if movie_id <= 0:
            raise ValueError(f"covers need a movie id, not {movie_id}")
        wanted: dict[str, str] = {}
        for image in images:
            kind = cover_kind(image.cover_type)
            if kind is not None and image.remote_url and kind not in wanted:
                wanted[kind] = image.remote_url
        folder = movie_cover_dir(self._root, movie_id)
        async with self._movie_lock(movie_id):
            await asyncio.to_thread(remove_stale_temporaries, folder)
            outcomes = await asyncio.gather(
                *(self._ensure_cover(movie_id, folder, kind, url) for kind, url in wanted.items())
            )
        return CoversResult(movie_id, dict(zip(wanted, outcomes, strict=True)))

    async def delete(self, movie_id: int) -> None:
        """Remove every cover of a movie (nothing happens when it has none)."""
        if movie_id <= 0:
            return
        async with self._movie_lock(movie_id):
            folder = movie_cover_dir(self._root, movie_id)
            await asyncio.to_thread(shutil.rmtree, folder, ignore_errors=True)

    def _movie_lock(self, movie_id: int) -> asyncio.Lock:
        lock = self._locks.get(movie_id)
        if lock is None:
            lock = self._locks[movie_id] = asyncio.Lock()
        return lock

    async def _ensure_cover(self, movie_id: int, folder: Path, kind: str, url: str) -> CoverOutcome:
        try:
            outcome = await self._download(folder / cover_file_name(kind), url)
        except RemoteError as exc:
            log.warning("Could not download the %s of movie %s: %s", kind, movie_id, exc)
            outcome = CoverOutcome.FAILED
        except Exception:
            log.exception("Could not store the %s of movie %s from %s", kind, movie_id, url)
            outcome = CoverOutcome.FAILED
        try:
            await self._resize(folder, kind, force=outcome is CoverOutcome.DOWNLOADED)
        except Exception as exc:
            # Radarr's answer for a missing copy is the original, so a failed resize costs little.
            log.warning("Could not make smaller copies of the %s of movie %s: %s", kind, movie_id, exc)
        return outcome

    async def _download(self, file: Path, url: str) -> CoverOutcome:
        source = await asyncio.to_thread(read_source, file)
        headers: dict[str, str] = {}
        if source is not None and source.url == url:
            if source.etag:
                headers["If-None-Match"] = source.etag
            if source.last_modified:
                headers["If-Modified-Since"] = source.last_modified
        async with self._downloads:
            response = await self._service.request("GET", url, headers=headers)
        if response.status_code == 304 and headers:
            return CoverOutcome.UNCHANGED
        content_type = response.headers.get("content-type", "").lower()
        if response.status_code != 200 or not response.content or content_type.startswith(_NOT_IMAGES):
            log.warning(
                "%s answered %s with %s %s, not an image",
                SERVICE_NAME,
                url,
                response.status_code,
                content_type or "(no content type)",
            )
            return CoverOutcome.FAILED
        body, answered = response.content, response.headers
        validators = Source(url, len(body), answered.get("etag"), answered.get("last-modified"))
        changed = await asyncio.to_thread(_store, file, body, validators)
        return CoverOutcome.DOWNLOADED if changed else CoverOutcome.UNCHANGED

    async def _resize(self, folder: Path, kind: str, *, force: bool) -> None:
        heights = RESIZE_HEIGHTS.get(kind, ())
        original = folder / cover_file_name(kind)
        targets = [(folder / cover_file_name(kind, height), height) for height in heights]
        if not targets or not any(force or needs_copy(target) for target, _ in targets):
            return
        async with self._resizes:
            await asyncio.to_thread(_resize_all, original, targets, force)


@dataclass(frozen=True, slots=True)
class CoverFile:
    """A cover as served: its bytes and when it was written."""

    name: str
    body: bytes
    mtime_ns: int

    @property
    def content_type(self) -> str:
        """The media type its extension stands for."""
        return CONTENT_TYPES[self.name.rsplit(".", 1)[-1]]

    @property
    def etag(self) -> str:
        """A validator for conditional requests: changes whenever the file is rewritten."""
        return f'"{self.mtime_ns:x}-{len(self.body):x}"'


def _stat(path: Path) -> os.stat_result | None:
    try:
        result = path.stat()
    except OSError:
        return None
    return result if result.st_size > 0 else None


def _read(path: Path) -> CoverFile | None:
    try:
        with path.open("rb") as stream:
            mtime_ns = os.fstat(stream.fileno()).st_mtime_ns
            return CoverFile(path.name, stream.read(), mtime_ns)
    except OSError:
        return None  # deleted since it was found


def _store(file: Path, body: bytes, source: Source) -> bool:
    """Write the downloaded cover unless the same bytes are already there; True when written."""
    changed = not same_content(file, body)
    if changed:
        write_bytes(file, body)
    write_source(file, source)
    return changed


def _resize_all(original: Path, targets: list[tuple[Path, int]], force: bool) -> None:
    if not original.is_file():
        return
    for target, height in targets:
        if force or needs_copy(target):
            resize_to_height(original, target, height)
