"""Import decisions: whether one file of a finished download may go into the library (Radarr's import
specifications), each refusal with the reason the queue shows. Pure rules; the facts are gathered first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reelarr.mediafiles.samples import SampleStatus
from reelarr.mediafiles.scan import MovieFileOnDisk
from reelarr.movies.model import Movie, MovieFile
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import compare_models

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportFacts:
    """What the rules read about one candidate file and the film it would be imported for."""

    candidate: MovieFileOnDisk
    movie: Movie
    profile: QualityProfile | None
    candidate_score: int
    candidate_formats: tuple[str, ...] = ()  # the custom formats the file matches, by name
    existing: MovieFile | None = None
    existing_score: int = 0
    free_space: int | None = None  # bytes free where the film's folder is; None when unknown
    minimum_free_space_mb: int = 100
    skip_free_space_check: bool = False
    working_folders: tuple[str, ...] = ()
    named_movie_id: int | None = None  # the film the file's own name points to, when it names one
    imported_at: datetime | None = None  # when this download was imported already, if it was


Rule = Callable[[ImportFacts], str | None]


def not_unpacking(facts: ImportFacts) -> str | None:
    """A file inside a client's working folder (`_UNPACK_…`) is still being written."""
    folders = facts.candidate.relative_path.split("/")[:-1]
    if any(folder.startswith(w) for folder in folders for w in facts.working_folders):
        return "File is still being unpacked"
    return None


def not_sample(facts: ImportFacts) -> str | None:
    """Samples are not the film, and a file that cannot be told apart from one is not taken."""
    check = facts.candidate.sample
    if check.status is SampleStatus.SAMPLE:
        return "Sample"
    if check.status is SampleStatus.INDETERMINATE:
        return "Unable to determine if file is a sample"
    return None


def has_audio_track(facts: ImportFacts) -> str | None:
    """A file whose media info shows no audio is refused (unread media info passes)."""
    info = facts.candidate.media_info
    if info is not None and info.audio_stream_count == 0:
        return "No audio tracks detected"
    return None


def matches_grab(facts: ImportFacts) -> str | None:
    """A file whose name points to another film than the one grabbed is not this download's film."""
    if facts.named_movie_id is not None and facts.named_movie_id != facts.movie.id:
        return "File is for a different movie than the grabbed release"
    return None


def free_space(facts: ImportFacts) -> str | None:
    """The library's disk keeps the minimum free space after the file is added."""
    if facts.skip_free_space_check or facts.free_space is None:
        return None
    left = facts.free_space - facts.candidate.size
    if left < facts.minimum_free_space_mb * MB:
        return "Not enough free space"
    return None


def upgrade(facts: ImportFacts) -> str | None:
    """With a file already there, the new one must be better in quality, or as good with a higher
    custom format score."""
    if facts.existing is None or facts.profile is None:
        return None
    compared = compare_models(facts.profile, facts.candidate.quality, facts.existing.quality)
    if compared < 0:
        return "Not an upgrade for existing movie file(s)"
    if compared == 0 and facts.candidate_score <= facts.existing_score:
        return "Not a Custom Format upgrade for existing movie file(s)"
    return None


def already_imported(facts: ImportFacts) -> str | None:
    """A download imported once is not imported again."""
    if facts.imported_at is not None:
        return f"Movie file already imported at {facts.imported_at.isoformat(timespec='seconds')}"
    return None


RULES: tuple[Rule, ...] = (
    already_imported,
    not_unpacking,
    not_sample,
    has_audio_track,
    matches_grab,
    free_space,
    upgrade,
)


def rejections(facts: ImportFacts) -> tuple[str, ...]:
    """Every reason this file may not be imported; none means it may."""
    return tuple(reason for rule in RULES if (reason := rule(facts)) is not None)
