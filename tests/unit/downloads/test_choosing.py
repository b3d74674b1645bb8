from datetime import UTC, datetime, timedelta

import pytest

from reelarr.downloadclients.service import DownloadClientDefinition
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.downloads.choosing import RoundRobin, choose_client
from reelarr.downloads.errors import NoDownloadClient
from reelarr.protocols import DownloadProtocol
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatus

NOW = datetime(2026, 12, 5, tzinfo=UTC)
TORRENT, USENET = DownloadProtocol.TORRENT, DownloadProtocol.USENET


def client(
    id: int,
    *,
    protocol: DownloadProtocol = TORRENT,
    priority: int = 1,
    tags: tuple[int, ...] = (),
    enable: bool = True,
) -> DownloadClientDefinition:
    return ProviderDefinition(
        id=id,
        name=f"{protocol.value}-{id}",
        implementation="QBittorrent" if protocol is TORRENT else "Sabnzbd",
        config_contract="",
        settings=ProviderSettings(),
        options=DownloadClientOptions(enable=enable, priority=priority),
        tags=tags,
    )


def choose(clients: list[DownloadClientDefinition], **kwargs: object) -> int:
    protocols = {c.id: (TORRENT if c.implementation == "QBittorrent" else USENET) for c in clients}
    options: dict[str, object] = {"statuses": {}, "now": NOW, **kwargs}
    protocol = options.pop("protocol", TORRENT)
    return choose_client(clients, protocol, protocol_of=lambda c: protocols[c.id], **options).id  # type: ignore[arg-type]


def test_the_best_priority_of_the_protocol_wins() -> None:
    clients = [client(1, priority=5), client(2, priority=2), client(3, protocol=USENET, priority=1)]
    assert choose(clients) == 2
    assert choose(clients, protocol=USENET) == 3


def test_clients_of_equal_priority_take_turns() -> None:
    clients = [client(1), client(2), client(3, priority=2)]
    turns = RoundRobin()
    assert [choose(clients, turns=turns) for _ in range(4)] == [1, 2, 1, 2]


def test_tags_pick_the_clients_sharing_one_else_the_untagged() -> None:
    clients = [client(1, tags=(7,)), client(2)]
    assert choose(clients, tags=(7,)) == 1
    assert choose(clients, tags=(8,)) == 2
    assert choose(clients) == 2
    with pytest.raises(NoDownloadClient):
        choose([client(1, tags=(7,))], tags=(8,))


def test_a_backed_off_client_is_used_only_when_all_are() -> None:
    clients = [client(1), client(2, priority=3)]
    down = ProviderStatus(provider_id=1, disabled_till=NOW + timedelta(minutes=5))
    assert choose(clients, statuses={1: down}) == 2
    assert choose([client(1)], statuses={1: down}) == 1


def test_the_indexers_client_is_used_and_must_be_there() -> None:
    clients = [client(1), client(2, priority=9), client(3, enable=False), client(4, protocol=USENET)]
    assert choose(clients, indexer_client_id=2) == 2
    for missing in (3, 4, 99):
        with pytest.raises(NoDownloadClient, match="indexer names"):
            choose(clients, indexer_client_id=missing)


def test_no_client_of_the_protocol() -> None:
    with pytest.raises(NoDownloadClient, match="No usenet download client"):
        choose([client(1), client(2, enable=False, protocol=USENET)], protocol=USENET)
