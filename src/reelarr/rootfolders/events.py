"""Events of the rootfolders package."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, shared


@shared("rootfolder.added")
@dataclass(frozen=True, slots=True, kw_only=True)
class RootFolderAdded(Event):
    """A root folder was added."""

    root_folder_id: int
    path: str


@shared("rootfolder.deleted")
@dataclass(frozen=True, slots=True, kw_only=True)
class RootFolderDeleted(Event):
    """A root folder was removed (its files are untouched)."""

    root_folder_id: int
    path: str
