"""Emby's legacy metadata (Radarr's MediaBrowserMetadata): `movie.xml` in the film's folder, no images."""

from __future__ import annotations

from collections.abc import Sequence

from reelarr.metadatafiles.base import CachedCover, CoverCopy, FilmFacts, MetadataContent, MetadataWriter
from reelarr.metadatafiles.kodi_nfo import STATUS_NAMES
from reelarr.metadatafiles.recognition import file_name
from reelarr.metadatafiles.xml import Element, dotnet_number, element_lines
from reelarr.movies.model import Movie
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.model import ProviderMessage
from reelarr.providers.settings import ProviderSettings

FILE_NAME = "movie.xml"


class MediaBrowserMetadataSettings(ProviderSettings):
    """Radarr's MediaBrowserMetadataSettings."""

    movie_metadata: bool = setting(
        True, label="Movie Metadata", type=FieldType.CHECKBOX, section="metadata", alias="movieMetadata"
    )


def movie_xml(facts: FilmFacts) -> str:
    """movie.xml as Radarr writes it (XDocument.ToString: indented, no declaration)."""
    movie = facts.movie
    root = Element("Movie")
    root.add("id", movie.imdb_id)
    root.add("Status", STATUS_NAMES[facts.status])
    added = movie.added
    root.add("Added", added.strftime("%m/%d/%Y %H:%M:%S ") + ("AM" if added.hour < 12 else "PM"))
    root.add("LockData", "false")
    root.add("Overview", movie.overview)
    root.add("LocalTitle", movie.title)
    root.add("Rating", dotnet_number(movie.ratings.tmdb.value) if movie.ratings.tmdb else "0")
    root.add("ProductionYear", movie.year)
    root.add("RunningTime", movie.runtime)
    root.add("IMDB", movie.imdb_id)
    genres = root.add("Genres")
    for genre in movie.genres:
        genres.add("Genre", genre)
    return "\n".join(element_lines(root))


class MediaBrowserMetadata(MetadataWriter):
    """Emby (Legacy): movie.xml."""

    implementation = "MediaBrowserMetadata"
    implementation_name = "Emby (Legacy)"
    settings_model = MediaBrowserMetadataSettings
    message = ProviderMessage(
        "Media Browser metadata is deprecated, support will be removed completely in v6.", "warning"
    )

    @classmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """movie.xml, in any case."""
        return file_name(relative_path).lower() == FILE_NAME

    def metadata_path(self, video_relative_path: str) -> str:
        """Always movie.xml at the top of the film's folder."""
        return FILE_NAME

    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """movie.xml, unless the setting is off."""
        settings = self.definition.settings
        assert isinstance(settings, MediaBrowserMetadataSettings)
        return MetadataContent(FILE_NAME, movie_xml(facts)) if settings.movie_metadata else None

    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """Radarr's Emby writer places no images."""
        return []
