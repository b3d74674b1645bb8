"""Kometa's metadata (Radarr's KometaMetadata): deprecated in Radarr, it writes no file any more;
while one is enabled the health check warns (Radarr's MetadataCheck)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.metadatafiles.base import CachedCover, CoverCopy, FilmFacts, MetadataContent, MetadataWriter
from reelarr.metadatafiles.recognition import file_name
from reelarr.movies.model import Movie
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.model import ProviderMessage
from reelarr.providers.settings import ProviderSettings

_IMAGES = re.compile(r"^(?:poster|background)\.(?:png|jpe?g)$", re.IGNORECASE)
DEPRECATED = "Kometa files will no longer be created, support will be removed completely in v6"


class KometaMetadataSettings(ProviderSettings):
    """Radarr's KometaMetadataSettings: one hidden checkbox, always on, that marks it deprecated."""

    deprecated: bool = setting(
        True, label="Deprecated", type=FieldType.CHECKBOX, section="image", hidden="hidden"
    )


class KometaMetadata(MetadataWriter):
    """Kometa: listed and kept as Radarr keeps it, writing nothing (Radarr stopped creating its
    poster.jpg and background.jpg)."""

    implementation = "KometaMetadata"
    implementation_name = "Kometa"
    settings_model = KometaMetadataSettings
    message = ProviderMessage(DEPRECATED, "warning")

    @classmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """The poster.jpg and background.jpg Kometa's writer once placed (Radarr still knows them)."""
        return _IMAGES.match(file_name(relative_path)) is not None

    def metadata_path(self, video_relative_path: str) -> str | None:
        """Kometa has no metadata file."""
        return None

    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """Kometa has no metadata file."""
        return None

    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """Radarr no longer creates Kometa's images."""
        return []


class MetadataCheck:
    """Radarr's MetadataCheck: warns while a Kometa provider is enabled."""

    name = "MetadataCheck"

    def __init__(self, enabled: Callable[[], Awaitable[list[MetadataWriter]]]) -> None:
        self._enabled = enabled

    async def check(self) -> list[HealthResult]:
        """A warning when an enabled provider is Kometa's."""
        if any(isinstance(writer, KometaMetadata) for writer in await self._enabled()):
            return [HealthResult(self.name, HealthLevel.WARNING, DEPRECATED)]
        return []
