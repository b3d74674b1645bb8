"""What a stuck event loop is doing: every pending task's stack, for a timeout's message."""

from __future__ import annotations

import asyncio
import io


def task_stacks(limit: int = 12) -> str:
    """The stack of each pending task of the running loop but the caller's, innermost frames last."""
    current = asyncio.current_task()
    out = io.StringIO()
    for task in asyncio.all_tasks():
        if task is current or task.done():
            continue
        out.write(f"--- {task.get_name()}\n")
        task.print_stack(limit=limit, file=out)
    return out.getvalue()
