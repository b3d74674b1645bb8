"""MovieResource as Radarr clients read it, built as plain dicts so 10,000 movies serialize fast."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import orjson

from reelarr.languages import Language
from reelarr.memory import collector_paused
from reelarr.metadata.models import Image, MovieMetadata, MovieSearchResult, Ratings
from reelarr.movies.availability import is_available, movie_status
from reelarr.movies.file_rules import media_info_view
from reelarr.movies.model import MinimumAvailability, Movie, MovieFile
from reelarr.movies.naming import sort_title
from reelarr.movies.repository import original_language
from reelarr.naming.builder import build_folder_name
from reelarr.naming.config import NamingConfig
from reelarr.naming.subject import NamedMovie, named_metadata
from reelarr.parsing import clean_title
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import quality_cutoff_met
from reelarr.quality.revision import QualityModel

ImageLinks = Callable[[int | None, Iterable[Image]], list[dict[str, str]]]


def _default_folder_name(movie: NamedMovie) -> str:
    return build_folder_name(movie, NamingConfig())


@dataclass(frozen=True, slots=True)
class ResourceContext:
    """What building movie resources needs besides the movies: today, profiles, cover links."""

    today: date
    profiles: Mapping[int, QualityProfile]
    image_links: ImageLinks
    languages: Callable[[int], Language | None]
    # The folder a film not in the library would get (the naming settings' folder format).
    folder_name: Callable[[NamedMovie], str] = field(default=_default_folder_name, compare=False)
    # Whether a quality is below a profile's cutoff, by (profile id, quality id): the answer walks the
    # profile's items, so a list of 10,000 movies asks it once per pair instead of once per file.
    # Pass the kept profiles' own (ProfileSet.cutoff_not_met) to share the answers between requests.
    cutoff_not_met: dict[tuple[int, int], bool] = field(default_factory=dict, compare=False, repr=False)

    def quality_cutoff_not_met(self, profile_id: int, quality: QualityModel) -> bool:
        """Whether a file of this quality is below its profile's cutoff (False without the profile)."""
        key = (profile_id, quality.quality.id)
        found = self.cutoff_not_met.get(key)
        if found is None:
            profile = self.profiles.get(profile_id)
            found = not quality_cutoff_met(profile, quality) if profile is not None else False
            self.cutoff_not_met[key] = found
        return found


