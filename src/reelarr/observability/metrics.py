"""Prometheus metrics, kept in a registry per process (no globals)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelarr import RADARR_VERSION, __version__
from reelarr.events import EventBus
from reelarr.jobs.events import CommandUpdated

QueueCounts = Callable[[], Awaitable[dict[str, int]]]


class Metrics:
    """The counters and gauges Reelarr exports at /metrics."""

    def __init__(self, bus: EventBus) -> None:
        self.registry = CollectorRegistry()
        Info("reelarr_build", "Reelarr version", registry=self.registry).info(
            {"version": __version__, "radarr_api_version": RADARR_VERSION}
        )
        self.http_requests = Counter(
            "reelarr_http_requests",
            "HTTP requests answered",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.http_duration = Histogram(
            "reelarr_http_request_duration_seconds",
            "Time to answer HTTP requests",
            ["method", "route"],
            registry=self.registry,
        )
        self.commands_finished = Counter(
            "reelarr_commands_finished", "Commands that finished", ["name", "status"], registry=self.registry
        )
        self.command_queue = Gauge(
            "reelarr_commands", "Commands by status", ["status"], registry=self.registry
        )
        self.websocket_clients = Gauge(
            "reelarr_websocket_clients", "Open WebSocket connections", registry=self.registry
        )
        bus.subscribe(CommandUpdated, self._on_command)

    async def render(self, queue_counts: QueueCounts, websocket_clients: int) -> bytes:
        """The exposition text, with the gauges read fresh."""
        counts = await queue_counts()
        for status in ("queued", "started", "completed", "failed", "cancelled", "orphaned"):
            self.command_queue.labels(status).set(counts.get(status, 0))
        self.websocket_clients.set(websocket_clients)
        return generate_latest(self.registry)

    async def _on_command(self, event: CommandUpdated) -> None:
        status = event.command.get("status")
        if status in ("completed", "failed", "cancelled", "orphaned"):
            self.commands_finished.labels(event.command.get("name", "?"), status).inc()


class MetricsMiddleware:
    """Counts and times every HTTP request by its route template (not its raw path)."""

    def __init__(self, app: ASGIApp, metrics: Callable[[], Metrics | None]) -> None:
        self.app = app
        self._metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        metrics = self._metrics()
        if scope["type"] != "http" or metrics is None:
            await self.app(scope, receive, send)
            return
        status = 500
        started = time.perf_counter()

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "GET")
            metrics.http_requests.labels(method, template, str(status)).inc()
            metrics.http_duration.labels(method, template).observe(time.perf_counter() - started)
