"""The durable queue: what goes in comes out once, in priority order, and failures back off."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reelarr.errors import Conflict, NotFound, ValidationFailed
from reelarr.jobs.events import CommandUpdated
from reelarr.jobs.model import CommandBody, CommandContext, CommandPriority, CommandSpec, CommandStatus
from reelarr.jobs.queue import CommandTakenOver
from tests.integration.jobs.conftest import QueueRig


class SearchBody(CommandBody):
    movie_ids: list[int]


async def _noop(_body: CommandBody, _ctx: CommandContext) -> None:
    return None


def _register(rig: QueueRig, name: str, **kwargs: object) -> None:
    rig.registry.add(CommandSpec(name, _noop, **kwargs))  # type: ignore[arg-type]


async def test_unknown_command_is_a_validation_error(rig: QueueRig) -> None:
    with pytest.raises(ValidationFailed, match="Unknown command"):
        await rig.queue.enqueue("NoSuchThing")


async def test_body_is_validated_and_stored_in_camel_case(rig: QueueRig) -> None:
    _register(rig, "MoviesSearch", body=SearchBody)
    with pytest.raises(ValidationFailed):
        await rig.queue.enqueue("MoviesSearch", {"movieIds": "all of them"})
    command = await rig.queue.enqueue("moviessearch", {"MovieIds": [3, 1]})
    assert command.name == "MoviesSearch"
    assert command.body == {"movieIds": [3, 1]}
    assert await rig.queue.recent() == [command]


async def test_a_commands_check_refuses_its_body_before_anything_is_queued(rig: QueueRig) -> None:
    checked: list[list[int]] = []

    async def check(body: SearchBody) -> None:
        checked.append(body.movie_ids)
        if 0 in body.movie_ids:
            raise ValidationFailed.single("movieIds", "Movie 0 does not exist", body.movie_ids)

    _register(rig, "MoviesSearch", body=SearchBody, check=check)
    with pytest.raises(ValidationFailed, match="Movie 0 does not exist"):
        await rig.queue.enqueue("MoviesSearch", {"movieIds": [0]})
    assert await rig.queue.recent() == []
    command = await rig.queue.enqueue("MoviesSearch", {"movieIds": [1]})
    assert await rig.queue.recent() == [command]
    assert checked == [[0], [1]]


async def test_identical_queued_command_is_reused(rig: QueueRig) -> None:
    _register(rig, "MoviesSearch", body=SearchBody)
    first = await rig.queue.enqueue("MoviesSearch", {"movieIds": [1]})
    again = await rig.queue.enqueue("MoviesSearch", {"movieIds": [1], "sendUpdatesToClient": True})
    other = await rig.queue.enqueue("MoviesSearch", {"movieIds": [2]})
    assert again.id == first.id
    assert other.id != first.id


async def test_claim_takes_high_priority_first_then_oldest(rig: QueueRig) -> None:
    _register(rig, "Low", priority=CommandPriority.LOW)
    _register(rig, "Normal")
    _register(rig, "High", priority=CommandPriority.HIGH)
    for name in ("Low", "Normal", "High"):
        await rig.queue.enqueue(name)
    claimed = [await rig.queue.claim("w1") for _ in range(4)]
    assert [c.name if c else None for c in claimed] == ["High", "Normal", "Low", None]
    assert all(c.status == CommandStatus.STARTED and c.attempts == 1 for c in claimed if c)


async def test_failed_attempt_is_queued_again_after_a_growing_delay(rig: QueueRig) -> None:
    _register(rig, "Flaky")
    queued = await rig.queue.enqueue("Flaky")
    await rig.queue.claim("w1")
    first = await rig.queue.fail(queued.id, "boom", retryable=True)
    assert first.status == CommandStatus.QUEUED
    first_delay = first.next_attempt_at - rig.clock.now
    assert timedelta(seconds=5) <= first_delay <= timedelta(seconds=10)
    assert await rig.queue.claim("w1") is None, "not due yet"
    rig.clock.advance(seconds=10)
    assert (await rig.queue.claim("w1")) is not None
    second = await rig.queue.fail(queued.id, "boom", retryable=True)
    second_delay = second.next_attempt_at - rig.clock.now
    assert timedelta(seconds=10) <= second_delay <= timedelta(seconds=20)


async def test_command_fails_for_good_after_its_attempts(rig: QueueRig) -> None:
    _register(rig, "Broken")
    queued = await rig.queue.enqueue("Broken")
    for _ in range(3):
        rig.clock.advance(minutes=5)
        assert await rig.queue.claim("w1") is not None
        last = await rig.queue.fail(queued.id, "still broken", retryable=True)
    assert last.status == CommandStatus.FAILED
    assert last.exception == "still broken"
    assert last.ended_at is not None


async def test_permanent_failure_is_not_retried(rig: QueueRig) -> None:
    _register(rig, "Invalid")
    queued = await rig.queue.enqueue("Invalid")
    await rig.queue.claim("w1")
    failed = await rig.queue.fail(queued.id, "no such movie", retryable=False)
    assert failed.status == CommandStatus.FAILED
    assert failed.attempts == 1


async def test_failed_command_can_be_retried_by_hand(rig: QueueRig) -> None:
    _register(rig, "Broken")
    queued = await rig.queue.enqueue("Broken")
    await rig.queue.claim("w1")
    await rig.queue.fail(queued.id, "broken", retryable=False)
    retried = await rig.queue.retry(queued.id)
    assert retried.status == CommandStatus.QUEUED
    assert retried.attempts == 0
    assert (await rig.queue.claim("w1")) is not None


async def test_only_finished_commands_can_be_retried(rig: QueueRig) -> None:
    _register(rig, "Busy")
    queued = await rig.queue.enqueue("Busy")
    with pytest.raises(ValidationFailed):
        await rig.queue.retry(queued.id)


async def test_queued_command_can_be_cancelled_but_not_a_started_one(rig: QueueRig) -> None:
    _register(rig, "A")
    _register(rig, "B")
    a = await rig.queue.enqueue("A")
    b = await rig.queue.enqueue("B")
    assert (await rig.queue.cancel(b.id)).status == CommandStatus.CANCELLED
    await rig.queue.claim("w1")
    with pytest.raises(Conflict):
        await rig.queue.cancel(a.id)
    assert await rig.queue.claim("w1") is None, "a cancelled command never runs"
    with pytest.raises(NotFound):
        await rig.queue.cancel(999)


async def test_released_command_runs_again_until_out_of_attempts(rig: QueueRig) -> None:
    _register(rig, "Crashy")
    queued = await rig.queue.enqueue("Crashy")
    for expected in (CommandStatus.QUEUED, CommandStatus.QUEUED, CommandStatus.ORPHANED):
        await rig.queue.claim("dead-worker")
        [released] = await rig.queue.release([queued.id], "The process running it stopped")
        assert released.status == expected


async def test_started_commands_of_missing_workers_are_found(rig: QueueRig) -> None:
    _register(rig, "A")
    _register(rig, "B")
    a = await rig.queue.enqueue("A")
    await rig.queue.enqueue("B")
    await rig.queue.claim("gone")
    await rig.queue.claim("alive")
    assert await rig.queue.started_by_missing_workers(["alive"]) == [a.id]


async def test_every_change_is_published(rig: QueueRig) -> None:
    _register(rig, "A")
    seen: list[str] = []

    async def record(event: CommandUpdated) -> None:
        seen.append(event.command["status"])

    rig.bus.subscribe(CommandUpdated, record)
    queued = await rig.queue.enqueue("A")
    await rig.queue.claim("w1")
    await rig.queue.progress(queued.id, "half way")
    await rig.queue.complete(queued.id, "done")
    assert seen == ["queued", "started", "started", "completed"]


async def test_old_finished_commands_are_forgotten(rig: QueueRig) -> None:
    _register(rig, "A")
    _register(rig, "B")
    ok = await rig.queue.enqueue("A")
    bad = await rig.queue.enqueue("B")
    await rig.queue.claim("w")
    await rig.queue.claim("w")
    await rig.queue.complete(ok.id, None)
    await rig.queue.fail(bad.id, "x", retryable=False)
    rig.clock.advance(days=2)
    now = rig.clock.now
    assert (
        await rig.queue.delete_finished_before(now - timedelta(days=1), failed_cutoff=now - timedelta(days=7))
        == 1
    )
    assert [c.id for c in await rig.queue.recent()] == [bad.id]


async def test_a_worker_that_lost_its_command_cannot_report_on_it(rig: QueueRig) -> None:
    _register(rig, "A")
    queued = await rig.queue.enqueue("A")
    await rig.queue.claim("slow-worker")
    await rig.queue.release([queued.id], "The process running it stopped")
    await rig.queue.claim("new-worker")
    with pytest.raises(CommandTakenOver):
        await rig.queue.complete(queued.id, "late", worker_id="slow-worker")
    done = await rig.queue.complete(queued.id, "done", worker_id="new-worker")
    assert done.status == CommandStatus.COMPLETED
    assert done.message == "done"
