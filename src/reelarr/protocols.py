"""How a release travels: Radarr's DownloadProtocol, shared by indexers, profiles and download clients."""

from __future__ import annotations

from enum import StrEnum


class DownloadProtocol(StrEnum):
    """Radarr's values, in its numeric order (unknown=0, usenet=1, torrent=2)."""

    UNKNOWN = "unknown"
    USENET = "usenet"
    TORRENT = "torrent"

    @classmethod
    def parse(cls, value: object) -> DownloadProtocol | None:
        """The protocol named in any case or by Radarr's number; None when it is neither."""
        if isinstance(value, int) and not isinstance(value, bool):
            members = list(cls)
            return members[value] if 0 <= value < len(members) else None
        if isinstance(value, str):
            wanted = value.strip().lower()
            return next((p for p in cls if p.value == wanted), None)
        return None
