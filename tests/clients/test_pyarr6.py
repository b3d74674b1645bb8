"""pyarr 6.9.0 (API-COMPAT §6.1 suite B), the httpx rewrite, drives a live server.

pyarr 6 needs Python >= 3.12 and the project runs on 3.11, so `make test-deps` gives it a venv of
its own (.tools/pyarr6) and `pyarr6/smoke.py` runs there as a separate process, printing what each
call returned. What is new against pyarr 5: the API version is asked of `GET /api` first, query
booleans are sent lower-case, the movie is added with `addOptions.monitor`, and tags are renamed
with `PUT /tag` (id in the body).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.clients.conftest import HD_1080P, Library
from tests.support.live import API_KEY

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".tools" / "pyarr6" / "bin" / "python"
SMOKE = Path(__file__).parent / "pyarr6" / "smoke.py"


@pytest.fixture
def pyarr6_python() -> Path:
    """The venv's interpreter; without it the suite fails (it is part of `make test`)."""
    if not PYTHON.exists():
        pytest.fail(f"{PYTHON} is missing: `make test-deps` creates it (needs Python >= 3.12)")
    return PYTHON


async def _run_smoke(python: Path, library: Library) -> dict[str, Any]:
    process = await asyncio.create_subprocess_exec(
        str(python),
        str(SMOKE),
        library.server.url,
        API_KEY,
        str(library.root),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    if process.returncode != 0:
        sys.stderr.write(stderr.decode())
        pytest.fail(
            f"pyarr 6 failed (exit {process.returncode}): {stderr.decode().strip().splitlines()[-1:]}"
        )
    result: dict[str, Any] = json.loads(stdout)
    return result


async def test_pyarr6_adds_edits_and_deletes_a_movie(pyarr6_python: Path, library: Library) -> None:
    out = await _run_smoke(pyarr6_python, library)

    assert out["status"]["appName"] == "Radarr"
    assert [r["path"].rstrip("/") for r in out["roots"]] == [str(library.root)]
    added = out["added"]
    assert (added["tmdbId"], added["qualityProfileId"], added["minimumAvailability"]) == (
        603,
        HD_1080P,
        "released",
    )
    assert added["id"] > 0
    assert [m["id"] for m in out["all"]] == [added["id"]]
    assert [m["id"] for m in out["by_tmdb_id"]] == [added["id"]]
    assert out["updated"]["monitored"] is False
    assert [m["id"] for m in out["calendar"]] == [added["id"]], "unmonitored=true (lower-case) includes it"
    assert out["renamed_tag"]["label"] == "pyarr-six"
    [detail] = out["tag_details"]
    assert detail["movieIds"] == [added["id"]]
    assert out["command"]["name"] == "RefreshMovie"
    assert [e["tmdbId"] for e in out["exclusions"]] == [603], "deleted with add_exclusion=true"
    assert out["deleted_is_404"] is True
    assert out["tags_after"] == []
