"""The settings file in a backup, merged so that a restore never moves an installation to another database."""

from __future__ import annotations

import re

# Where an installation's data lives is its own, not the backup's (SQLite backups restore into PostgreSQL).
_LOCAL_KEYS = re.compile(r"^\s*(database_url|data_dir)\s*=", re.MULTILINE)


def _local_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if _LOCAL_KEYS.match(line)]


def merged_settings(from_backup: str, current: str | None) -> str:
    """The backup's settings file with this installation's `database_url` and `data_dir` lines kept."""
    kept = [line for line in from_backup.splitlines() if not _LOCAL_KEYS.match(line)]
    local = _local_lines(current or "")
    first_table = next((i for i, line in enumerate(kept) if line.lstrip().startswith("[")), len(kept))
    merged = kept[:first_table] + local + kept[first_table:]
    return "\n".join(merged) + "\n"
