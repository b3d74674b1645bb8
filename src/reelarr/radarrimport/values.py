"""Radarr's JSON values (quality, languages, dates, protocol) as Reelarr's."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reelarr.languages import Language, language_by_id
from reelarr.protocols import DownloadProtocol
from reelarr.quality.catalogue import quality_by_id
from reelarr.quality.revision import QualityModel, Revision


def quality_model(value: Any) -> QualityModel:
    """Radarr's QualityModel {quality: {id, ...}, revision: {version, real, isRepack}}; unknown ids
    are Unknown quality."""
    body = value if isinstance(value, dict) else {}
    inner = body.get("quality")
    quality_id = inner.get("id") if isinstance(inner, dict) else None
    found = quality_by_id(quality_id) if isinstance(quality_id, int) else None
    given = body.get("revision")
    revision: dict[str, Any] = given if isinstance(given, dict) else {}
    return QualityModel(
        quality=found or QualityModel().quality,
        revision=Revision(
            int(revision.get("version") or 1), int(revision.get("real") or 0), bool(revision.get("isRepack"))
        ),
    )


def languages(value: Any) -> tuple[Language, ...]:
    """Radarr's [{id, name}, ...] as the languages Reelarr knows by those ids (others dropped)."""
    found: list[Language] = []
    for item in value if isinstance(value, list) else []:
        language_id = item.get("id") if isinstance(item, dict) else None
        language = language_by_id(language_id) if isinstance(language_id, int) else None
        if language is not None and language not in found:
            found.append(language)
    return tuple(found)


def timestamp(value: Any) -> datetime | None:
    """Radarr's "2024-05-01T12:34:56Z" (or with an offset, or naive UTC) as an aware UTC datetime."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def protocol(value: Any) -> DownloadProtocol:
    """Radarr's protocol, by name ("usenet") or number (1); unknown for anything else."""
    return DownloadProtocol.parse(value) or DownloadProtocol.UNKNOWN


def text(value: Any) -> str | None:
    """A non-empty string, else None."""
    return value if isinstance(value, str) and value else None
