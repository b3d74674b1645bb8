"""Which of a folder's video files is the movie's, and what Reelarr records of it (pure rules)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reelarr.languages import ANY, ORIGINAL, UNKNOWN, Language, find_iso_language
from reelarr.mediafiles.formatting import media_info_resource
from reelarr.mediafiles.model import SCHEMA_REVISION, MediaInfo, media_info_from_json, media_info_to_json
from reelarr.mediafiles.scan import MovieFileOnDisk
from reelarr.parsing import scene_title
from reelarr.quality.profile import QualityProfile
from reelarr.quality.profile_rules import compare_models
from reelarr.quality.revision import QualityModel


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What a movie file's row holds, as read from the disk."""

    relative_path: str
    size: int
    quality: QualityModel
    languages: tuple[Language, ...]
    edition: str | None
    release_group: str | None
    scene_name: str | None
    media_info: MediaInfo | None
    indexer_flags: int = 0  # Radarr's IndexerFlags of the release it came from (a person's choice)
    # False: another program's reading (Radarr's, brought over), shown until a rescan reads the file.
    media_info_read_here: bool = True


def _known(languages: Iterable[Language]) -> tuple[Language, ...]:
    found: list[Language] = []
    for language in languages:
        if language not in (UNKNOWN, ANY, ORIGINAL) and language not in found:
            found.append(language)
    return tuple(found)


def audio_languages(info: MediaInfo | None) -> tuple[Language, ...]:
    """The languages of a file's audio tracks that Radarr knows ("und" and unknown codes left out)."""
    if info is None:
        return ()
    found = (find_iso_language(code) for code in info.audio_languages if code)
    return _known(iso.language for iso in found if iso is not None)


def file_languages(
    name_languages: Sequence[Language], media_info: MediaInfo | None, original_language: Language
) -> tuple[Language, ...]:
    """Radarr's languages of a file: its audio tracks', else its name's, else the movie's original one."""
    for clue in (audio_languages(media_info), _known(name_languages)):
        if clue:
            return clue
    return (original_language,)


def record_of(found: MovieFileOnDisk, original_language: Language) -> FileRecord:
    """What to record of a file found in a movie folder."""
    return FileRecord(
        relative_path=found.relative_path,
        size=found.size,
        quality=found.quality,
        languages=file_languages(found.languages, found.media_info, original_language),
        edition=found.edition or None,
        release_group=found.release_group,
        scene_name=scene_title(found.name),
        media_info=found.media_info,
    )


def _compare(profile: QualityProfile | None, left: MovieFileOnDisk, right: MovieFileOnDisk) -> int:
    if profile is not None:
        wanted = profile.is_allowed(left.quality.quality) - profile.is_allowed(right.quality.quality)
        by_quality = wanted or compare_models(profile, left.quality, right.quality)
        if by_quality:
            return by_quality
    if left.size != right.size:
        return 1 if left.size > right.size else -1
    # Equal in every way that matters: the first name in sort order wins, so rescans agree.
    return (left.relative_path < right.relative_path) - (left.relative_path > right.relative_path)


def best_file(
    candidates: Sequence[MovieFileOnDisk], profile: QualityProfile | None
) -> MovieFileOnDisk | None:
    """The file a movie keeps among several: a quality its profile allows, the best by it, the largest."""
    if not candidates:
        return None
    return max(candidates, key=functools.cmp_to_key(functools.partial(_compare, profile)))


def media_info_is_current(stored: Mapping[str, Any] | None) -> bool:
    """Whether stored media info was written by today's readers (else it is read again)."""
    return stored is not None and stored.get("schema_revision") == SCHEMA_REVISION


def needs_media_info(
    stored_size: int, stored_media_info: Mapping[str, Any] | None, size_on_disk: int
) -> bool:
    """Whether a kept file's media info must be read again: it changed size, or what is stored is stale."""
    return stored_size != size_on_disk or not media_info_is_current(stored_media_info)


# The API's `mediaInfo` is kept with the stored media info, so that listing 10,000 movies does not
# format each file's media info again.
_RESOURCE_KEY = "resource"


def stored_media_info(info: MediaInfo, scene_name: str | None, *, current: bool = True) -> dict[str, Any]:
    """Media info as a movie file row stores it: the reader's values and the API's `mediaInfo`;
    not `current` when the next rescan must read the file again (it was read elsewhere)."""
    resource = media_info_resource(info, scene_name or "")
    stored = {
        **media_info_to_json(info),
        _RESOURCE_KEY: {key: value for key, value in resource.items() if value is not None},
    }
    if not current:
        stored["schema_revision"] = None
    return stored


def restored_media_info(stored: Mapping[str, Any], scene_name: str | None) -> dict[str, Any]:
    """Stored media info again, its `mediaInfo` formatted anew (after the scene name changed)."""
    info = media_info_from_json(stored)
    return stored_media_info(info, scene_name, current=media_info_is_current(stored))


def media_info_view(stored: Mapping[str, Any] | None, scene_name: str | None) -> dict[str, Any] | None:
    """The API's `mediaInfo` of a file: kept with it, else formatted now; None when nothing is readable."""
    if not stored:
        return None
    kept = stored.get(_RESOURCE_KEY)
    if isinstance(kept, dict) and media_info_is_current(stored):
        return kept
    try:
        return dict(stored_media_info(media_info_from_json(stored), scene_name)[_RESOURCE_KEY])
    except (KeyError, TypeError, ValueError):
        return None
