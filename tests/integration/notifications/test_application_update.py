"""ApplicationUpdate (SQLite and PostgreSQL, real servers): the first start of a new version tells the
notifications that want it, once, with Radarr's payloads; a first-ever start and a restart tell nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from reelarr import __version__
from reelarr.configuration.store import ConfigStore
from reelarr.configuration.tables import ConfigRow
from reelarr.db.engine import Database
from reelarr.notifications.app_update import VERSION_KEY, VersionChange, record_running_version
from tests.conftest import make_settings
from tests.fixtures.webhook.server import WebhookReceiver
from tests.support.live import live_server
from tests.support.notifications import add_discord, add_webhook
from tests.support.waiting import eventually


async def _store(url: str, value: str | None) -> None:
    """Set what the last run recorded (None: as a database from before Reelarr recorded it)."""
    db = Database(url)
    try:
        if value is None:
            async with db.write() as session:
                await session.execute(delete(ConfigRow).where(ConfigRow.key == VERSION_KEY))
        else:
            await ConfigStore(db).set(VERSION_KEY, value)
    finally:
        await db.close()


def _updates(receiver: WebhookReceiver, path: str) -> list[dict[str, Any]]:
    found = [r.json() for r in receiver.requests() if r.path == path]
    return [p for p in found if p.get("eventType") == "ApplicationUpdate" or "embeds" in p]


async def _start_and_settle(url: str, data: Path) -> None:
    """Start a server, let what it set out to send at start-up go, and stop it."""
    async with live_server(make_settings(url, data)) as server:
        dispatcher = server.services.notification_dispatcher

        async def settled() -> bool | None:
            return True if dispatcher.pending == 0 else None

        await eventually(settled)


async def test_a_new_version_is_told_once_with_radarrs_payloads(
    database_url: str, receiver: WebhookReceiver, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    async with live_server(make_settings(database_url, data)) as server:
        await add_webhook(server.client, receiver.url("/hook"), switches=("onApplicationUpdate",))
        await add_discord(server.client, receiver.url("/discord"), switches=("onApplicationUpdate",))
        await add_webhook(server.client, receiver.url("/other"), name="Grabs only", switches=("onGrab",))

    await _store(database_url, None)  # a first-ever start records the version and tells nothing
    await _start_and_settle(database_url, data)
    assert _updates(receiver, "/hook") == []
    db = Database(database_url)
    try:
        assert await ConfigStore(db).get(VERSION_KEY) == __version__
    finally:
        await db.close()

    await _store(database_url, "0.0.9")
    async with live_server(make_settings(database_url, data)):

        async def told() -> list[dict[str, Any]] | None:
            found = _updates(receiver, "/hook"), _updates(receiver, "/discord")
            return [*found[0], *found[1]] if all(found) else None

        hook, discord = await eventually(told)
    assert hook == {
        "eventType": "ApplicationUpdate",
        "instanceName": "Reelarr",
        "applicationUrl": "",
        "message": f"Reelarr updated from 0.0.9 to {__version__}",
        "previousVersion": "0.0.9",
        "newVersion": __version__,
    }
    (embed,) = discord["embeds"]
    assert (embed["title"], embed["color"]) == ("Application Updated", 16761392)
    assert embed["fields"] == [
        {"name": "Previous Version", "value": "0.0.9", "inline": False},
        {"name": "New Version", "value": __version__, "inline": False},
    ]

    await _start_and_settle(database_url, data)  # the same version again: nothing more
    assert len(_updates(receiver, "/hook")) == 1
    assert len(_updates(receiver, "/discord")) == 1
    assert _updates(receiver, "/other") == []


async def test_of_processes_starting_a_new_version_together_exactly_one_tells_it(database_url: str) -> None:
    databases = [Database(database_url) for _ in range(4)]
    try:
        stores = [ConfigStore(db) for db in databases]
        await stores[0].set(VERSION_KEY, "1.0.0")
        for round_ in range(10):
            previous, new = f"1.0.{round_}", f"1.0.{round_ + 1}"
            changes = await asyncio.gather(*(record_running_version(s, new) for s in stores))
            assert [c for c in changes if c is not None] == [VersionChange(previous=previous, new=new)]
        assert await stores[1].get(VERSION_KEY) == "1.0.10"
    finally:
        for db in databases:
            await db.close()