# isoformat() writes the same text as strftime("%Y-%m-%dT%H:%M:%S") several times faster (a list of
# 10,000 movies formats 70,000 dates); strftime stays for years before 1000, which it does not pad.
def _date(value: date | None) -> str | None:
    if value is None:
        return None
    if value.year >= 1000:
        return f"{value.isoformat()}T00:00:00Z"
    return datetime.combine(value, time(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _instant(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:  # the database hands back UTC already
        value = value.astimezone(UTC)
    if value.year >= 1000:
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (  # noqa: UP031 (twice as fast as isoformat here)
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
        )
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _ratings(ratings: Ratings) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for source in ("imdb", "tmdb"):
        rating = getattr(ratings, source)
        if rating is not None:
            found[source] = {"votes": rating.votes, "value": rating.value, "type": "user"}
    return found


def _language(language: Language) -> dict[str, Any]:
    return {"id": language.id, "name": language.name}


def _without_nulls(resource: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in resource.items() if v is not None}


def _media_info(file: MovieFile) -> dict[str, Any] | None:
    """Radarr's `mediaInfo` of a file from what the scan stored (None when nothing readable was stored)."""
    return media_info_view(file.media_info, file.scene_name)


def movie_file_resource(
    movie: Movie, file: MovieFile, profile: QualityProfile | None, *, cutoff_not_met: bool | None = None
) -> dict[str, Any]:
    """Radarr's MovieFileResource for a movie's file (`cutoff_not_met` when the caller knows it already)."""
    if cutoff_not_met is None:
        cutoff_not_met = not quality_cutoff_met(profile, file.quality) if profile is not None else False
    revision = file.quality.revision
    quality = file.quality.quality
    return _without_nulls(
        {
            "id": file.id,
            "movieId": file.movie_id,
            "relativePath": file.relative_path,
            "path": os.path.join(movie.path, file.relative_path),
            "size": file.size,
            "dateAdded": _instant(file.date_added),
            "sceneName": file.scene_name,
            "releaseGroup": file.release_group,
            "edition": file.edition,
            "languages": [_language(language) for language in file.languages],
            "quality": {
                "quality": {
                    "id": quality.id,
                    "name": quality.name,
                    "source": quality.source.name.lower(),
                    "resolution": quality.resolution,
                    "modifier": quality.modifier.name.lower(),
                },
                "revision": {
                    "version": revision.version,
                    "real": revision.real,
                    "isRepack": revision.is_repack,
                },
            },
            "customFormats": [],
            "customFormatScore": 0,
            "indexerFlags": file.indexer_flags,
            "mediaInfo": _media_info(file),
            "originalFilePath": file.original_file_path,
            "qualityCutoffNotMet": cutoff_not_met,
        }
    )


def movie_resource(movie: Movie, file: MovieFile | None, ctx: ResourceContext) -> dict[str, Any]:
    """Radarr's MovieResource for a library movie."""
    status = movie_status(
        in_cinemas=movie.in_cinemas,
        digital=movie.digital_release,
        physical=movie.physical_release,
        tmdb_status=movie.tmdb_status,
        today=ctx.today,
    )
    size = file.size if file is not None else 0
    return _without_nulls(
        {
            "id": movie.id,
            "title": movie.title,
            "originalTitle": movie.original_title,
            "originalLanguage": _language(movie.original_language),
            "alternateTitles": [
                {
                    "sourceType": a.source_type,
                    "movieMetadataId": movie.id,
                    "title": a.title,
                    "cleanTitle": a.clean_title,
                }
                for a in movie.alternative_titles
            ],
            "secondaryYear": movie.secondary_year,
            "secondaryYearSourceId": 0,
            "sortTitle": movie.sort_title,
            "sizeOnDisk": size,
            "status": "deleted" if movie.tmdb_status == "Deleted" else status.value,
            "overview": movie.overview,
            "inCinemas": _date(movie.in_cinemas),
            "physicalRelease": _date(movie.physical_release),
            "digitalRelease": _date(movie.digital_release),
            "releaseDate": _date(movie.release_date),
            "images": ctx.image_links(movie.id, movie.images),
            "website": movie.website,
            "year": movie.year,
            "youTubeTrailerId": movie.youtube_trailer_id,
            "studio": movie.studio,
            "path": movie.path,
            "qualityProfileId": movie.quality_profile_id,
            "hasFile": file is not None,
            "movieFileId": file.id if file is not None else 0,
            "monitored": movie.monitored,
            "minimumAvailability": movie.minimum_availability.value,
            "isAvailable": is_available(
                movie.minimum_availability,
                in_cinemas=movie.in_cinemas,
                digital=movie.digital_release,
                physical=movie.physical_release,
                today=ctx.today,
            ),
            "folderName": movie.path,
            "folder": os.path.basename(movie.path),
            "runtime": movie.runtime,
            "cleanTitle": movie.clean_title,
            "imdbId": movie.imdb_id,
            "tmdbId": movie.tmdb_id,
            "titleSlug": movie.title_slug,
            "rootFolderPath": movie.root_folder_path,
            "certification": movie.certification,
            "genres": list(movie.genres),
            "keywords": list(movie.keywords),
            "tags": list(movie.tags),
            "added": _instant(movie.added),
            "ratings": _ratings(movie.ratings),
            "movieFile": (
                movie_file_resource(
                    movie,
                    file,
                    None,
                    cutoff_not_met=ctx.quality_cutoff_not_met(movie.quality_profile_id, file.quality),
                )
                if file is not None
                else None
            ),
            "collection": (
                {"title": movie.collection_title, "tmdbId": movie.collection_tmdb_id}
                if movie.collection_tmdb_id
                else None
            ),
            "popularity": movie.popularity,
            "lastSearchTime": _instant(movie.last_search_time),
            "statistics": {
                "movieFileCount": 1 if file is not None else 0,
                "sizeOnDisk": size,
                "releaseGroups": [file.release_group] if file is not None and file.release_group else [],
            },
        }
    )


def movie_resource_list(
    movies: Iterable[Movie], files: Mapping[int, MovieFile], ctx: ResourceContext
) -> list[dict[str, Any]]:
    """MovieResources for many library movies (the cycle collector waits until they are built)."""
    with collector_paused():
        return [movie_resource(movie, files.get(movie.id), ctx) for movie in movies]


# As JsonResponse renders (reelarr.api.json).
_JSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z


def movie_fragment(movie: Movie, file: MovieFile | None, ctx: ResourceContext) -> bytes:
    """One movie's resource rendered as JsonResponse renders it, in a buffer of its own size."""
    rendered = orjson.dumps(movie_resource(movie, file, ctx), option=_JSON_OPTIONS)
    # orjson's bytes keep the whole buffer it grew (~32 kB for a 3 kB movie); kept for 10,000
    # movies that is 160 MB more, so keep an exact copy instead.
    return bytes(memoryview(rendered))


def _lookup_base(
    movie: NamedMovie, images: tuple[Image, ...], ratings: Ratings, ctx: ResourceContext
) -> dict[str, Any]:
    title, year = movie.title, movie.year
    poster = next((i.remote_url for i in images if i.cover_type == "poster"), None)
    return {
        "title": title,
        "sortTitle": sort_title(title),
        "cleanTitle": clean_title(title),
        "year": year or 0,
        "images": ctx.image_links(None, images),
        "remotePoster": poster,
        "ratings": _ratings(ratings),
        "folder": ctx.folder_name(movie),
        "monitored": False,
        "hasFile": False,
        "qualityProfileId": 0,
        "minimumAvailability": MinimumAvailability.RELEASED.value,
        "tags": [],
        "added": "0001-01-01T00:00:00Z",
    }


def lookup_resource_from_metadata(info: MovieMetadata, ctx: ResourceContext) -> dict[str, Any]:
    """A film found by id that is not in the library."""
    language = ctx.languages(original_language(info.original_language))
    status = movie_status(
        in_cinemas=info.in_cinemas,
        digital=info.digital_release,
        physical=info.physical_release,
        tmdb_status=info.status,
        today=ctx.today,
    )
    resource = _lookup_base(named_metadata(info), info.images, info.ratings, ctx) | {
        "tmdbId": info.tmdb_id,
        "imdbId": info.imdb_id,
        "titleSlug": str(info.tmdb_id),
        "originalTitle": info.original_title,
        "originalLanguage": _language(language) if language else None,
        "overview": info.overview,
        "runtime": info.runtime,
        "status": status.value,
        "inCinemas": _date(info.in_cinemas),
        "digitalRelease": _date(info.digital_release),
        "physicalRelease": _date(info.physical_release),
        "releaseDate": _date(info.release_date),
        "studio": info.studio,
        "certification": info.certification,
        "genres": list(info.genres),
        "keywords": list(info.keywords),
        "website": info.website,
        "youTubeTrailerId": info.youtube_trailer_id,
        "popularity": info.popularity,
        "alternateTitles": [
            {"sourceType": "tmdb", "title": a.title, "cleanTitle": clean_title(a.title)}
            for a in info.alternative_titles
        ],
        "collection": {"title": info.collection.name, "tmdbId": info.collection.tmdb_id}
        if info.collection
        else None,
        "isAvailable": status.value == "released",
    }
    return _without_nulls(resource)


def lookup_resource_from_search(hit: MovieSearchResult, ctx: ResourceContext) -> dict[str, Any]:
    """A film found by a text search that is not in the library."""
    language = ctx.languages(original_language(hit.original_language))
    named = NamedMovie(
        title=hit.title, year=hit.year or 0, tmdb_id=hit.tmdb_id, original_title=hit.original_title
    )
    resource = _lookup_base(named, hit.images, hit.ratings, ctx) | {
        "tmdbId": hit.tmdb_id,
        "titleSlug": str(hit.tmdb_id),
        "originalTitle": hit.original_title,
        "originalLanguage": _language(language) if language else None,
        "overview": hit.overview,
        "inCinemas": _date(hit.release_date),
        "releaseDate": _date(hit.release_date),
        "popularity": hit.popularity,
        "status": "released" if hit.release_date and hit.release_date <= ctx.today else "announced",
    }
    return _without_nulls(resource)
