"""The event bus delivers to subscribers, isolates failures, and shares events across processes."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.events import Event, EventBus, event_payload, shared


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalThing(Event):
    value: int


@shared("test.shared")
@dataclass(frozen=True, slots=True, kw_only=True)
class SharedThing(Event):
    value: int


class RecordingBridge:
    def __init__(self) -> None:
        self.sent: list[Event] = []

    async def send(self, event: Event) -> None:
        self.sent.append(event)


async def test_subscribers_get_their_event_type_only() -> None:
    bus = EventBus()
    got: list[int] = []

    async def on_local(event: LocalThing) -> None:
        got.append(event.value)

    bus.subscribe(LocalThing, on_local)
    await bus.publish(LocalThing(value=1))
    await bus.publish(SharedThing(value=2))
    assert got == [1]


async def test_a_failing_subscriber_does_not_reach_the_publisher_or_the_others() -> None:
    bus = EventBus()
    got: list[int] = []

    async def broken(_event: LocalThing) -> None:
        raise RuntimeError("boom")

    async def fine(event: LocalThing) -> None:
        got.append(event.value)

    bus.subscribe(LocalThing, broken)
    bus.subscribe(LocalThing, fine)
    await bus.publish(LocalThing(value=3))
    assert got == [3]


async def test_shared_events_go_to_the_bridge_and_local_ones_do_not() -> None:
    bridge = RecordingBridge()
    bus = EventBus(bridge=bridge)
    await bus.publish(LocalThing(value=1))
    await bus.publish(SharedThing(value=2))
    assert bridge.sent == [SharedThing(value=2)]


async def test_remote_events_reach_only_subscribers_that_asked_for_them() -> None:
    bus = EventBus()
    local_only: list[int] = []
    everywhere: list[int] = []

    async def on_local(event: SharedThing) -> None:
        local_only.append(event.value)

    async def on_any(event: SharedThing) -> None:
        everywhere.append(event.value)

    bus.subscribe(SharedThing, on_local)
    bus.subscribe(SharedThing, on_any, remote=True)
    await bus.deliver_remote("test.shared", event_payload(SharedThing(value=7)))
    await bus.deliver_remote("test.shared", {"unexpected": 1})
    await bus.deliver_remote("unknown.event", {})
    assert local_only == []
    assert everywhere == [7]
