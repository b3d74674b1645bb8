"""A release for a film with sensible defaults, changed one fact at a time by each test."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from reelarr.decisions.subject import OnDisk, SizeLimits, Subject
from reelarr.languages import lang
from reelarr.movies.model import MinimumAvailability, Movie
from reelarr.parsing import parse_title
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile import QualityProfile, default_profiles
from reelarr.quality.revision import QualityModel
from reelarr.releases.model import Release

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
GB = 1024**3
TITLE = "The.Matrix.1999.1080p.BluRay.x264-GRP"


def profile(name: str = "HD-1080p", **changes: Any) -> QualityProfile:
    """One of Radarr's starter profiles with upgrades on, changed as the test needs."""
    chosen = next(p for p in default_profiles() if p.name == name)
    return replace(chosen, **{"id": 4, "upgrade_allowed": True, **changes})


def movie(**changes: Any) -> Movie:
    """A released, monitored film of 136 minutes."""
    values: dict[str, Any] = {
        "id": 1,
        "tmdb_id": 603,
        "imdb_id": "tt0133093",
        "title": "The Matrix",
        "original_title": "The Matrix",
        "sort_title": "matrix",
        "clean_title": "thematrix",
        "year": 1999,
        "overview": "",
        "runtime": 136,
        "tmdb_status": "Released",
        "original_language": lang("English"),
        "monitored": True,
        "minimum_availability": MinimumAvailability.RELEASED,
        "quality_profile_id": 4,
        "path": "/movies/The Matrix (1999)",
        "root_folder_path": "/movies",
        "added": datetime(2026, 1, 1, tzinfo=UTC),
        "in_cinemas": datetime(1999, 3, 31).date(),
        "physical_release": datetime(1999, 9, 21).date(),
    }
    values.update(changes)
    return Movie(**values)


def release(title: str = TITLE, **changes: Any) -> Release:
    """A torrent of 8 GB published two days ago with 50 seeders."""
    values: dict[str, Any] = {
        "guid": f"guid-{title}",
        "title": title,
        "download_url": f"http://127.0.0.1:9/download/{title}",
        "indexer_id": 1,
        "indexer": "Fixture",
        "protocol": DownloadProtocol.TORRENT,
        "publish_date": NOW - timedelta(days=2),
        "size": 8 * GB,
        "seeders": 50,
        "peers": 60,
    }
    values.update(changes)
    return Release(**values)


def on_disk(title: str, **changes: Any) -> OnDisk:
    """The file on disk, with the quality and group its name gives."""
    parsed = parse_title(title)
    assert parsed is not None
    values: dict[str, Any] = {
        "quality": parsed.quality,
        "added": NOW - timedelta(days=1),
        "release_group": parsed.release_group,
    }
    values.update(changes)
    return OnDisk(**values)


def subject(title: str = TITLE, *, release_changes: dict[str, Any] | None = None, **changes: Any) -> Subject:
    """The release `title` for The Matrix under the HD-1080p profile, with usual size limits."""
    parsed = parse_title(title)
    assert parsed is not None
    values: dict[str, Any] = {
        "release": release(title, **(release_changes or {})),
        "parsed": parsed,
        "movie": movie(),
        "profile": profile(),
        "now": NOW,
        "size_limits": SizeLimits(min_size=2, preferred_size=95, max_size=100),
    }
    values.update(changes)
    return Subject(**values)


def quality_of(title: str) -> QualityModel:
    """The quality a title parses to."""
    parsed = parse_title(title)
    assert parsed is not None
    return parsed.quality
