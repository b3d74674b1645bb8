"""What a stuck event loop is doing: every pending task's stack, for a timeout's message."""

from __future__ import annotations

import asyncio
import io
from typing import Any


def task_stack(task: asyncio.Task[Any], limit: int = 12) -> str:
    """One task's name and stack, innermost frames last."""
    out = io.StringIO()
    out.write(f"--- {task.get_name()}\n")
    task.print_stack(limit=limit, file=out)
    return out.getvalue()


def task_stacks(limit: int = 12) -> str:
    """The stack of each pending task of the running loop but the caller's."""
    current = asyncio.current_task()
    return "".join(
        task_stack(task, limit) for task in asyncio.all_tasks() if task is not current and not task.done()
    )
