"""Which download client takes a release: Radarr's DownloadClientProvider rules (pure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from reelarr.downloadclients.service import DownloadClientDefinition
from reelarr.downloads.errors import NoDownloadClient
from reelarr.protocols import DownloadProtocol
from reelarr.providers.status import ProviderStatus


class RoundRobin:
    """Remembers the last client used per protocol, so clients of equal priority take turns."""

    def __init__(self) -> None:
        self._last: dict[DownloadProtocol, int] = {}

    def pick(self, protocol: DownloadProtocol, candidates: Sequence[DownloadClientDefinition]) -> int:
        """The id of the next of `candidates` (sorted by id) after the last one used."""
        ids = sorted(d.id for d in candidates)
        last = self._last.get(protocol)
        chosen = next((i for i in ids if last is not None and i > last), ids[0])
        self._last[protocol] = chosen
        return chosen


def choose_client(
    clients: Sequence[DownloadClientDefinition],
    protocol: DownloadProtocol,
    *,
    protocol_of: Callable[[DownloadClientDefinition], DownloadProtocol],
    statuses: dict[int, ProviderStatus],
    now: datetime,
    tags: Sequence[int] = (),
    indexer_client_id: int = 0,
    turns: RoundRobin | None = None,
) -> DownloadClientDefinition:
    """The client for a release: the indexer's own when it names one; else the enabled clients of the
    protocol whose tags match the film's (those without tags when none match), not backed off when
    any is not, of the best priority, taking turns."""
    enabled = [c for c in clients if c.enabled and protocol_of(c) is protocol]
    if indexer_client_id:
        named = next((c for c in clients if c.id == indexer_client_id), None)
        if named is None or not named.enabled or protocol_of(named) is not protocol:
            raise NoDownloadClient("The download client the indexer names is not available")
        return named
    if not enabled:
        raise NoDownloadClient(f"No {protocol.value} download client is available")
    wanted = set(tags)
    tagged = [c for c in enabled if wanted & set(c.tags)]
    candidates = tagged or [c for c in enabled if not c.tags]
    if not candidates:
        raise NoDownloadClient(f"No {protocol.value} download client is available for the film's tags")
    working = [c for c in candidates if not (c.id in statuses and statuses[c.id].disabled(now))]
    candidates = working or candidates
    best = min(c.options.priority for c in candidates)
    top = [c for c in candidates if c.options.priority == best]
    if len(top) == 1 or turns is None:
        return min(top, key=lambda c: c.id)
    chosen = turns.pick(protocol, top)
    return next(c for c in top if c.id == chosen)
