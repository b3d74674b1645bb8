"""Scheduled tasks are rows; each due run is queued exactly once, and a run moves the next one."""

from __future__ import annotations

import asyncio

from pydantic import Field

from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec, CommandTrigger
from reelarr.jobs.scheduler import Scheduler
from tests.integration.jobs.conftest import QueueRig


async def _noop(_body: CommandBody, _ctx: CommandContext) -> None:
    return None


def _scheduler(rig: QueueRig) -> Scheduler:
    return Scheduler(rig.db, rig.queue, rig.registry, rig.bus, rig.clock)


async def test_new_tasks_first_run_one_interval_after_start(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("CheckHealth", _noop), every_minutes=360)
    scheduler = _scheduler(rig)
    await scheduler.sync_tasks()
    [task] = await scheduler.tasks()
    assert task.name == "CheckHealth"
    assert (task.next_execution - rig.clock.now).total_seconds() == 360 * 60
    assert await scheduler.queue_due() == 0


async def test_due_task_is_queued_as_scheduled(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("Housekeeping", _noop), every_minutes=60)
    scheduler = _scheduler(rig)
    await scheduler.sync_tasks()
    rig.clock.advance(minutes=61)
    assert await scheduler.queue_due() == 1
    [command] = await rig.queue.recent()
    assert command.name == "Housekeeping"
    assert command.trigger == CommandTrigger.SCHEDULED
    assert await scheduler.queue_due() == 0, "queued once per interval"


async def test_finished_run_sets_last_execution_and_moves_the_next(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("Housekeeping", _noop), every_minutes=60)
    scheduler = _scheduler(rig)
    await scheduler.sync_tasks()
    rig.clock.advance(minutes=61)
    await scheduler.queue_due()
    claimed = await rig.queue.claim("w")
    assert claimed is not None
    rig.clock.advance(seconds=3)
    await rig.queue.complete(claimed.id, None)
    [task] = await scheduler.tasks()
    assert task.last_execution == rig.clock.now
    assert task.last_duration is not None
    assert task.last_duration.total_seconds() == 3
    assert (task.next_execution - rig.clock.now).total_seconds() == 3600


class _SomeMovies(CommandBody):
    movie_ids: list[int] = Field(default_factory=list)


async def test_a_run_with_parameters_is_not_the_tasks_run(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("RefreshMovie", _noop, body=_SomeMovies), every_minutes=1440)
    scheduler = _scheduler(rig)
    await scheduler.sync_tasks()
    [before] = await scheduler.tasks()
    one_film = await rig.queue.enqueue("RefreshMovie", {"movieIds": [7]})
    assert await rig.queue.claim("w") is not None
    rig.clock.advance(seconds=3)
    await rig.queue.complete(one_film.id, None)
    [after] = await scheduler.tasks()
    assert (after.last_start_time, after.next_execution) == (None, before.next_execution)

    plain = await rig.queue.enqueue("RefreshMovie", {"movieIds": []}, trigger=CommandTrigger.MANUAL)
    assert await rig.queue.claim("w") is not None
    rig.clock.advance(seconds=2)
    await rig.queue.complete(plain.id, None)
    [ran] = await scheduler.tasks()
    assert ran.last_execution == rig.clock.now
    assert ran.last_duration is not None
    assert ran.last_duration.total_seconds() == 2


async def test_schedulers_racing_queue_a_due_task_once(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("RssSync", _noop), every_minutes=15)
    schedulers = [_scheduler(rig) for _ in range(4)]
    await schedulers[0].sync_tasks()
    rig.clock.advance(minutes=16)
    counts = await asyncio.gather(*(s.queue_due() for s in schedulers))
    assert sum(counts) == 1
    assert len(await rig.queue.recent()) == 1


async def test_sync_updates_intervals_and_drops_retired_tasks(rig: QueueRig) -> None:
    rig.registry.add(CommandSpec("Old", _noop), every_minutes=5)
    rig.registry.add(CommandSpec("Kept", _noop), every_minutes=5)
    await _scheduler(rig).sync_tasks()
    rig.registry = type(rig.registry)()
    rig.registry.add(CommandSpec("Kept", _noop), every_minutes=30)
    scheduler = Scheduler(rig.db, rig.queue, rig.registry, rig.bus, rig.clock)
    await scheduler.sync_tasks()
    assert [(t.name, t.interval_minutes) for t in await scheduler.tasks()] == [("Kept", 30)]
