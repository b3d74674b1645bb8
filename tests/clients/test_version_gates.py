"""What clients decide from Radarr's identity (API-COMPAT §2.2, §3.1, §3.2, §7.2), replayed.

* arrapi (Kometa): GET `/api/v3/system/status?apikey=`; a missing or null `version` is a
  connection failure; `int(version[0]) > 2` (1.5.1) or `int(version.split(".")[0]) >= 4`
  chooses the v3/v4 code paths.
* Recyclarr: `appName` must be "Radarr" (case-insensitive) or it aborts; `version` is parsed as
  a .NET `System.Version` (2 to 4 numeric parts) and at least 5.9.0.9049 selects the larger
  quality-size limits.
* Prowlarr: reads the `X-Application-Version` response header (missing: "Failed to fetch Radarr
  version"), which must parse as a version of at least 4.0.4.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.clients.conftest import Library
from tests.support.live import API_KEY

INT32_MAX = 2**31 - 1


def dotnet_version(text: str) -> tuple[int, int, int, int]:
    """System.Version.Parse: 2 to 4 non-negative int32 parts; absent parts compare as -1."""
    parts = text.split(".")
    if not 2 <= len(parts) <= 4:
        raise ValueError(f"not a .NET Version: {text!r}")
    numbers = []
    for part in parts:
        if not re.fullmatch(r"\s*\+?\d+\s*", part) or int(part) > INT32_MAX:
            raise ValueError(f"not a .NET Version: {text!r}")
        numbers.append(int(part))
    numbers += [-1] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


@pytest.fixture
async def api(library: Library) -> AsyncIterator[httpx.AsyncClient]:
    """A client on `/api/v3` authenticating with the key header (Recyclarr, Prowlarr)."""
    async with httpx.AsyncClient(
        base_url=f"{library.server.url}/api/v3", headers={"X-Api-Key": API_KEY}, timeout=30
    ) as client:
        yield client


def test_dotnet_version_parsing_is_dotnets() -> None:
    assert dotnet_version("5.9.0.9049") == (5, 9, 0, 9049)
    assert dotnet_version("6.1") == (6, 1, -1, -1)
    assert dotnet_version("5.9") < dotnet_version("5.9.0.0")
    for bad in ("6", "6.1.0.0.0", "6.x.0", "6.1.0-beta", "6..1", "6.1.0.2147483648"):
        with pytest.raises(ValueError, match=r"not a \.NET Version"):
            dotnet_version(bad)


async def test_arrapi_connects_and_takes_the_v3_and_v4_code_paths(library: Library) -> None:
    async with httpx.AsyncClient(base_url=f"{library.server.url}/api/v3", timeout=30) as arrapi:
        status = (await arrapi.get("/system/status", params={"apikey": API_KEY})).json()
    version = status["version"]
    assert isinstance(version, str)
    assert int(version[0]) > 2
    assert int(version.split(".")[0]) >= 4


async def test_recyclarr_accepts_the_app_name(api: httpx.AsyncClient) -> None:
    status = (await api.get("/system/status")).json()
    assert status["appName"].lower() == "radarr"


async def test_recyclarr_parses_the_version_and_uses_the_modern_size_limits(api: httpx.AsyncClient) -> None:
    status = (await api.get("/system/status")).json()
    assert dotnet_version(status["version"]) >= dotnet_version("5.9.0.9049")


async def test_prowlarr_reads_the_application_version_header(api: httpx.AsyncClient) -> None:
    status = await api.get("/system/status")
    movies = await api.get("/movie")
    assert status.headers["X-Application-Version"] == status.json()["version"]
    assert movies.headers["X-Application-Version"] == status.json()["version"]
    assert dotnet_version(status.headers["X-Application-Version"]) >= dotnet_version("4.0.4")
