"""Steps of the tests of the notifications that call a hosted service (Telegram, Pushover, ntfy,
Gotify): a resource as Radarr's UI sends it, made from the schema's blank entry."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.notifications import ALL_SWITCHES


async def notification_resource(
    client: httpx.AsyncClient,
    implementation: str,
    fields: dict[str, Any],
    *,
    name: str | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The blank `implementation` of the schema, named, with these field values and switches."""
    schema = (await client.get("/api/v3/notification/schema")).json()
    blank: dict[str, Any] = next(e for e in schema if e["implementation"] == implementation)
    for field in blank["fields"]:
        if field["name"] in fields:
            field["value"] = fields[field["name"]]
    return {**blank, "name": name or implementation, **options}


async def add_notification(
    client: httpx.AsyncClient,
    implementation: str,
    fields: dict[str, Any],
    *,
    switches: tuple[str, ...] = ALL_SWITCHES,
    name: str | None = None,
) -> dict[str, Any]:
    """Create (tested on the way) a notification with these switches on; the created resource."""
    body = await notification_resource(
        client, implementation, fields, name=name, **dict.fromkeys(switches, True)
    )
    response = await client.post("/api/v3/notification", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def field_of(resource: dict[str, Any], name: str) -> dict[str, Any]:
    """One of a resource's fields, by name."""
    found: dict[str, Any] = next(f for f in resource["fields"] if f["name"] == name)
    return found
