"""What every kind's importer shares: the services, the dry-run flag and the ids already mapped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reelarr.radarrimport.paths import PathMapping, map_path

if TYPE_CHECKING:
    from reelarr.services import Services


@dataclass
class KindResult:
    """What the import did (or, in a dry run, would do) with one kind; names of what changed."""

    kind: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # "name: why"
    notes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """How many rows were (or would be) added or changed."""
        return len(self.added) + len(self.updated)


@dataclass
class ImportContext:
    """The services written through, and Radarr's ids of the kinds done so far mapped to Reelarr's."""

    services: Services
    dry_run: bool
    mappings: tuple[PathMapping, ...] = ()
    tag_ids: dict[int, int] = field(default_factory=dict)
    tag_labels: dict[int, str] = field(default_factory=dict)  # Radarr's tag ids
    format_ids: dict[int, int] = field(default_factory=dict)
    profile_ids: dict[int, int] = field(default_factory=dict)
    download_client_ids: dict[int, int] = field(default_factory=dict)
    _planned: int = 0

    def planned_id(self) -> int:
        """An id standing, in a dry run, for a row that would be added (negative: never a real one)."""
        self._planned -= 1
        return self._planned

    def path(self, radarr_path: str) -> str:
        """Radarr's folder as seen here (`--map-path`)."""
        return map_path(radarr_path, self.mappings)

    def tags(self, radarr_tags: object) -> tuple[int, ...]:
        """Radarr's tag ids as Reelarr's, sorted; ids Radarr did not list are dropped."""
        ids = radarr_tags if isinstance(radarr_tags, list) else []
        return tuple(sorted({self.tag_ids[t] for t in ids if t in self.tag_ids}))
