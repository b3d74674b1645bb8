"""Reading a running Radarr through its v3 API, under the project's remote policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from reelarr.errors import RemoteError, RemoteRejected
from reelarr.remote import RemoteRegistry, RemoteService, RetryPolicy, ServicePolicy

# A Radarr on the same box or the LAN: few, quick retries, so a broken one fails the command fast.
_POLICY = ServicePolicy(timeout=60.0, retry=RetryPolicy(attempts=2, initial_delay=0.2, jitter=0.1))
MINIMUM_MAJOR_VERSION = 4


class ImportFailed(Exception):
    """The import cannot go on; the message is printed as is and the command exits non-zero."""


@dataclass(frozen=True, slots=True)
class RadarrStatus:
    """What /api/v3/system/status says about the Radarr read."""

    version: str
    instance_name: str

    @property
    def major(self) -> int:
        """The major version number (0 when the version is not a number)."""
        head = self.version.split(".", 1)[0]
        return int(head) if head.isdigit() else 0


class RadarrClient:
    """GETs Radarr's v3 resources; every failure is an ImportFailed naming the URL and the kind."""

    def __init__(self, url: str, api_key: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self._registry = RemoteRegistry(transport=transport)
        self._service: RemoteService = self._registry.service(
            "Radarr", _POLICY, headers={"X-Api-Key": api_key, "Accept": "application/json"}
        )

    async def status(self) -> RadarrStatus:
        """Radarr's version; a wrong key, a Radarr older than v4 or not a Radarr is an ImportFailed."""
        body = await self.get("system status", "system/status")
        if not isinstance(body, dict) or "version" not in body:
            raise ImportFailed(
                f"{self.url} does not answer like Radarr (no version in /api/v3/system/status)"
            )
        status = RadarrStatus(
            str(body["version"]), str(body.get("instanceName") or body.get("appName") or "")
        )
        if status.major < MINIMUM_MAJOR_VERSION:
            raise ImportFailed(
                f"Radarr at {self.url} is version {status.version}; importing needs Radarr 4 or later "
                "(update it first)"
            )
        return status

    async def get(self, kind: str, path: str) -> Any:
        """The JSON of /api/v3/`path`; `kind` names what was read in the error message."""
        url = f"{self.url}/api/v3/{path}"
        try:
            return await self._service.get_json(url)
        except RemoteRejected as error:
            if error.status_code == 401:
                raise ImportFailed(
                    f"Radarr at {self.url} refused the API key (HTTP 401); copy it from Radarr's "
                    "Settings → General → Security"
                ) from error
            raise ImportFailed(f"Reading {kind} from Radarr at {self.url} failed: {error.message}") from error
        except RemoteError as error:
            raise ImportFailed(f"Reading {kind} from Radarr at {self.url} failed: {error.message}") from error

    async def get_list(self, kind: str, path: str) -> list[dict[str, Any]]:
        """A JSON array of objects from /api/v3/`path`; any other shape is an ImportFailed."""
        body = await self.get(kind, path)
        if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
            raise ImportFailed(f"Reading {kind} from Radarr at {self.url} failed: the answer is not a list")
        return body

    async def get_paged(self, kind: str, path: str, page_size: int = 1000) -> list[dict[str, Any]]:
        """Every record of a paged /api/v3/`path` (history, blocklist), oldest page last."""
        records: list[dict[str, Any]] = []
        page = 1
        while True:
            body = await self.get_object(kind, f"{path}?page={page}&pageSize={page_size}&sortKey=date")
            chunk = body.get("records")
            if not isinstance(chunk, list) or not all(isinstance(item, dict) for item in chunk):
                raise ImportFailed(f"Reading {kind} from Radarr at {self.url} failed: no list of records")
            records.extend(chunk)
            total = body.get("totalRecords")
            if not chunk or not isinstance(total, int) or len(records) >= total:
                return records
            page += 1

    async def get_object(self, kind: str, path: str) -> dict[str, Any]:
        """A JSON object from /api/v3/`path`; any other shape is an ImportFailed."""
        body = await self.get(kind, path)
        if not isinstance(body, dict):
            raise ImportFailed(
                f"Reading {kind} from Radarr at {self.url} failed: the answer is not an object"
            )
        return body

    async def aclose(self) -> None:
        """Close the connections."""
        await self._registry.aclose()
