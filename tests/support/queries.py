"""What one HTTP request does with the database: the statements it runs and the connections it takes.

Counted in the request's own context (SQLAlchemy runs its events in a greenlet that inherits it), so
the server's background work running meanwhile is not counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.support.live import LiveServer

# Transaction control the SQLite engine issues itself (see reelarr.db.engine), not a query.
_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK")


@dataclass
class RequestQueries:
    """The statements a request ran and how many connections it took from the pools."""

    statements: list[str] = field(default_factory=list)
    parameters: list[Any] = field(default_factory=list)
    connections: int = 0


_current: ContextVar[RequestQueries | None] = ContextVar("request_queries", default=None)


class _Counting:
    """Counts the database work of requests that carry the `x-count-queries` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.counted: list[RequestQueries] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (b"x-count-queries", b"1") in scope.get("headers", []):
            queries = RequestQueries()
            self.counted.append(queries)
            token = _current.set(queries)
            try:
                await self.app(scope, receive, send)
            finally:
                _current.reset(token)
            return
        await self.app(scope, receive, send)


def _statement(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
    queries = _current.get()
    if queries is not None and not statement.strip().upper().startswith(_CONTROL):
        queries.statements.append(statement)
        queries.parameters.append(parameters)


def _checkout(*_args: Any) -> None:
    queries = _current.get()
    if queries is not None:
        queries.connections += 1


@contextmanager
def counting_queries(server: LiveServer) -> Iterator[list[RequestQueries]]:
    """Within the block, each request sent with `x-count-queries: 1` adds what it did to the list.

    Wraps the outermost layer of the test's own server (`Application._asgi`) for as long.
    """
    counting = _Counting(server.app._asgi)
    server.app._asgi = counting
    event.listen(Engine, "before_cursor_execute", _statement)
    event.listen(Pool, "checkout", _checkout)
    try:
        yield counting.counted
    finally:
        event.remove(Pool, "checkout", _checkout)
        event.remove(Engine, "before_cursor_execute", _statement)
        server.app._asgi = counting.app


COUNT = {"x-count-queries": "1"}
