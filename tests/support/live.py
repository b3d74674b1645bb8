"""A real Reelarr HTTP server inside the test's event loop, on a loopback port."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import uvicorn

from reelarr.app import Application, create_app
from reelarr.remote.registry import tls_context
from reelarr.services import Services
from reelarr.settings import Settings
from tests.support.net import bound_socket
from tests.support.quick_server import QuickServer
from tests.support.stuck import task_stacks

API_KEY = "0123456789abcdef0123456789abcdef"
GRACE_SECONDS = 5


@dataclass
class LiveServer:
    """A started server: its URL, its services, and a client that sends the API key."""

    url: str
    app: Application
    client: httpx.AsyncClient

    @property
    def services(self) -> Services:
        """The server's services."""
        return self.app.services

    def anonymous(self) -> httpx.AsyncClient:
        """A client without credentials (close it after use)."""
        return httpx.AsyncClient(base_url=self.url, timeout=30)


@asynccontextmanager
async def live_server(settings: Settings, **create_kwargs: object) -> AsyncIterator[LiveServer]:
    """Serve `settings` on a free port until the block ends."""
    app = create_app(settings, **create_kwargs)  # type: ignore[arg-type]
    # Bound here and handed to uvicorn: a port only looked up could be taken by another worker's
    # server or an outgoing connection before uvicorn binds it.
    sock = bound_socket()
    port = sock.getsockname()[1]
    server = QuickServer(
        uvicorn.Config(
            app,
            log_config=None,
            lifespan="on",
            ws="websockets-sansio",
            # A request still running 5 s after the test ended is cut, and named in a warning.
            timeout_graceful_shutdown=GRACE_SECONDS,
        )
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        try:
            async with asyncio.timeout(30):
                while not server.started:
                    if task.done():
                        task.result()
                        raise RuntimeError("server stopped during start-up")
                    await asyncio.sleep(0.01)
        except TimeoutError as error:
            stacks = task_stacks()
            raise TimeoutError(f"the server did not start within 30 s; its tasks:\n{stacks}") from error
        base = f"http://127.0.0.1:{port}{settings.url_base}"
        async with httpx.AsyncClient(
            base_url=base, headers={"X-Api-Key": API_KEY}, timeout=30, verify=tls_context()
        ) as client:
            yield LiveServer(base, app, client)
    finally:
        server.request_exit()
        try:
            await stopped(task)
        finally:
            sock.close()
        if server.cut_requests:
            cut = server.cut_requests
            warnings.warn(f"requests still running when the server stopped:\n{cut}", stacklevel=1)


async def stopped(task: asyncio.Task[None], within: float = 30.0) -> None:
    """Wait for a server's task to end; past `within`, fail with what its tasks are waiting for."""
    done, _ = await asyncio.wait({task}, timeout=within)
    if not done:
        stacks = task_stacks()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        raise TimeoutError(f"the server did not stop within {within:.0f} s; its tasks:\n{stacks}")
    task.result()
