"""Radarr's TorrentBlackholeSettings and UsenetBlackholeSettings: where releases are dropped and where
finished downloads appear."""

from __future__ import annotations

import os

from reelarr.errors import ValidationFailure
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.settings import ProviderSettings

_WATCH_HELP = "Folder from which Reelarr should import completed downloads"


def _path_failures(name: str, value: str) -> list[ValidationFailure]:
    """Radarr's IsValidPath: an absolute path, without the characters no path may hold."""
    if not value.strip() or not os.path.isabs(value) or "\x00" in value:
        return [ValidationFailure(name, "Invalid Path", value)]
    return []


class TorrentBlackholeSettings(ProviderSettings):
    """Radarr's TorrentBlackholeSettings, field for field."""

    torrent_folder: str = setting(
        "",
        label="Torrent Folder",
        type=FieldType.PATH,
        help="Folder in which Reelarr will store the .torrent file",
    )
    watch_folder: str = setting("", label="Watch Folder", type=FieldType.PATH, help=_WATCH_HELP)
    save_magnet_files: bool = setting(
        False,
        label="Save Magnet Files",
        type=FieldType.CHECKBOX,
        help="Save the magnet link if no .torrent file is available (only useful if the download client "
        "supports magnets saved to a file)",
    )
    magnet_file_extension: str = setting(
        ".magnet",
        label="Save Magnet Files Extension",
        help="Extension to use for magnet links, defaults to '.magnet'",
    )
    read_only: bool = setting(
        True,
        label="Read Only",
        type=FieldType.CHECKBOX,
        help="Instead of moving files this will instruct Reelarr to Copy or Hardlink (depending on "
        "settings/system configuration)",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's TorrentBlackholeSettingsValidator."""
        found = _path_failures("torrentFolder", self.torrent_folder) + _path_failures(
            "watchFolder", self.watch_folder
        )
        if self.save_magnet_files and not self.magnet_file_extension.strip(". "):
            found.append(
                ValidationFailure("magnetFileExtension", "Must not be empty", self.magnet_file_extension)
            )
        return found


class UsenetBlackholeSettings(ProviderSettings):
    """Radarr's UsenetBlackholeSettings, field for field."""

    nzb_folder: str = setting(
        "", label="Nzb Folder", type=FieldType.PATH, help="Folder in which Reelarr will store the .nzb file"
    )
    watch_folder: str = setting("", label="Watch Folder", type=FieldType.PATH, help=_WATCH_HELP)

    def check(self) -> list[ValidationFailure]:
        """Radarr's UsenetBlackholeSettingsValidator."""
        return _path_failures("nzbFolder", self.nzb_folder) + _path_failures("watchFolder", self.watch_folder)
