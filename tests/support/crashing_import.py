"""A process that imports one file and is SIGKILLed right after one step of the transfer.

`python -m tests.support.crashing_import <database url> <data dir> <movie id> <source> <step>`, where
step is one of `stage` (or `place_by_script` when a script imports), `retire`, `commit`,
`settle_attributes` (the file's date and permissions) and `release_source` (the transfer's steps) and
`record_import` (the database write of the file row). It never reports back: the test
looks at what it left behind (files and the import journal) and lets a live server recover it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reelarr.app import build_services
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.imports import service as import_service
from reelarr.imports.service import FinishedDownload
from reelarr.settings import Settings

CRASHING_WORKER = "crashing-worker"  # never registered among the live workers


def _dying_after(step: Callable[..., Any]) -> Callable[..., Any]:
    def step_then_die(*args: Any, **kwargs: Any) -> Any:
        result = step(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return result

    return step_then_die


async def _main(database_url: str, data_dir: str, movie_id: int, source: str, step: str) -> None:
    settings = Settings(data_dir=Path(data_dir), database_url=database_url, log_file=None)
    db = Database(settings.resolved_database_url)
    services = build_services(settings, db, utcnow)
    services.importer.worker_id = CRASHING_WORKER
    if step == "record_import":
        files = services.movie_files
        files.record_import = _dying_after(files.record_import)  # type: ignore[method-assign]
    else:
        setattr(import_service, step, _dying_after(getattr(import_service, step)))
    download = FinishedDownload(movie_id, "CRASH", os.path.basename(source), source, move=True)
    await services.importer.import_download(download, ())
    raise SystemExit(f"the import finished without reaching {step}")


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]))
