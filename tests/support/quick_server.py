"""A uvicorn server that stops in milliseconds: a test suite starts and stops a few thousand."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import uvicorn

from tests.support.stuck import task_stack

# uvicorn looks for an exit request every 100 ms and gives open connections a fixed 100 ms before its
# graceful shutdown: ~0.2 s of idle wall time per server, minutes over the suite.
POLL_SECONDS = 0.01


class QuickServer(uvicorn.Server):
    """uvicorn's Server with its exit request and its shutdown waits polled every few milliseconds."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._exit_requested = asyncio.Event()
        self.cut_requests = ""  # the stacks of requests still running when the graceful shutdown ended

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's serve, with its start-up failure a RuntimeError rather than its `sys.exit`: a
        SystemExit raised in a task leaves the event loop mid-step, and a test session shares one
        loop, so it would break every later test of the worker."""
        try:
            await super().serve(sockets)
        except SystemExit as exited:
            raise RuntimeError(f"uvicorn could not start (it exited with {exited.code})") from None

    def request_exit(self) -> None:
        """Ask the server to stop, as `should_exit = True` does, and wake its main loop at once."""
        self.should_exit = True
        self._exit_requested.set()

    async def main_loop(self) -> None:
        """uvicorn's loop (its once-a-second Date header and exit checks), woken early by an exit request."""
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._exit_requested.wait(), 0.1)
            should_exit = await self.on_tick(counter)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's graceful shutdown: refuse new connections, let open ones finish, then the lifespan's."""
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        try:
            async with asyncio.timeout(self.config.timeout_graceful_shutdown or 30):
                while self.server_state.connections or self.server_state.tasks:  # noqa: ASYNC110 - uvicorn has no event
                    await asyncio.sleep(POLL_SECONDS)
                for server in self.servers:
                    await server.wait_closed()
        except TimeoutError:
            # As uvicorn does: requests still running past the grace (a fixture's slow answer) are cut.
            self.cut_requests = "".join(task_stack(task) for task in self.server_state.tasks) or (
                f"{len(self.server_state.connections)} connection(s) and no request"
            )
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        if not self.force_exit:
            await self.lifespan.shutdown()
