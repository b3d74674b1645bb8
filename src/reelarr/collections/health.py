"""Radarr's MovieCollectionRootFolderCheck: a collection whose root folder is not one of the library's."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Mapping, Sequence

from reelarr.collections.model import Collection
from reelarr.collections.service import CollectionService, RootFolderPaths
from reelarr.health.model import HealthLevel, HealthResult
from reelarr.movies.paths import normalise

WIKI_URL = "https://wiki.servarr.com/radarr/system#movie-collection-missing-root-folder"


def missing_roots(
    collections: Iterable[Collection], roots: Sequence[str], existing: set[str]
) -> dict[str, list[str]]:
    """Collections' root folders that are not the library's (or not on disk), each with its collections."""
    known = {normalise(r) for r in roots}
    missing: dict[str, list[str]] = {}
    for collection in collections:
        path = collection.root_folder_path
        if not path.strip() or normalise(path) not in known or path not in existing:
            missing.setdefault(path, []).append(collection.title)
    return missing


def missing_roots_message(missing: Mapping[str, list[str]]) -> str | None:
    """Radarr's words for the missing root folders of collections (None when there are none)."""
    described = [f"{path} ({', '.join(titles)})" for path, titles in missing.items()]
    if not described:
        return None
    if len(described) == 1:
        return f"Missing root folder for movie collection: {described[0]}"
    return f"Multiple root folders are missing for movie collections: {' | '.join(described)}"


class MovieCollectionRootFolderCheck:
    """Every collection adds its films into a root folder that exists."""

    name = "MovieCollectionRootFolderCheck"

    def __init__(self, collections: CollectionService, root_folders: RootFolderPaths) -> None:
        self._collections = collections
        self._root_folders = root_folders

    async def check(self) -> list[HealthResult]:
        """Report the collections' missing root folders."""
        collections = await self._collections.all()
        paths = {c.root_folder_path for c in collections}
        existing = {p for p in paths if await asyncio.to_thread(os.path.isdir, p)}
        message = missing_roots_message(missing_roots(collections, await self._root_folders(), existing))
        return [HealthResult(self.name, HealthLevel.ERROR, message, WIKI_URL)] if message else []
