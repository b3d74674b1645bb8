"""Typed domain events and the one in-process bus that delivers them.

An event class decorated with `@shared("name")` can also cross process boundaries (PostgreSQL
LISTEN/NOTIFY, SQLite's shared_events table); subscribers say whether they want events that
happened in other processes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened; published after the database transaction that made it commits."""

    shared_name: ClassVar[str | None] = None


E = TypeVar("E", bound=Event)
Handler = Callable[[Any], Awaitable[None]]


def shared(name: str) -> Callable[[type[E]], type[E]]:
    """Mark an event class as one that is also delivered to the other processes of the installation."""

    def mark(cls: type[E]) -> type[E]:
        cls.shared_name = name
        return cls

    return mark


class EventBridge(Protocol):
    """Carries shared events to other processes."""

    async def send(self, event: Event) -> None:
        """Send one event to every other process."""


@dataclass(slots=True)
class _Subscription:
    handler: Handler
    remote: bool


@dataclass
class EventBus:
    """Delivers each event to the handlers of its class; a failing handler never reaches the publisher."""

    _subscriptions: dict[type[Event], list[_Subscription]] = field(default_factory=lambda: defaultdict(list))
    _shared_types: dict[str, type[Event]] = field(default_factory=dict)
    bridge: EventBridge | None = None

    def subscribe(
        self, event_type: type[E], handler: Callable[[E], Awaitable[None]], *, remote: bool = False
    ) -> None:
        """Call `handler` for every `event_type`; with remote=True also for those from other processes."""
        self._subscriptions[event_type].append(_Subscription(handler, remote))
        if event_type.shared_name:
            self._shared_types[event_type.shared_name] = event_type

    def unsubscribe(self, event_type: type[E], handler: Callable[[E], Awaitable[None]]) -> None:
        """Stop calling `handler` for `event_type` (a process that must not react so, e.g. an import
        that must not announce each film it brings over)."""
        self._subscriptions[event_type] = [s for s in self._subscriptions[event_type] if s.handler != handler]

    async def publish(self, event: Event) -> None:
        """Deliver an event that happened in this process, here and (when shared) to the other processes."""
        await self._deliver(event, from_remote=False)
        if self.bridge is not None and type(event).shared_name:
            try:
                await self.bridge.send(event)
            except Exception:
                log.exception("Could not send %s to other processes", type(event).__name__)

    async def deliver_remote(self, name: str, payload: dict[str, Any]) -> None:
        """Deliver an event that another process published, to the subscribers that asked for those."""
        event_type = self._shared_types.get(name)
        if event_type is None:
            return
        try:
            event = event_type(**payload)
        except TypeError:
            log.warning("Dropped a malformed %s event from another process", name)
            return
        await self._deliver(event, from_remote=True)

    async def _deliver(self, event: Event, *, from_remote: bool) -> None:
        subscriptions = [s for s in self._subscriptions.get(type(event), ()) if s.remote or not from_remote]
        if not subscriptions:
            return
        results = await asyncio.gather(*(s.handler(event) for s in subscriptions), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                log.error("Event handler failed for %s", type(event).__name__, exc_info=result)


def event_payload(event: Event) -> dict[str, Any]:
    """The fields of an event as a plain dict, for sending it to another process."""
    return {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsMissed(Event):
    """This process may have missed other processes' events (its link to them was down): caches of
    what other processes change must be dropped."""
