"""The kept library list as compressed segments: runs of consecutive movies, each kept gzip-ready.

A segment is the rendered resources of up to 500 movies that follow each other in the list, joined by
commas and kept only compressed (`reelarr.compression.Piece`, ~16% of the JSON), with each
movie's length so that one movie can be replaced without rendering its neighbours again. The body is
the segments between `[`, `,` and `]` pieces: gzip clients get the kept bytes as they are.
"""

from __future__ import annotations

import asyncio
from array import array
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass

from reelarr.compression import Encoding, Piece, compress, encoded, encoded_length

# Renders the given movies (None: every movie) as {movie id: its resource's JSON}, a batch at a time.
Render = Callable[[Sequence[int] | None], AsyncIterator[dict[int, bytes]]]
SEGMENT_MOVIES = 500
# Segments compressed at once in worker threads while the next batch renders (each holds ~1.5 MB).
_COMPRESSING = 2
_INLINE_BYTES = 64 * 1024  # smaller ones are compressed on the event loop: a thread costs more
_OPEN, _COMMA, _CLOSE, _EMPTY = (compress(b) for b in (b"[", b",", b"]", b"[]"))


@dataclass(frozen=True, slots=True)
class Segment:
    """Consecutive movies of the list, rendered, joined by commas and kept compressed."""

    ids: array[int]
    lengths: array[int]
    piece: Piece

    def parts(self) -> dict[int, bytes]:
        """Each movie's rendered resource, by id."""
        text, parts, at = self.piece.plain(), {}, 0
        for movie_id, length in zip(self.ids, self.lengths, strict=True):
            parts[movie_id] = text[at : at + length]
            at += length + 1
        return parts


async def segment(ids: list[int], parts: list[bytes]) -> Segment:
    """A segment of these movies (in this order) and their rendered resources."""
    text = b",".join(parts)
    piece = compress(text) if len(text) < _INLINE_BYTES else await asyncio.to_thread(compress, text)
    return Segment(array("q", ids), array("q", map(len, parts)), piece)


class ListBody:
    """The whole list as JSON, from kept segments, in whichever encoding the client takes."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._pieces = [_EMPTY] if not segments else _framed([s.piece for s in segments])

    def length(self, encoding: Encoding) -> int:
        """Bytes the body takes in `encoding`."""
        return encoded_length(self._pieces, encoding)

    def chunks(self, encoding: Encoding) -> Iterator[bytes]:
        """The body in `encoding`, a segment at a time (plain: inflated one at a time)."""
        return encoded(self._pieces, encoding)


def _framed(pieces: list[Piece]) -> list[Piece]:
    framed = [_OPEN]
    for piece in pieces:
        framed += (piece, _COMMA)
    framed[-1] = _CLOSE
    return framed


Plan = list[Segment | list[int]]


def plan(ids: Sequence[int], kept: Sequence[Segment], stale: set[int]) -> Plan:
    """The list as kept segments still in place and unchanged, and runs of movies to put in new ones."""
    by_first = {s.ids[0]: s for s in kept}
    steps: Plan = []
    run: list[int] = []
    at = 0
    while at < len(ids):
        found = by_first.get(ids[at])
        if found is not None and _in_place(found, ids, at) and stale.isdisjoint(found.ids):
            steps += _split(run)
            run = []
            steps.append(found)
            at += len(found.ids)
        else:
            run.append(ids[at])
            at += 1
    return steps + _split(run)


def _in_place(kept: Segment, ids: Sequence[int], at: int) -> bool:
    return array("q", ids[at : at + len(kept.ids)]) == kept.ids


def _split(run: list[int]) -> Plan:
    return [run[i : i + SEGMENT_MOVIES] for i in range(0, len(run), SEGMENT_MOVIES)]


async def build(
    steps: Plan, kept: Sequence[Segment], todo: set[int], render: Render, whole: bool
) -> list[Segment]:
    """The segments of the list: kept ones as they are, new ones from `todo` rendered now and the rest
    taken out of the kept segments they were in; movies that are gone by now are left out."""
    builder = _Builder([s for s in steps if isinstance(s, list)], kept, todo)
    if todo:
        async for rendered in render(None if whole else sorted(todo)):
            builder.rendered.update(rendered)
            await builder.complete(final=False)
    await builder.complete(final=True)
    built = iter(await builder.segments())
    segments: list[Segment | None] = [s if isinstance(s, Segment) else next(built) for s in steps]
    return [s for s in segments if s is not None]


class _Builder:
    """New segments made in the list's order as soon as every movie of one is at hand."""

    def __init__(self, runs: list[list[int]], kept: Sequence[Segment], todo: set[int]) -> None:
        self._runs = runs
        self._todo = todo
        self._next = 0
        self.rendered: dict[int, bytes] = {}
        self._loose: dict[int, bytes] = {}  # movies taken out of kept segments, until their run is built
        self._home = {movie_id: s for s in kept for movie_id in s.ids} if runs else {}
        self._made: list[asyncio.Future[Segment] | None] = []

    async def complete(self, *, final: bool) -> None:
        """Make the segments of the next runs whose movies are all there (at the end: what is there)."""
        while self._next < len(self._runs):
            run = self._runs[self._next]
            if not final and any(i in self._todo and i not in self.rendered for i in run):
                return
            ids, parts = [], []
            for movie_id in run:
                part = self.rendered.pop(movie_id, None) if movie_id in self._todo else self._taken(movie_id)
                if part is not None:
                    ids.append(movie_id)
                    parts.append(part)
            self._made.append(asyncio.ensure_future(segment(ids, parts)) if ids else None)
            self._next += 1
            await self._bounded()

    def _taken(self, movie_id: int) -> bytes | None:
        if movie_id not in self._loose and (home := self._home.get(movie_id)) is not None:
            self._loose.update(home.parts())
        return self._loose.pop(movie_id, None)

    async def _bounded(self) -> None:
        busy = [f for f in self._made if f is not None and not f.done()]
        if len(busy) > _COMPRESSING:
            await asyncio.wait(busy[: len(busy) - _COMPRESSING])

    async def segments(self) -> list[Segment | None]:
        """The new segments, one per run (None for a run whose movies are all gone)."""
        return [await f if f is not None else None for f in self._made]
