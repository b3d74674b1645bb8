"""TRaSH-Guides' whole Radarr collection imports through the API as Recyclarr sends it, and reads
back so that Recyclarr's comparison finds nothing to change."""

from __future__ import annotations

from typing import Any

from tests.fixtures.trash_guides import as_recyclarr_sends, trash_formats
from tests.support.live import LiveServer


def _field_value(value: Any) -> Any:
    """A field value as Recyclarr normalises it: an integral JSON number is an int, others doubles."""
    if isinstance(value, float) and value.is_integer():
        return ("int", int(value))
    return (type(value).__name__, value)


def _as_recyclarr_compares(resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": resource["name"],
        "includeCustomFormatWhenRenaming": resource["includeCustomFormatWhenRenaming"],
        "specifications": [
            {
                "name": s["name"],
                "implementation": s["implementation"],
                "negate": s["negate"],
                "required": s["required"],
                "fields": {f["name"]: _field_value(f.get("value")) for f in s["fields"]},
            }
            for s in resource["specifications"]
        ],
    }


def _guide_fields(sent: dict[str, Any]) -> dict[str, Any]:
    compared = _as_recyclarr_compares(sent)
    for spec, guide in zip(compared["specifications"], sent["specifications"], strict=True):
        spec["fields"] = {f["name"]: _field_value(f["value"]) for f in guide["fields"]}
    return compared


async def test_the_whole_collection_imports_and_reads_back_unchanged(server: LiveServer) -> None:
    sent = {name: as_recyclarr_sends(guide) for name, guide in trash_formats().items()}
    assert len(sent) > 200
    ids: dict[str, int] = {}
    for name, body in sent.items():
        response = await server.client.post("/api/v3/customformat", json=body)
        assert response.status_code == 201, (name, response.text)
        ids[name] = response.json()["id"]

    listed = {f["id"]: f for f in (await server.client.get("/api/v3/customformat")).json()}
    assert len(listed) == len(sent)
    for name, body in sent.items():
        back = _as_recyclarr_compares(listed[ids[name]])
        # Recyclarr only compares the fields both sides have; Radarr adds defaults (exceptLanguage).
        for spec, wanted in zip(back["specifications"], _guide_fields(body)["specifications"], strict=True):
            spec["fields"] = {k: v for k, v in spec["fields"].items() if k in wanted["fields"]}
        assert back == _guide_fields(body), name

    profiles = (await server.client.get("/api/v3/qualityprofile")).json()
    assert all({i["format"] for i in p["formatItems"]} == set(ids.values()) for p in profiles)


async def test_a_read_format_put_back_as_is_stays_the_same(server: LiveServer) -> None:
    guides = trash_formats()
    for name in (
        "x265-hd",
        "dv-disk",
        "lq",
        "remux-tier-01",
        "language-not-original",
        "br-disk",
        "anime-dual-audio",
    ):
        created = (
            await server.client.post("/api/v3/customformat", json=as_recyclarr_sends(guides[name]))
        ).json()
        response = await server.client.put(f"/api/v3/customformat/{created['id']}", json=created)
        assert response.status_code == 202, response.text
        assert response.json() == created
