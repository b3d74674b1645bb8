"""Steps of the notification tests: a Webhook resource as Radarr's UI sends it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

ALL_SWITCHES = (
    "onGrab",
    "onDownload",
    "onUpgrade",
    "onRename",
    "onMovieAdded",
    "onHealthIssue",
    "includeHealthWarnings",
    "onHealthRestored",
)


async def webhook_resource(
    client: httpx.AsyncClient,
    url: str,
    *,
    name: str = "Hook",
    fields: dict[str, Any] | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The blank Webhook of the schema, named, pointed at `url`, with these fields and switches."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    blank: dict[str, Any] = next(entry for entry in schema if entry["implementation"] == "Webhook")
    values = {"url": url, **(fields or {})}
    for field in blank["fields"]:
        if field["name"] in values:
            field["value"] = values[field["name"]]
    return {**blank, "name": name, **options}


async def add_webhook(
    client: httpx.AsyncClient,
    url: str,
    *,
    switches: tuple[str, ...] = ALL_SWITCHES,
    force_save: bool = False,
    **values: Any,
) -> dict[str, Any]:
    """Create a Webhook with these switches on (untested with `force_save`); the created resource."""
    body = await webhook_resource(client, url, **dict.fromkeys(switches, True), **values)
    params = {"forceSave": "true"} if force_save else {}
    response = await client.post("/api/v3/notification", json=body, params=params)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def discord_resource(
    client: httpx.AsyncClient,
    url: str,
    *,
    name: str = "Discord",
    fields: dict[str, Any] | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The blank Discord of the schema, named, posting to `url`, with these fields and switches."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    blank: dict[str, Any] = next(entry for entry in schema if entry["implementation"] == "Discord")
    values = {"webHookUrl": url, **(fields or {})}
    for field in blank["fields"]:
        if field["name"] in values:
            field["value"] = values[field["name"]]
    return {**blank, "name": name, **options}


async def add_discord(
    client: httpx.AsyncClient,
    url: str,
    *,
    switches: tuple[str, ...] = ALL_SWITCHES,
    **values: Any,
) -> dict[str, Any]:
    """Create a Discord with these switches on (tested on the way); the created resource."""
    body = await discord_resource(client, url, **dict.fromkeys(switches, True), **values)
    response = await client.post("/api/v3/notification", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def add_blackhole(client: httpx.AsyncClient, nzbs: Path, watch: Path) -> None:
    """Add a usenet blackhole named "Blackhole" dropping into `nzbs`, its downloads found in `watch`."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body = {**next(e for e in schema if e["implementation"] == "UsenetBlackhole"), "name": "Blackhole"}
    values = {"nzbFolder": str(nzbs), "watchFolder": str(watch)}
    body["fields"] = [{**f, "value": values.get(f["name"], f.get("value"))} for f in body["fields"]]
    response = await client.post("/api/v3/downloadclient", json=body)
    assert response.status_code == 201, response.text
