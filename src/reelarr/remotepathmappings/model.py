"""Remote path mappings as plain data, and the translation between a client's paths and ours (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reelarr.remotepathmappings.paths import OsPath, ends_with_separator, parse_absolute, rebase


@dataclass(frozen=True, slots=True)
class RemotePathMapping:
    """A download client's folder (`remote_path`, as the client on `host` names it) and where the
    same folder is on this machine (`local_path`). Both paths end with their separator."""

    id: int = 0
    host: str = ""
    remote_path: str = ""
    local_path: str = ""


def _same_host(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _translate(path: str, pairs: Iterable[tuple[str, str]]) -> str:
    """`path` moved from the first folder of the deepest pair containing it to the second."""
    parsed = parse_absolute(path)
    if parsed is None:
        return path
    best: tuple[OsPath, OsPath] | None = None
    for source_text, target_text in pairs:
        source, target = parse_absolute(source_text), parse_absolute(target_text)
        if source is None or target is None or not source.contains(parsed):
            continue
        if best is None or len(source.parts) > len(best[0].parts):
            best = (source, target)
    if best is None:
        return path
    return rebase(parsed, *best, directory=ends_with_separator(path))


def remote_to_local(mappings: Iterable[RemotePathMapping], host: str, remote_path: str) -> str:
    """Where a path the client on `host` reports is here: the longest matching remote folder wins;
    a path no mapping covers comes back unchanged."""
    return _translate(
        remote_path, ((m.remote_path, m.local_path) for m in mappings if _same_host(m.host, host))
    )


def local_to_remote(mappings: Iterable[RemotePathMapping], host: str, local_path: str) -> str:
    """The reverse: how the client on `host` names a path of this machine (in the client's style)."""
    return _translate(
        local_path, ((m.local_path, m.remote_path) for m in mappings if _same_host(m.host, host))
    )
