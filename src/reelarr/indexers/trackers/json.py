"""Reading trackers' JSON answers defensively: a lying tracker gives an error, never a crash."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from reelarr.indexers.errors import IndexerError
from reelarr.indexers.requests import IndexerResponse
from reelarr.indexers.values import parse_date

log = logging.getLogger(__name__)
T = TypeVar("T")
_MAX_DEPTH = 64


def _depth(value: Any, level: int = 0) -> int:
    if level > _MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def load_json(response: IndexerResponse) -> Any:
    """The answer's JSON; IndexerError for HTML (a login page) or anything that is not JSON."""
    if response.is_html:
        raise IndexerError("Indexer responded with html content. Site is likely blocked or unavailable.")
    try:
        value = json.loads(response.body)
    except (ValueError, RecursionError) as error:
        raise IndexerError(
            f"The indexer answered with something that is not JSON: {str(error)[:100]}"
        ) from error
    if _depth(value) > _MAX_DEPTH:
        raise IndexerError("The indexer answered with JSON nested too deep")
    return value


def as_int(value: Any) -> int | None:
    """An integer from a JSON number or numeric string, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def as_str(value: Any) -> str:
    """A string from a JSON value ("" for null)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def parse_utc(value: Any) -> datetime:
    """A tracker's date (ISO 8601 or RFC 822, UTC when it has no zone); ValueError when unreadable."""
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return parse_date(value)


def each(items: Iterable[Any], make: Callable[[Any], T], indexer: str) -> list[T]:
    """`make` applied to every item; an item that cannot be read is skipped (and logged)."""
    made = []
    for item in items:
        try:
            made.append(make(item))
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            log.warning("Skipped a result of %s that could not be read: %s", indexer, error)
    return made
