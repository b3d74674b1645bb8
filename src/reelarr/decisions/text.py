"""How sizes and lists read in rejection messages (Radarr's wording)."""

from __future__ import annotations

from collections.abc import Iterable

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")


def size_text(size: float) -> str:
    """A byte count the way Radarr prints it: `1.4 GB`, `700.0 MB`."""
    value = float(size)
    for unit in _UNITS:
        if abs(value) < 1024 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def joined(items: Iterable[object]) -> str:
    """Items separated by commas, as Radarr's ConcatToString."""
    return ", ".join(str(item) for item in items)
