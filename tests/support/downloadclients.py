"""Download clients added through the API, the way Radarr's UI adds them."""

from __future__ import annotations

from typing import Any

import httpx

from tests.fixtures.sabnzbd.server import SabnzbdFixtureServer
from tests.support.deluge import DelugeServer
from tests.support.nzbget import NzbgetServer
from tests.support.qbittorrent import QBittorrentServer
from tests.support.rtorrent import RTorrentServer
from tests.support.transmission import TransmissionServer


async def qbittorrent_resource(
    client: httpx.AsyncClient, qbit: QBittorrentServer | None = None, **values: Any
) -> dict[str, Any]:
    """The blank qBittorrent resource from the schema, filled in for `qbit` (when given) and `values`.

    `values` names settings fields (camelCase) or, for `name`, `enable` and `priority`, the
    resource's own keys.
    """
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "QBittorrent")}
    top = {key: values.pop(key) for key in ("name", "enable", "priority") if key in values}
    settings = qbit.settings(**values) if qbit is not None else values
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    body.update({"name": "qBittorrent", **top})
    return body


async def add_qbittorrent(
    client: httpx.AsyncClient, qbit: QBittorrentServer | None = None, **values: Any
) -> dict[str, Any]:
    """Add a qBittorrent client: tested against `qbit`, or kept untested when there is none."""
    body = await qbittorrent_resource(client, qbit, **values)
    params = {} if qbit is not None else {"forceSave": "true"}
    response = await client.post("/api/v3/downloadclient", json=body, params=params)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def transmission_resource(
    client: httpx.AsyncClient, server: TransmissionServer | None = None, **values: Any
) -> dict[str, Any]:
    """The blank Transmission resource from the schema, filled in for `server` (when given) and
    `values`, as `qbittorrent_resource` fills in qBittorrent's."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "Transmission")}
    top = {key: values.pop(key) for key in ("name", "enable", "priority") if key in values}
    settings = server.settings(**values) if server is not None else values
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    body.update({"name": "Transmission", **top})
    return body


async def deluge_resource(
    client: httpx.AsyncClient, server: DelugeServer | None = None, **values: Any
) -> dict[str, Any]:
    """The blank Deluge resource from the schema, filled in for `server` (when given) and `values`,
    as `qbittorrent_resource` fills in qBittorrent's."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "Deluge")}
    top = {key: values.pop(key) for key in ("name", "enable", "priority") if key in values}
    settings = server.settings(**values) if server is not None else values
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    body.update({"name": "Deluge", **top})
    return body


async def rtorrent_resource(
    client: httpx.AsyncClient, server: RTorrentServer | None = None, **values: Any
) -> dict[str, Any]:
    """The blank rTorrent resource from the schema, filled in for `server` (when given) and `values`,
    as `qbittorrent_resource` fills in qBittorrent's."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "RTorrent")}
    top = {key: values.pop(key) for key in ("name", "enable", "priority") if key in values}
    settings = server.settings(**values) if server is not None else values
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    body.update({"name": "rTorrent", **top})
    return body


async def add_sabnzbd(
    client: httpx.AsyncClient, sabnzbd: SabnzbdFixtureServer, **values: Any
) -> dict[str, Any]:
    """Add a SABnzbd client for the fixture SABnzbd, tested first as Radarr's UI does."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "Sabnzbd"), "name": "SABnzbd"}
    settings = sabnzbd.settings(**values)
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    response = await client.post("/api/v3/downloadclient", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def add_nzbget(client: httpx.AsyncClient, nzbget: NzbgetServer, **values: Any) -> dict[str, Any]:
    """Add an NZBGet client for a running NZBGet, tested first as Radarr's UI does."""
    schema = (await client.get("/api/v3/downloadclient/schema")).json()
    body: dict[str, Any] = {**next(e for e in schema if e["implementation"] == "Nzbget"), "name": "NZBGet"}
    settings = nzbget.settings(**values)
    body["fields"] = [{**f, "value": settings.get(f["name"], f.get("value"))} for f in body["fields"]]
    response = await client.post("/api/v3/downloadclient", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added
