"""An ASGI app served by uvicorn on 127.0.0.1 in a daemon thread, for the fixture servers of tests."""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from typing import Self

import uvicorn
from starlette.types import ASGIApp

from tests.support.net import bound_socket
from tests.support.quick_server import QuickServer

HOST = "127.0.0.1"


class AppThread:
    """Serves one app at a time on a loopback port; after `stop()` a `start()` listens on the same port
    again (so a test can make a service unreachable and bring it back at the same address)."""

    def __init__(self, name: str, port: int = 0) -> None:
        self.name = name
        self.port = port
        self._server: QuickServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """Whether it accepts connections now."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, app: ASGIApp) -> None:
        """Listen (on a free port the first time) and wait until the app answers."""
        sock = bound_socket(self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=1
        )
        server = QuickServer(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=self.name, daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError(f"the {self.name} did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop listening and wait for the thread (the port stays known)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None


class ThreadedService(ABC):
    """A fixture service on an `AppThread` of its own: its `url`, and `with` to serve it, then stop."""

    def __init__(self, name: str) -> None:
        self._thread = AppThread(name)

    @property
    def url(self) -> str:
        """The service's address."""
        return f"http://{HOST}:{self._thread.port}"

    @abstractmethod
    def app(self) -> ASGIApp:
        """The ASGI app it serves."""

    def __enter__(self) -> Self:
        self._thread.start(self.app())
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._thread.stop()
