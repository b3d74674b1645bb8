"""Radarr's RootFolderCheck: a root folder whose folder is gone or does not answer."""

from __future__ import annotations

from reelarr.health.model import HealthLevel, HealthResult
from reelarr.rootfolders.service import RootFolders

WIKI_URL = "https://wiki.servarr.com/radarr/system#missing-root-folder"


class RootFolderCheck:
    """Every root folder exists and answers."""

    name = "RootFolderCheck"

    def __init__(self, root_folders: RootFolders) -> None:
        self._root_folders = root_folders

    async def check(self) -> list[HealthResult]:
        """Report the missing root folders, in Radarr's words."""
        missing = await self._root_folders.missing()
        if not missing:
            return []
        if len(missing) == 1:
            message = f"Missing root folder: {missing[0]}"
        else:
            message = f"Multiple root folders are missing: {' | '.join(missing)}"
        return [HealthResult(self.name, HealthLevel.ERROR, message, WIKI_URL)]
