"""Schemathesis hooks: every file-system path a fuzzed request names is moved inside a sandbox.

Loaded by the schemathesis process (SCHEMATHESIS_HOOKS=<this file>) with the sandbox folder in
REELARR_FUZZ_SANDBOX, so root folders, movie folders, moves, deletions and the folder browser
only ever touch that folder, whatever the fuzzer makes up.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

import schemathesis

SANDBOX = os.environ["REELARR_FUZZ_SANDBOX"].rstrip("/")
_PATH_WORDS = ("path", "folder", "directory", "destination", "source")


def confined(value: str) -> str:
    """The path inside the sandbox that stands for `value` (an empty one stays empty)."""
    if not value:
        return value
    normal = posixpath.normpath("/" + value.lstrip("/"))
    if normal == SANDBOX or normal.startswith(SANDBOX + "/"):
        return normal
    return SANDBOX + normal.rstrip("/")


def _is_path_name(name: Any) -> bool:
    return isinstance(name, str) and any(word in name.lower() for word in _PATH_WORDS)


def _confine(value: Any, named_path: bool = False) -> Any:
    if isinstance(value, dict):
        return {k: _confine(v, _is_path_name(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_confine(item, named_path) for item in value]
    if isinstance(value, str) and (named_path or value.startswith(("/", "\\", "~"))):
        return confined(value)
    return value


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:
    """Confine the paths in the body, the query and the path parameters of each request."""
    if isinstance(case.body, dict | list):
        case.body = _confine(case.body)
    if case.query:
        case.query = _confine(case.query)
    if case.path_parameters:
        case.path_parameters = _confine(case.path_parameters)
