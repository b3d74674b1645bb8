"""The naming settings, kept in the database and in memory, and the names and examples built from them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import select

from reelarr.customformats.input import FormatInput
from reelarr.customformats.model import CustomFormat
from reelarr.db.engine import Database
from reelarr.errors import ValidationFailed
from reelarr.events import Event, EventBus, EventsMissed
from reelarr.movies.file_formats import file_format_input
from reelarr.movies.model import Movie, MovieFile
from reelarr.naming.builder import NamingFormatError, build_file_name, build_folder_name
from reelarr.naming.config import ColonReplacement, NamingConfig, colon_replacement
from reelarr.naming.events import NamingConfigChanged
from reelarr.naming.sample import SAMPLE_MOVIE, SAMPLE_QUALITY, sample_file
from reelarr.naming.subject import NamedMovie, named_file, named_movie
from reelarr.naming.tables import NamingConfigRow
from reelarr.naming.validation import config_failures, length_failures
from reelarr.quality.catalogue import Quality

QualityTitle = Callable[[Quality], Awaitable[str]]
FormatsOf = Callable[[FormatInput], Awaitable[tuple[CustomFormat, ...]]]
_ROW_ID = 1


async def _catalogue_title(quality: Quality) -> str:
    return quality.name


async def _no_formats(_subject: FormatInput) -> tuple[CustomFormat, ...]:
    return ()


@dataclass(frozen=True, slots=True)
class NamingExamples:
    """The sample film's file and folder names under some settings (None: the format is empty)."""

    movie_example: str | None
    movie_folder_example: str | None


def _to_config(row: NamingConfigRow) -> NamingConfig:
    return NamingConfig(
        rename_movies=row.rename_movies,
        replace_illegal_characters=row.replace_illegal_characters,
        colon_replacement_format=colon_replacement(row.colon_replacement_format) or ColonReplacement.SMART,
        standard_movie_format=row.standard_movie_format,
        movie_folder_format=row.movie_folder_format,
    )


def _fill(row: NamingConfigRow, config: NamingConfig) -> None:
    row.rename_movies = config.rename_movies
    row.replace_illegal_characters = config.replace_illegal_characters
    row.colon_replacement_format = config.colon_replacement_format.value
    row.standard_movie_format = config.standard_movie_format
    row.movie_folder_format = config.movie_folder_format


class NamingService:
    """Reads and saves the naming settings; names folders and builds the examples.

    The settings are kept in memory; a save here or in another process drops them.
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        *,
        quality_title: QualityTitle = _catalogue_title,
        formats_of: FormatsOf = _no_formats,
    ) -> None:
        self._db = db
        self._bus = bus
        self.quality_title = quality_title
        self.formats_of = formats_of
        self._config: NamingConfig | None = None
        self._generation = 0
        bus.subscribe(NamingConfigChanged, self._forget, remote=True)
        bus.subscribe(EventsMissed, self._forget, remote=True)

    async def _forget(self, _event: Event) -> None:
        self._generation += 1
        self._config = None

    async def config(self) -> NamingConfig:
        """The settings in force (Radarr's defaults when none were ever stored)."""
        config = self._config
        if config is None:
            generation = self._generation
            async with self._db.read() as session:
                row = await session.scalar(select(NamingConfigRow).order_by(NamingConfigRow.id).limit(1))
            config = _to_config(row) if row is not None else NamingConfig()
            if generation == self._generation:
                self._config = config
        return config

    async def save(self, config: NamingConfig) -> NamingConfig:
        """Keep new settings; a 400 naming each broken rule, and nothing saved, when one is broken."""
        failures = config_failures(config, await self.quality_title(SAMPLE_QUALITY.quality))
        if failures:
            raise ValidationFailed(failures)
        async with self._db.write() as session:
            row = await session.scalar(select(NamingConfigRow).order_by(NamingConfigRow.id).limit(1))
            if row is None:
                row = NamingConfigRow(id=_ROW_ID)
                session.add(row)
            _fill(row, config)
        # Delivered here too: the kept settings are dropped before the saved ones are read back.
        await self._bus.publish(NamingConfigChanged())
        return await self.config()

    async def examples(self, config: NamingConfig) -> NamingExamples:
        """The sample film named under `config` (saved or not), as the settings page previews it."""
        too_long = length_failures("standardMovieFormat", config.standard_movie_format)
        too_long += length_failures("movieFolderFormat", config.movie_folder_format)
        if too_long:
            raise ValidationFailed(too_long)
        file = sample_file(await self.quality_title(SAMPLE_QUALITY.quality))
        try:
            movie_example: str | None = build_file_name(SAMPLE_MOVIE, file, config)
        except NamingFormatError:
            movie_example = ""
        folder_example: str | None = build_folder_name(SAMPLE_MOVIE, config)
        if not config.standard_movie_format.strip():
            movie_example = None
        if not config.movie_folder_format.strip():
            folder_example = None
        return NamingExamples(movie_example, folder_example)

    async def file_name(self, movie: Movie, file: MovieFile) -> str:
        """The name (without extension) the settings in force give a library film's file; its
        current name when renaming is off. NamingFormatError when the file format cannot build one."""
        named = named_file(
            file,
            quality_title=await self.quality_title(file.quality.quality),
            custom_formats=await self.formats_of(file_format_input(file, movie)),
        )
        return build_file_name(named_movie(movie), named, await self.config())

    async def folder_name(self, movie: NamedMovie) -> str:
        """The folder a film gets in a root folder under the settings in force."""
        return build_folder_name(movie, await self.config())
