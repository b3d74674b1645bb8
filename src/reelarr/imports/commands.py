"""The ManualImport and DownloadedMoviesScan commands, with their bodies as Radarr's clients send them."""

from __future__ import annotations

from pydantic import Field, field_validator

from reelarr.camel import CamelModel
from reelarr.imports.manual import ChosenFile, ImportMode, ManualImports
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.languages import Language, language_by_id
from reelarr.quality.catalogue import quality_by_id
from reelarr.quality.revision import QualityModel, Revision


class QualityIdChoice(CamelModel):
    """A quality named by its id (the rest of Radarr's QualityResource is ignored)."""

    id: int


class RevisionChoice(CamelModel):
    """A quality's revision."""

    version: int = Field(1, ge=0)
    real: int = Field(0, ge=0)
    is_repack: bool = False


class QualityChoice(CamelModel):
    """Radarr's QualityModel resource, as a person picked it."""

    quality: QualityIdChoice
    revision: RevisionChoice = Field(default_factory=RevisionChoice)

    @field_validator("quality")
    @classmethod
    def _known(cls, value: QualityIdChoice) -> QualityIdChoice:
        if quality_by_id(value.id) is None:
            raise ValueError(f"Unknown quality id {value.id}")
        return value

    def model(self) -> QualityModel:
        """The chosen quality as a value."""
        found = quality_by_id(self.quality.id)
        assert found is not None  # checked on the way in
        revision = self.revision
        return QualityModel(found, Revision(revision.version, revision.real, revision.is_repack))


class LanguageChoice(CamelModel):
    """A language named by its id."""

    id: int

    @field_validator("id")
    @classmethod
    def _known(cls, value: int) -> int:
        if language_by_id(value) is None:
            raise ValueError(f"Unknown language id {value}")
        return value


def languages_of(choices: list[LanguageChoice] | None) -> tuple[Language, ...]:
    """The chosen languages as values (Unknown alone counts as no choice)."""
    found = tuple(lang for c in choices or () if (lang := language_by_id(c.id)) is not None)
    return () if all(lang.id == 0 for lang in found) else found


class ManualImportFileBody(CamelModel):
    """One chosen file of a ManualImport command (Radarr's ManualImportFile)."""

    path: str
    movie_id: int = Field(ge=1)
    quality: QualityChoice | None = None
    languages: list[LanguageChoice] | None = None
    release_group: str | None = None
    download_id: str | None = None
    indexer_flags: int = Field(0, ge=0)
    folder_name: str | None = None

    def chosen(self) -> ChosenFile:
        """The file as the import service takes it."""
        return ChosenFile(
            path=self.path,
            movie_id=self.movie_id,
            quality=self.quality.model() if self.quality is not None else None,
            languages=languages_of(self.languages),
            release_group=self.release_group or None,
            download_id=self.download_id or None,
            indexer_flags=self.indexer_flags,
        )


def _mode(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


class ManualImportBody(CommandBody):
    """The files to import and how."""

    files: list[ManualImportFileBody] = Field(default_factory=list)
    import_mode: ImportMode = ImportMode.AUTO

    _lower_mode = field_validator("import_mode", mode="before")(_mode)


class DownloadedMoviesScanBody(CommandBody):
    """What a post-processing script reports: where the download is, and its id in the client."""

    path: str | None = None
    download_client_id: str | None = None
    import_mode: ImportMode = ImportMode.AUTO

    _lower_mode = field_validator("import_mode", mode="before")(_mode)


def manual_import_command(manual: ManualImports) -> CommandSpec:
    """ManualImport: import the files a person chose, with their film, quality and languages."""

    async def check(body: ManualImportBody) -> None:
        await manual.check([f.chosen() for f in body.files])

    async def run(body: ManualImportBody, ctx: CommandContext) -> str:
        await ctx.progress(f"Manually importing {len(body.files)} file(s) using mode {body.import_mode}")
        outcome = await manual.import_files([f.chosen() for f in body.files], body.import_mode)
        return outcome.message

    return CommandSpec("ManualImport", run, body=ManualImportBody, max_attempts=1, check=check)


def downloaded_movies_scan_command(manual: ManualImports) -> CommandSpec:
    """DownloadedMoviesScan: import what can be matched in a finished download's folder or file."""

    async def check(body: DownloadedMoviesScanBody) -> None:
        await manual.check_scan(body.path)

    async def run(body: DownloadedMoviesScanBody, ctx: CommandContext) -> str:
        await ctx.progress(f"Scanning {body.path}")
        return await manual.scan(body.path or "", body.download_client_id, body.import_mode)

    return CommandSpec(
        "DownloadedMoviesScan", run, body=DownloadedMoviesScanBody, max_attempts=1, check=check
    )
