"""What the download pipeline tells the rest of Reelarr."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("movie_grabbed")
@dataclass(frozen=True, slots=True, kw_only=True)
class MovieGrabbed(Event):
    """A release went to a download client (Radarr's MovieGrabbedEvent)."""

    movie_id: int
    download_id: str
    download_client_id: int
    download_client: str
    release_title: str
    indexer: str
    quality: str


@shared("queue_changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class QueueChanged(Event):
    """The tracked downloads changed: one was added, progressed, finished or went away."""


@shared("downloadclients.config")
@dataclass(frozen=True, slots=True, kw_only=True)
class DownloadClientConfigChanged(Event):
    """The download client options (completed download handling, check interval) were saved."""


@shared("download_failed")
@dataclass(frozen=True, slots=True, kw_only=True)
class DownloadFailed(Event):
    """A grabbed release failed or was marked failed, and went on the blocklist (Radarr's
    DownloadFailedEvent)."""

    movie_id: int
    download_id: str | None
    source_title: str
    download_client: str
    message: str
    quality: str
    skip_redownload: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ManualInteractionRequired(Event):
    """A finished download of a film could not be imported on its own and waits for a person
    (Radarr's ManualInteractionRequiredEvent, raised the first time a download is import-blocked)."""

    movie_id: int
    download_id: str
    download_client: str
    download_client_implementation: str
    title: str
    size: int
    quality: str
    quality_version: int
    status: str  # Radarr's TrackedDownloadStatus name ("Warning")
    status_messages: tuple[tuple[str, tuple[str, ...]], ...]  # (title, messages) as the queue shows
