"""A notification of any implementation as Radarr's UI sends it: the schema's blank, filled in."""

from __future__ import annotations

from typing import Any

import httpx


async def blank(client: httpx.AsyncClient, implementation: str) -> dict[str, Any]:
    """The schema's entry of an implementation."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    found: dict[str, Any] = next(entry for entry in schema if entry["implementation"] == implementation)
    return found


async def notification_resource(
    client: httpx.AsyncClient,
    implementation: str,
    fields: dict[str, Any],
    *,
    name: str | None = None,
    switches: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The blank of `implementation`, named, with these field values and these switches on."""
    body = await blank(client, implementation)
    for field in body["fields"]:
        if field["name"] in fields:
            field["value"] = fields[field["name"]]
    return {**body, "name": name or implementation, **dict.fromkeys(switches, True)}


async def add_notification(
    client: httpx.AsyncClient,
    implementation: str,
    fields: dict[str, Any],
    *,
    switches: tuple[str, ...] = (),
    force_save: bool = False,
) -> dict[str, Any]:
    """Create the notification (tested on the way unless `force_save`); the created resource."""
    body = await notification_resource(client, implementation, fields, switches=switches)
    params = {"forceSave": "true"} if force_save else {}
    response = await client.post("/api/v3/notification", json=body, params=params)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def field_of(resource: dict[str, Any], name: str) -> dict[str, Any]:
    """One field of a resource, by name."""
    found: dict[str, Any] = next(f for f in resource["fields"] if f["name"] == name)
    return found
