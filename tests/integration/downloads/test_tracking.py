"""Refreshing the tracked downloads (SQLite and PostgreSQL, a usenet blackhole on real folders): a
refresh asked for while another runs answers with what the clients hold after it was asked."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

from reelarr.downloadclients.base import DownloadItem
from reelarr.downloadclients.blackhole.client import UsenetBlackhole
from tests.support.live import LiveServer
from tests.support.notifications import add_blackhole

TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"


def _drop_download(watch: Path) -> None:
    job = watch / TITLE
    job.mkdir()
    (job / f"{TITLE}.mkv").write_bytes(b"\0" * 4096)
    settled = time.time() - 120  # older than the blackhole's settling time: finished
    os.utime(job / f"{TITLE}.mkv", (settled, settled))
    os.utime(job, (settled, settled))


async def test_a_refresh_asked_during_another_sees_a_download_that_appeared_in_between(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nzbs, watch = tmp_path / "nzbs", tmp_path / "watch"
    nzbs.mkdir()
    watch.mkdir()
    await add_blackhole(server.client, nzbs, watch)
    tracked = server.services.tracked_downloads
    listed, answer = asyncio.Event(), asyncio.Event()
    read = UsenetBlackhole.items

    async def slow_items(self: UsenetBlackhole) -> list[DownloadItem]:
        # The folder is read, then the answer is held: a client slow to reply to a refresh.
        items = await read(self)
        listed.set()
        await answer.wait()
        return items

    monkeypatch.setattr(UsenetBlackhole, "items", slow_items)
    first = asyncio.create_task(tracked.refresh())
    await asyncio.wait_for(listed.wait(), 10)
    _drop_download(watch)  # the download finishes after the first refresh read the folder
    listed.clear()
    second = asyncio.create_task(tracked.refresh())
    also_second = asyncio.create_task(tracked.current(timedelta(0)))
    await asyncio.sleep(0.05)
    answer.set()
    assert [d.item.title for d in await asyncio.wait_for(first, 10)] == []
    assert [d.item.title for d in await asyncio.wait_for(second, 10)] == [TITLE]
    # A reader content with a refresh under way (the queue's) shares the one that was running.
    assert [d.item.title for d in await asyncio.wait_for(also_second, 10)] == []
    assert [d.item.title for d in tracked.all()] == [TITLE]
