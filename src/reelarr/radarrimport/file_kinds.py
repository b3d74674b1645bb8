"""Movie files: each film's file as Radarr recorded it, registered where it lies (nothing is moved)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.media_info import from_model, from_resource
from reelarr.radarrimport.paths import relative_path
from reelarr.radarrimport.values import languages, quality_model, text, timestamp

if TYPE_CHECKING:
    from reelarr.movies.file_rows import FileChanges
    from reelarr.movies.file_rules import FileRecord
    from reelarr.movies.model import Movie, MovieFile

Json = dict[str, Any]


def _record(radarr: Json, relative_path: str, size: int) -> FileRecord:
    from reelarr.movies.file_rules import FileRecord

    scene_name = text(radarr.get("sceneName"))
    if "mediaInfoModel" in radarr:  # read from radarr.db
        media_info = from_model(radarr["mediaInfoModel"])
    else:
        media_info = from_resource(radarr.get("mediaInfo"), scene_name or "")
    return FileRecord(
        relative_path=relative_path,
        size=size,
        quality=quality_model(radarr.get("quality")),
        languages=languages(radarr.get("languages")),
        edition=text(radarr.get("edition")),
        release_group=text(radarr.get("releaseGroup")),
        scene_name=scene_name,
        media_info=media_info,
        indexer_flags=int(radarr.get("indexerFlags") or 0),
        # Shown as Radarr read it until the next rescan reads the file with Reelarr's own reader.
        media_info_read_here=False,
    )


def _changes(mine: MovieFile, wanted: FileRecord) -> FileChanges | None:
    """What Radarr says differently of a file recorded here; None when nothing does."""
    from reelarr.movies.file_rows import FileChanges
    from reelarr.parsing import is_scene_title

    scene = wanted.scene_name
    changes = FileChanges(
        quality=wanted.quality if mine.quality != wanted.quality else None,
        languages=wanted.languages if mine.languages != wanted.languages else None,
        edition=(wanted.edition or "") if mine.edition != wanted.edition else None,
        release_group=(wanted.release_group or "") if mine.release_group != wanted.release_group else None,
        scene_name=scene if scene and scene != mine.scene_name and is_scene_title(scene) else None,
        indexer_flags=wanted.indexer_flags if mine.indexer_flags != wanted.indexer_flags else None,
    )
    return None if changes == FileChanges() else changes


def _where(movie_path: str, radarr: Json, ctx: ImportContext) -> tuple[str, str]:
    """(relative path within the film's folder, full path here) of Radarr's file."""
    relative = relative_path(str(radarr.get("relativePath") or ""), movie_path)
    full = ctx.path(str(radarr.get("path") or "")) or os.path.join(movie_path, relative)
    if full and movie_path and os.path.normpath(full).startswith(os.path.normpath(movie_path) + os.sep):
        relative = os.path.relpath(os.path.normpath(full), os.path.normpath(movie_path))
    return relative, full


def _size_on_disk(path: str) -> int | None:
    try:
        return os.stat(path).st_size if os.path.isfile(path) else None
    except OSError:
        return None


async def import_movie_files(radarr_movies: list[Json], ctx: ImportContext) -> KindResult:
    """Each film's file, at its mapped path: recorded when it is there (never moved or touched),
    passed over with a note when it is not; a film whose file is recorded here already keeps it."""
    result = KindResult("movie files")
    with_files = [m for m in radarr_movies if isinstance(m.get("movieFile"), dict) and m.get("tmdbId")]
    library = await ctx.services.movies.by_tmdb_ids(int(m["tmdbId"]) for m in with_files)
    recorded = await ctx.services.movies.files([m.id for m in library.values()])
    for resource in with_files:
        radarr = resource["movieFile"]
        movie: Movie | None = library.get(int(resource["tmdbId"]))
        movie_path = movie.path if movie is not None else ctx.path(str(resource.get("path") or ""))
        relative, full = _where(movie_path, radarr, ctx)
        label = f"{resource.get('title')} ({resource.get('year')}): {relative}"
        size = _size_on_disk(full)
        if size is None:
            result.notes.append(f"{label}: no file at {full} here, not brought over")
            continue
        record = _record(radarr, relative, size)
        mine = recorded.get(movie.id) if movie is not None else None
        if mine is None:
            await _add(movie, record, radarr, ctx, result, label)
        elif mine.relative_path != relative:
            result.notes.append(f"{label}: the film has {mine.relative_path} recorded here, kept")
        elif (changes := _changes(mine, record)) is None:
            result.unchanged += 1
        else:
            if not ctx.dry_run:
                await ctx.services.movie_files.update(mine.id, changes)
            result.updated.append(label)
    if result.added and not ctx.dry_run:
        result.notes.append("the files' media info is Radarr's until the next rescan reads each file again")
    return result


async def _add(
    movie: Movie | None, record: FileRecord, radarr: Json, ctx: ImportContext, result: KindResult, label: str
) -> None:
    if ctx.dry_run:
        result.added.append(label)
        return
    if movie is None:
        result.failed.append(f"{label}: its film is not in the library here")
        return
    added = timestamp(radarr.get("dateAdded")) or ctx.services.clock()
    try:
        stored = await ctx.services.movie_files.record_existing(
            movie.id, record, added, text(radarr.get("originalFilePath"))
        )
    except ReelarrError as error:
        result.failed.append(f"{label}: {error}")
        return
    if stored is None:
        result.notes.append(f"{label}: the film has a file recorded here already, kept")
    else:
        result.added.append(label)
