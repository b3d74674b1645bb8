"""FastAPI dependencies shared by the routes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import HTTPException, Request
from starlette.requests import HTTPConnection

from reelarr.auth.sessions import SessionInfo
from reelarr.services import Services


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a client with the API key, or a logged-in browser session."""

    kind: Literal["api_key", "session"]
    session: SessionInfo | None = None


# The dependencies are coroutines, though they do no I/O: FastAPI runs a plain `def` dependency on
# the thread pool (a thread hop per dependency per request, and 40 threads for every request at once).


async def get_services(connection: HTTPConnection) -> Services:
    """The running process's services."""
    services: Services | None = getattr(connection.app.state, "services", None)
    if services is None:
        raise HTTPException(503, "Reelarr is starting")
    return services


async def get_principal(request: Request) -> Principal | None:
    """The caller, as the auth middleware identified them (None on anonymous routes)."""
    principal = request.scope.get("state", {}).get("principal")
    return principal if isinstance(principal, Principal) else None
