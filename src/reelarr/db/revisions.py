"""The migration scripts Reelarr ships, known without importing Alembic or SQLAlchemy."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_SCRIPT_NAME = re.compile(r"(\d{4})_\w+\.py")


def newest_script_revision() -> str:
    """The newest script's revision in versions/, read from the file names (named after their revisions)."""
    numbers = [m[1] for p in (MIGRATIONS_DIR / "versions").iterdir() if (m := _SCRIPT_NAME.fullmatch(p.name))]
    return max(numbers)
