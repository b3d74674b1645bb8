"""Roksbox's metadata (Radarr's RoksboxMetadata): `<video>.xml`, and the poster as `<folder name>.jpg`."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from reelarr.metadatafiles.base import CachedCover, CoverCopy, FilmFacts, MetadataContent, MetadataWriter
from reelarr.metadatafiles.recognition import extension, file_name, names_a_film
from reelarr.metadatafiles.xml import Element, element_lines
from reelarr.movies.model import Movie
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.settings import ProviderSettings


class RoksboxMetadataSettings(ProviderSettings):
    """Radarr's RoksboxMetadataSettings."""

    movie_metadata: bool = setting(
        True, label="Movie Metadata", type=FieldType.CHECKBOX, section="metadata", alias="movieMetadata"
    )
    movie_images: bool = setting(
        True, label="Movie Images", type=FieldType.CHECKBOX, section="image", alias="movieImages"
    )


def roksbox_xml(facts: FilmFacts) -> str:
    """The .xml as Radarr writes it (XDocument.ToString: indented, no declaration)."""
    movie = facts.movie
    video = Element("video")
    video.add("title", movie.title)
    video.add("genre", " / ".join(movie.genres))
    video.add("description", movie.overview)
    video.add("length", movie.runtime)
    return "\n".join(element_lines(video))


class RoksboxMetadata(MetadataWriter):
    """Roksbox: an .xml named after the video, and the poster named after the folder."""

    implementation = "RoksboxMetadata"
    implementation_name = "Roksbox"
    settings_model = RoksboxMetadataSettings

    @property
    def settings(self) -> RoksboxMetadataSettings:
        """This provider's settings."""
        settings = self.definition.settings
        assert isinstance(settings, RoksboxMetadataSettings)
        return settings

    @classmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """An .xml named after a film, and a .jpg named after the folder it is in (not `metadata`)."""
        if not names_a_film(relative_path):
            return False
        kind = extension(relative_path)
        if kind == ".xml":
            return True
        if kind != ".jpg":
            return False
        full = posixpath.join(folder.replace("\\", "/"), relative_path.replace("\\", "/"))
        parent = posixpath.basename(posixpath.dirname(full))
        stem = posixpath.splitext(file_name(relative_path))[0]
        return stem.lower() == parent.lower() and parent.lower() != "metadata"

    def metadata_path(self, video_relative_path: str) -> str:
        """The video's name with `.xml`."""
        return posixpath.splitext(video_relative_path)[0] + ".xml"

    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """The .xml, unless the setting is off."""
        if not self.settings.movie_metadata:
            return None
        return MetadataContent(self.metadata_path(facts.file.relative_path), roksbox_xml(facts))

    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """The poster (else the first cover) as `<folder name><extension>`."""
        if not self.settings.movie_images or not covers:
            return []
        cover = next((c for c in covers if c.kind == "poster"), covers[0])
        folder = posixpath.basename(movie.path.replace("\\", "/").rstrip("/"))
        return [CoverCopy(f"{folder}{cover.extension}", cover.kind)]
