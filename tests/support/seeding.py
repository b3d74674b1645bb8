"""The seeding qBittorrent of the pipeline tests: releases whose content it holds, and peers it is told
to reach (there is no tracker nor DHT on loopback)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tests.fixtures.indexers.releases import FixtureRelease
from tests.support.qbittorrent import QBittorrentServer, qbittorrent_api
from tests.support.torrentfiles import make_torrent
from tests.support.waiting import eventually

GIGABYTE = 1024**3


def seed(seeder: QBittorrentServer, title: str, content: bytes) -> tuple[FixtureRelease, str]:
    """Have the seeder hold `content` as `<title>.mkv`; the release that offers it, and its hash."""
    torrent, info_hash = make_torrent(f"{title}.mkv", content)
    folder = seeder.save_path / info_hash
    folder.mkdir()
    (folder / f"{title}.mkv").write_bytes(content)
    answer = qbittorrent_api(seeder).torrents_add(
        torrent_files={"seed.torrent": torrent}, save_path=str(folder)
    )
    assert answer == "Ok.", answer
    release = FixtureRelease(
        title, 6 * GIGABYTE, timedelta(hours=2), imdb_id=133093, tmdb_id=603, torrent=torrent
    )
    return release, info_hash


async def seeding(seeder: QBittorrentServer, info_hash: str) -> None:
    """Wait until the seeder checked the content and seeds it."""
    api = qbittorrent_api(seeder)

    async def complete() -> bool:
        found = await asyncio.to_thread(api.torrents_info, torrent_hashes=info_hash)
        return bool(found) and float(found[0].progress) == 1.0

    await eventually(complete, within=30, every=0.1)


async def reach_peer(seeder: QBittorrentServer, info_hash: str, peer_port: int) -> None:
    """Have the seeder connect to the client listening on 127.0.0.1:`peer_port` (for clients whose
    API cannot add a peer themselves)."""
    await asyncio.to_thread(
        qbittorrent_api(seeder).torrents_add_peers, torrent_hashes=info_hash, peers=f"127.0.0.1:{peer_port}"
    )
