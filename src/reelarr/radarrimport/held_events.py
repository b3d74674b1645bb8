"""Events of a kind held back until its transaction commits, so nobody hears of rows rolled back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reelarr.events import Event, EventBus


@asynccontextmanager
async def held_events(bus: EventBus) -> AsyncIterator[None]:
    """Keep what the services publish inside the block; publish it, in order, when the block ends
    cleanly (after the kind's transaction, opened inside, has committed); drop it when it raises."""
    held: list[Event] = []

    async def hold(event: Event) -> None:
        held.append(event)

    # The bus is shared by every service of the process; shadowing its method on this one instance,
    # for this block only, reaches every publisher without threading a second bus through them.
    setattr(bus, "publish", hold)  # noqa: B010 (mypy refuses assigning to a method)
    try:
        yield
    finally:
        delattr(bus, "publish")
    for event in held:
        await bus.publish(event)
