"""WDTV's metadata (Radarr's WdtvMetadata): `<video>.xml`, and the poster as `folder.jpg`."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from reelarr.metadatafiles.base import CachedCover, CoverCopy, FilmFacts, MetadataContent, MetadataWriter
from reelarr.metadatafiles.recognition import extension, file_name, names_a_film
from reelarr.metadatafiles.xml import Element, element_lines
from reelarr.movies.model import Movie
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.settings import ProviderSettings


class WdtvMetadataSettings(ProviderSettings):
    """Radarr's WdtvMetadataSettings."""

    movie_metadata: bool = setting(
        True, label="Movie Metadata", type=FieldType.CHECKBOX, section="metadata", alias="movieMetadata"
    )
    movie_images: bool = setting(
        True, label="Movie Images", type=FieldType.CHECKBOX, section="image", alias="movieImages"
    )


def wdtv_xml(facts: FilmFacts) -> str:
    """The .xml as Radarr writes it (XDocument.ToString: indented, no declaration)."""
    movie = facts.movie
    details = Element("details")
    details.add("id", movie.id)
    details.add("title", movie.title)
    details.add("genre", " / ".join(movie.genres))
    details.add("overview", movie.overview)
    return "\n".join(element_lines(details))


class WdtvMetadata(MetadataWriter):
    """WDTV: an .xml named after the video, and the poster as folder.jpg."""

    implementation = "WdtvMetadata"
    implementation_name = "WDTV"
    settings_model = WdtvMetadataSettings

    @property
    def settings(self) -> WdtvMetadataSettings:
        """This provider's settings."""
        settings = self.definition.settings
        assert isinstance(settings, WdtvMetadataSettings)
        return settings

    @classmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """folder.jpg, and an .xml or .metathumb named after a film."""
        if file_name(relative_path).lower() == "folder.jpg":
            return True
        return extension(relative_path) in {".xml", ".metathumb"} and names_a_film(relative_path)

    def metadata_path(self, video_relative_path: str) -> str:
        """The video's name with `.xml`."""
        return posixpath.splitext(video_relative_path)[0] + ".xml"

    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """The .xml, unless the setting is off."""
        if not self.settings.movie_metadata:
            return None
        return MetadataContent(self.metadata_path(facts.file.relative_path), wdtv_xml(facts))

    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """The poster (else the first cover) as `folder<extension>`."""
        if not self.settings.movie_images or not covers:
            return []
        cover = next((c for c in covers if c.kind == "poster"), covers[0])
        return [CoverCopy(f"folder{cover.extension}", cover.kind)]
