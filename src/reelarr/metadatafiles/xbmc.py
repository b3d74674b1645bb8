"""Kodi's metadata (Radarr's XbmcMetadata): a .nfo beside the film's video, and its poster and fanart."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Sequence

from reelarr.languages import ALL_LANGUAGES, lang
from reelarr.metadatafiles.base import CachedCover, CoverCopy, FilmFacts, MetadataContent, MetadataWriter
from reelarr.metadatafiles.kodi_nfo import kodi_nfo, metadata_urls
from reelarr.metadatafiles.recognition import extension, file_name, is_kodi_nfo, names_a_film
from reelarr.movies.model import Movie
from reelarr.providers.fields import FieldType, SelectOption, setting
from reelarr.providers.settings import ProviderSettings

_IMAGE_KINDS = "poster|banner|fanart|clearart|discart|keyart|landscape|logo|backdrop|clearlogo"
_FOLDER_IMAGE = re.compile(rf"^(?:{_IMAGE_KINDS})\.(?:png|jpe?g)$", re.IGNORECASE)
_VIDEO_IMAGE = re.compile(rf"-(?:thumb|{_IMAGE_KINDS})\.(?:png|jpe?g)$", re.IGNORECASE)


def _languages() -> list[SelectOption]:
    real = [language for language in ALL_LANGUAGES if language.id > 0 or language.id == -2]
    return [
        SelectOption(value=language.id, name=language.name, order=order)
        for order, language in enumerate(real)
    ]


class XbmcMetadataSettings(ProviderSettings):
    """What Kodi's metadata holds (Radarr's XbmcMetadataSettings, same names and defaults)."""

    movie_metadata: bool = setting(
        True,
        label="Movie Metadata",
        type=FieldType.CHECKBOX,
        section="metadata",
        help=".nfo with full movie metadata",
        alias="movieMetadata",
    )
    use_movie_nfo: bool = setting(
        False,
        label="Use movie.nfo",
        type=FieldType.CHECKBOX,
        section="metadata",
        help="Write metadata to movie.nfo instead of the default <movie-filename>.nfo",
        alias="useMovieNfo",
    )
    movie_metadata_language: int = setting(
        lang("English").id,
        label="Movie Metadata Language",
        type=FieldType.SELECT,
        section="metadata",
        help=(
            "Include selected language if available in .nfo (Reelarr keeps no translations yet: "
            "the film's own title and overview are written)"
        ),
        options=_languages,
        alias="movieMetadataLanguage",
    )
    movie_metadata_url: bool = setting(
        False,
        label="Movie Metadata URL",
        type=FieldType.CHECKBOX,
        section="metadata",
        help="Include TMDb and IMDb movie URLs in .nfo",
        advanced=True,
        alias="movieMetadataURL",
    )
    add_collection_name: bool = setting(
        True,
        label="Movie Collection Name",
        type=FieldType.CHECKBOX,
        section="metadata",
        help="Include collection name in .nfo",
        advanced=True,
        alias="addCollectionName",
    )
    movie_images: bool = setting(
        True,
        label="Movie Images",
        type=FieldType.CHECKBOX,
        section="image",
        help="fanart.jpg, poster.jpg",
        alias="movieImages",
    )


class XbmcMetadata(MetadataWriter):
    """Kodi (XBMC) / Emby: `<video>.nfo` or `movie.nfo`, and `poster.jpg`, `fanart.jpg`..."""

    implementation = "XbmcMetadata"
    implementation_name = "Kodi (XBMC) / Emby"
    settings_model = XbmcMetadataSettings

    @property
    def settings(self) -> XbmcMetadataSettings:
        """This provider's settings."""
        settings = self.definition.settings
        assert isinstance(settings, XbmcMetadataSettings)
        return settings

    @classmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """Kodi's images (`poster.jpg`, `<video>-thumb.jpg`...), and a .nfo holding Kodi's XML named
        `movie.nfo` or after a film."""
        name = file_name(relative_path)
        if _FOLDER_IMAGE.match(name) or _VIDEO_IMAGE.search(name):
            return True
        if extension(name) != ".nfo" or (name.lower() != "movie.nfo" and not names_a_film(relative_path)):
            return False
        return is_kodi_nfo(os.path.join(folder, relative_path))

    def metadata_path(self, video_relative_path: str) -> str:
        """`movie.nfo` in the video's folder, or the video's own name with `.nfo`."""
        if self.settings.use_movie_nfo:
            return posixpath.join(posixpath.dirname(video_relative_path), "movie.nfo")
        return posixpath.splitext(video_relative_path)[0] + ".nfo"

    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """The .nfo: Kodi's XML, then the links when movieMetadataURL is on."""
        settings = self.settings
        parts = []
        if settings.movie_metadata:
            parts.append(kodi_nfo(facts, add_collection_name=settings.add_collection_name))
        if settings.movie_metadata_url:
            parts.append(metadata_urls(facts.movie))
        if not parts:
            return None
        return MetadataContent(self.metadata_path(facts.file.relative_path), "\n".join(parts))

    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """Each cached cover as `<kind><extension>` in the film's folder."""
        if not self.settings.movie_images:
            return []
        return [CoverCopy(f"{cover.kind}{cover.extension}", cover.kind) for cover in covers]
