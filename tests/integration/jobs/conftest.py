"""A command queue on each database, with a registry the tests fill."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from reelarr.db.engine import Database
from reelarr.events import EventBus
from reelarr.jobs.queue import CommandQueue
from reelarr.jobs.registry import CommandRegistry
from tests.support.clock import FakeClock


@dataclass
class QueueRig:
    """A queue and what it is built from."""

    db: Database
    bus: EventBus
    registry: CommandRegistry
    clock: FakeClock
    queue: CommandQueue


@pytest.fixture
def rig(db: Database) -> QueueRig:
    """A command queue on a fresh database with a fake clock and seeded jitter."""
    bus = EventBus()
    registry = CommandRegistry()
    clock = FakeClock()
    queue = CommandQueue(
        db,
        bus,
        registry,
        clock,
        default_max_attempts=3,
        retry_base_seconds=10,
        retry_max_seconds=60,
        rng=random.Random(7),
    )
    return QueueRig(db, bus, registry, clock, queue)
