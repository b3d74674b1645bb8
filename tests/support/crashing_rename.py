"""A process that renames one film's files and is SIGKILLed right after one step of a rename.

`python -m tests.support.crashing_rename <database url> <data dir> <movie id> <step>`, where step is
`link_new` (the file has both names), `set_relative_path` (the database records the new name) or
`drop_old` (the old name is gone, history not yet written) or `record_history` (history written,
the journal entry not yet cleared). It never reports back: the test looks
at what it left behind and lets a live server recover it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from reelarr.app import build_services
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.renaming import service as rename_service
from reelarr.settings import Settings

CRASHING_WORKER = "crashing-worker"  # never registered among the live workers


def _dying_after(step: Callable[..., Any]) -> Callable[..., Any]:
    def step_then_die(*args: Any, **kwargs: Any) -> Any:
        result = step(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result

    return step_then_die


def _dying_after_awaited(step: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    async def step_then_die(*args: Any, **kwargs: Any) -> Any:
        result = await step(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result

    return step_then_die


async def _main(database_url: str, data_dir: str, movie_id: int, step: str) -> None:
    settings = Settings(data_dir=Path(data_dir), database_url=database_url, log_file=None)
    db = Database(settings.resolved_database_url)
    services = build_services(settings, db, utcnow)
    services.renames.worker_id = CRASHING_WORKER
    if step == "record_history":
        renames = services.renames
        renames._record_history = _dying_after_awaited(renames._record_history)  # type: ignore[method-assign]
    elif step == "set_relative_path":
        files = services.movie_files
        files.set_relative_path = _dying_after_awaited(files.set_relative_path)  # type: ignore[method-assign]
    else:
        setattr(rename_service, step, _dying_after(getattr(rename_service, step)))
    movie = await services.movies.get(movie_id)
    await services.renames.rename_movie(movie)
    raise SystemExit(f"the rename finished without reaching {step}")


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]))
