"""Settings → Media Management's options (Radarr's MediaManagementConfig), in the configuration store."""

from __future__ import annotations

import os
from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus
from reelarr.quality.profile_rules import ProperPolicy

FILE_DATES = ("none", "cinemas", "release")
RESCAN_AFTER_REFRESH = ("always", "afterManual", "never")


@dataclass(frozen=True, slots=True)
class MediaManagementConfig:
    """Radarr's media management options, with its defaults."""

    auto_unmonitor_previously_downloaded_movies: bool = False
    recycle_bin: str = ""  # a folder: replaced and deleted files go there instead of away
    recycle_bin_cleanup_days: int = 7
    download_propers_and_repacks: str = ProperPolicy.PREFER_AND_UPGRADE.value
    create_empty_movie_folders: bool = False
    delete_empty_folders: bool = False
    file_date: str = "none"
    rescan_after_refresh: str = "always"
    auto_rename_folders: bool = False
    paths_default_static: bool = False
    set_permissions_linux: bool = False
    chmod_folder: str = "755"
    chown_group: str = ""
    skip_free_space_check_when_importing: bool = False
    minimum_free_space_when_importing: int = 100  # MB left free on the library's disk after an import
    copy_using_hardlinks: bool = True
    use_script_import: bool = False
    script_import_path: str = ""
    import_extra_files: bool = False
    extra_file_extensions: str = "srt"
    enable_media_info: bool = True

    @property
    def proper_policy(self) -> ProperPolicy:
        """What to do with PROPER and REPACK releases."""
        return ProperPolicy(self.download_propers_and_repacks)


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> list[ValidationFailure]:
    if value in allowed:
        return []
    return [ValidationFailure(name, f"Must be one of: {', '.join(allowed)}", value)]


def check(config: MediaManagementConfig) -> list[ValidationFailure]:
    """Radarr's MediaManagementConfigController rules."""
    found = [
        *_one_of(
            "downloadPropersAndRepacks",
            config.download_propers_and_repacks,
            tuple(p.value for p in ProperPolicy),
        ),
        *_one_of("fileDate", config.file_date, FILE_DATES),
        *_one_of("rescanAfterRefresh", config.rescan_after_refresh, RESCAN_AFTER_REFRESH),
    ]
    if config.minimum_free_space_when_importing < 100:
        found.append(
            ValidationFailure(
                "minimumFreeSpaceWhenImporting",
                "'Minimum Free Space When Importing' must be greater than or equal to '100'.",
                config.minimum_free_space_when_importing,
                error_code="GreaterThanOrEqualValidator",
            )
        )
    if config.recycle_bin_cleanup_days < 0:
        found.append(
            ValidationFailure(
                "recycleBinCleanupDays",
                "'Recycle Bin Cleanup Days' must be greater than or equal to '0'.",
                config.recycle_bin_cleanup_days,
                error_code="GreaterThanOrEqualValidator",
            )
        )
    if config.recycle_bin and not (os.path.isabs(config.recycle_bin) and os.path.isdir(config.recycle_bin)):
        found.append(ValidationFailure("recycleBin", "Path does not exist", config.recycle_bin))
    if config.set_permissions_linux and not _is_folder_mode(config.chmod_folder):
        found.append(
            ValidationFailure(
                "chmodFolder",
                "Must contain a valid Unix permissions octal, with full rights for the owner (700)",
                config.chmod_folder,
            )
        )
    if config.use_script_import and not os.path.isabs(config.script_import_path):
        found.append(ValidationFailure("scriptImportPath", "Invalid Path", config.script_import_path))
    return found


def _is_folder_mode(value: str) -> bool:
    """Radarr's FolderChmodValidator: octal access bits leaving the owner full rights (700)."""
    if len(value) not in (3, 4) or any(c not in "01234567" for c in value):
        return False
    return int(value, 8) & 0o700 == 0o700


class MediaManagementConfigService(ConfigSection[MediaManagementConfig]):
    """Reads and saves the media management options."""

    def __init__(self, store: ConfigStore, bus: EventBus) -> None:
        super().__init__(store, bus, MediaManagementConfig, "mediamanagement.", check)

    async def rescan_after_refresh(self) -> str:
        """When RefreshMovie rescans a film's folder: always, afterManual or never."""
        return (await self.get()).rescan_after_refresh
