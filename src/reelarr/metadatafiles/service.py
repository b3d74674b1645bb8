"""Metadata providers (the provider framework's CRUD) and the writing of their files: on import, on a
rescan after a refresh, and after a rename. Only files Reelarr recorded as its own are rewritten or
removed; a file of the user's where one would go is left as it is."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.errors import NotFound
from reelarr.events import EventBus
from reelarr.extras.events import ExtraFilesChanged, ExtraFilesRecorded
from reelarr.extras.model import ExtraFileType
from reelarr.extras.tables import ExtraFileRow
from reelarr.imports.events import MovieImported
from reelarr.mediacover.cache import ImageCache
from reelarr.mediacover.covers import cover_file_name, cover_kind
from reelarr.mediafiles.model import media_info_from_json
from reelarr.metadatafiles import disk
from reelarr.metadatafiles.base import CachedCover, FilmFacts, MetadataWriter
from reelarr.metadatafiles.options import MetadataOptions
from reelarr.metadatafiles.recognition import METADATA_EXTENSIONS, recognise
from reelarr.movies.availability import movie_status
from reelarr.movies.credits import CreditService
from reelarr.movies.files import MovieFileService
from reelarr.movies.model import Movie, MovieFile
from reelarr.movies.service import MovieService
from reelarr.providers.events import ProviderChanged
from reelarr.providers.family import Family
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.service import ExistingTags, ProviderService
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatuses
from reelarr.renaming.events import MovieFileRenamed

log = logging.getLogger(__name__)
FAMILY = "metadata"
TagLabels = Callable[[Iterable[int]], Awaitable[list[str]]]
METADATA = ExtraFileType.METADATA.value
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".metathumb"})


def _template_options(_implementation: type[MetadataWriter], _settings: ProviderSettings) -> MetadataOptions:
    return MetadataOptions()


class MetadataFileService:
    """The metadata providers, and the files the enabled ones write beside each film."""

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        registry: ProviderRegistry[MetadataWriter],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
        library: tuple[MovieService, MovieFileService, CreditService],
        covers: ImageCache,
        tag_labels: TagLabels,
    ) -> None:
        self._db = db
        self._bus = bus
        self._clock = clock
        self._movies, self._files, self._credits = library
        self._covers = covers
        self._tag_labels = tag_labels

        def build(
            implementation: type[MetadataWriter], definition: ProviderDefinition[MetadataOptions]
        ) -> MetadataWriter:
            return implementation(definition)

        self.family: Family[MetadataOptions, MetadataWriter] = Family(
            key=FAMILY,
            title="Metadata",
            options_type=MetadataOptions,
            registry=registry,
            build=build,
            template_options=_template_options,
        )
        self.providers: ProviderService[MetadataOptions, MetadataWriter] = ProviderService(
            db, bus, clock, self.family, statuses, existing_tags
        )

    async def seed_defaults(self) -> None:
        """Add a disabled provider, named as Radarr names it, for each writer that has none (Radarr's
        MetadataFactory does so at every start, so a deleted one comes back disabled)."""
        blanks = [
            ProviderDefinition(
                id=0,
                name=writer.implementation_name,
                implementation=writer.implementation,
                config_contract=writer.config_contract(),
                settings=writer.settings_model(),
                options=MetadataOptions(enable=False),
            )
            for writer in self.family.registry.all()
        ]
        for provider_id in await self.providers.store.insert_missing(blanks):
            await self._bus.publish(ProviderChanged(family=FAMILY, provider_id=provider_id, action="created"))

    def subscribe(self, bus: EventBus) -> None:
        """Write metadata after an import, a rescan (once it recorded the folder's files; a refresh
        rescans) and a rename."""
        bus.subscribe(MovieImported, lambda e: self.write_for(e.movie_id, e.movie_file_id))
        bus.subscribe(MovieFileRenamed, lambda e: self.write_for(e.movie_id, e.movie_file_id))
        bus.subscribe(ExtraFilesRecorded, self._scanned)

    async def _scanned(self, event: ExtraFilesRecorded) -> None:
        if event.movie_file_id is not None:
            await self.write_for(event.movie_id, event.movie_file_id)

    @property
    def extensions(self) -> frozenset[str]:
        """Every extension a writer's file may have."""
        return METADATA_EXTENSIONS

    async def find(self, folder: str, relative_paths: Sequence[str]) -> dict[str, str]:
        """The files of a film's folder among these that a writer writes, each with its writer's
        implementation name: the enabled writers are asked first (WDTV's and Roksbox's .xml share a
        name), then the others, as Radarr asks every writer (blocking reads run in a thread)."""
        if not relative_paths:
            return {}
        enabled = {d.implementation for d in await self.providers.all() if d.enabled}
        every = self.family.registry.all()
        ordered = [w for w in every if w.implementation in enabled] + [
            w for w in every if w.implementation not in enabled
        ]
        return await asyncio.to_thread(recognise, folder, list(relative_paths), ordered)

    async def writers(self) -> list[MetadataWriter]:
        """The enabled metadata providers, built."""
        return [self.providers.instance(d) for d in await self.providers.all() if d.enabled]

    async def write_for(self, movie_id: int, movie_file_id: int) -> None:
        """Write every enabled provider's files for a film's video; never raises into the publisher."""
        try:
            writers = await self.writers()
            if not writers:
                return
            movie = await self._movies.get(movie_id)
            video = await self._files.get(movie_file_id)
            if video.movie_id != movie.id or not await asyncio.to_thread(os.path.isdir, movie.path):
                return
            facts = await self._facts(movie, video)
            covers = await asyncio.to_thread(self._cached_covers, movie)
            async with self._db.write() as session:
                # One writer of a film's extra file records at a time (a rescan records them too).
                await self._db.serialize(session, f"extra-files-{movie.id}")
                for writer in writers:
                    await self._write(session, writer, facts, covers)
        except NotFound:
            return
        except Exception:
            log.exception("Metadata of movie %s not written", movie_id)
            return
        await self._bus.publish(ExtraFilesChanged(movie_id=movie_id))

    async def _facts(self, movie: Movie, video: MovieFile) -> FilmFacts:
        info = media_info_from_json(video.media_info) if video.media_info else None
        status = movie_status(
            in_cinemas=movie.in_cinemas,
            digital=movie.digital_release,
            physical=movie.physical_release,
            tmdb_status=movie.tmdb_status,
            today=self._clock().date(),
        )
        return FilmFacts(
            movie=movie,
            file=video,
            media_info=info,
            credits=await self._credits.for_movie(movie.id),
            tag_labels=await self._tag_labels(movie.tags) if movie.tags else [],
            status=status,
        )

    def _cached_covers(self, movie: Movie) -> list[CachedCover]:
        found: list[CachedCover] = []
        for image in movie.images:
            kind = cover_kind(image.cover_type)
            if kind is None or kind == "headshot" or any(c.kind == kind for c in found):
                continue
            name = cover_file_name(kind)
            if self._covers.find(movie.id, name) is not None:
                found.append(CachedCover(kind, os.path.splitext(name)[1]))
        return found

    async def _write(
        self, session: AsyncSession, writer: MetadataWriter, facts: FilmFacts, covers: Sequence[CachedCover]
    ) -> None:
        movie, video = facts.movie, facts.file
        consumer = writer.implementation
        rows = list(
            await session.scalars(
                select(ExtraFileRow).where(ExtraFileRow.movie_id == movie.id, ExtraFileRow.type == METADATA)
            )
        )
        ours = {row.relative_path: row for row in rows if row.title == consumer}
        target = writer.metadata_path(video.relative_path)
        previous = ours.get(target) if target is not None else None
        watched = (
            target is not None
            and previous is not None
            and await asyncio.to_thread(disk.read_watched, os.path.join(movie.path, target))
        )
        content = writer.movie_metadata(replace(facts, watched=watched))
        wanted: set[str] = set()
        if content is not None and await self._place(
            session, movie, video, consumer, ours, content.relative_path
        ):
            await asyncio.to_thread(
                disk.write_text, os.path.join(movie.path, content.relative_path), content.contents
            )
            wanted.add(content.relative_path)
        for image in writer.movie_images(movie, covers):
            source = self._covers.find(movie.id, cover_file_name(image.kind))
            if source is None or not await self._place(
                session, movie, video, consumer, ours, image.relative_path
            ):
                continue
            await asyncio.to_thread(
                disk.copy_image, str(source), os.path.join(movie.path, image.relative_path)
            )
            wanted.add(image.relative_path)
        await self._retire_stale(session, movie, video, ours, wanted, content is not None)

    async def _place(
        self,
        session: AsyncSession,
        movie: Movie,
        video: MovieFile,
        consumer: str,
        ours: dict[str, ExtraFileRow],
        relative_path: str,
    ) -> bool:
        """Whether Reelarr may write at this path: it is its own file, or nothing is there yet (then it
        is recorded as Reelarr's). A user's file there is left alone."""
        now = self._clock()
        row = ours.get(relative_path)
        if row is not None:
            row.movie_file_id = video.id
            row.last_updated = now
            return True
        full = os.path.join(movie.path, relative_path)
        if await asyncio.to_thread(disk.exists, full):
            log.info("%s is not Reelarr's; left as it is", full)
            return False
        row = ExtraFileRow(
            movie_id=movie.id,
            movie_file_id=video.id,
            relative_path=relative_path,
            extension=os.path.splitext(relative_path)[1],
            type=METADATA,
            language=0,
            language_tags=[],
            title=consumer,  # metadata rows name the provider that wrote them (Radarr's Consumer)
            copy=0,
            added=now,
            last_updated=now,
        )
        session.add(row)
        ours[relative_path] = row
        return True

    async def _retire_stale(
        self,
        session: AsyncSession,
        movie: Movie,
        video: MovieFile,
        ours: dict[str, ExtraFileRow],
        wanted: set[str],
        wrote_metadata: bool,
    ) -> None:
        """Remove this provider's metadata files of old names (a renamed video, movie.nfo switched off)."""
        for path, row in list(ours.items()):
            if path in wanted or row.extension.lower() in IMAGE_EXTENSIONS or not wrote_metadata:
                continue
            if row.movie_file_id not in (None, video.id):
                continue
            await asyncio.to_thread(disk.remove, os.path.join(movie.path, path))
            await session.delete(row)
            del ours[path]
