"""The contract of a metadata writer (Radarr's IMetadata): what it writes for a film and its file."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from reelarr.mediafiles.model import MediaInfo
from reelarr.movies.credits import Credit
from reelarr.movies.model import Movie, MovieFile, MovieStatus
from reelarr.providers.base import Provider


@dataclass(frozen=True, slots=True)
class FilmFacts:
    """What a writer may put in a film's metadata file."""

    movie: Movie
    file: MovieFile
    media_info: MediaInfo | None = None
    credits: Sequence[Credit] = ()
    tag_labels: Sequence[str] = ()
    status: MovieStatus = MovieStatus.TBA
    watched: bool = False  # what the file written before said (Kodi keeps `<watched>`)


@dataclass(frozen=True, slots=True)
class MetadataContent:
    """A metadata file to write: its path in the film's folder and its text."""

    relative_path: str
    contents: str


@dataclass(frozen=True, slots=True)
class CoverCopy:
    """An image to place in the film's folder, copied from a cover of this kind in the cache."""

    relative_path: str
    kind: str  # "poster", "fanart"...


@dataclass(frozen=True, slots=True)
class CachedCover:
    """A cover the cache holds for a film: its kind and the cached file's extension (".jpg")."""

    kind: str
    extension: str


class MetadataWriter(Provider):
    """One kind of media centre metadata (Radarr's MetadataBase)."""

    @classmethod
    @abstractmethod
    def writes_file(cls, folder: str, relative_path: str) -> bool:
        """Whether a file in a film's folder is one this kind of writer writes, by its name and, for
        some, its contents (Radarr's FindMetadataFile; blocking: a file may be read)."""

    @classmethod
    def link(cls) -> str:
        """Radarr's `link` of a metadata provider."""
        return "https://wiki.servarr.com/radarr/settings#metadata"

    @abstractmethod
    def metadata_path(self, video_relative_path: str) -> str | None:
        """Where the film's metadata file goes, given its video's path in the folder (None: no file)."""

    @abstractmethod
    def movie_metadata(self, facts: FilmFacts) -> MetadataContent | None:
        """The film's metadata file, or None when the settings ask for none."""

    @abstractmethod
    def movie_images(self, movie: Movie, covers: Sequence[CachedCover]) -> list[CoverCopy]:
        """The images to place beside the film, from the covers the cache holds."""
