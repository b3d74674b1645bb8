"""Write a new migration by comparing the tables in code with a database at the current head.

Usage: .venv/bin/python scripts/new_migration.py "add movies"
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import Connection

from reelarr.db.engine import Database
from reelarr.db.migrate import alembic_config, migrate


def _revision(connection: Connection, message: str) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.revision(cfg, message=message, autogenerate=True)


async def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'head.db'}")
        await migrate(db)
        async with db.engine.connect() as conn:
            await conn.run_sync(_revision, message)
        await db.close()


if __name__ == "__main__":
    asyncio.run(main(" ".join(sys.argv[1:]) or "change"))
