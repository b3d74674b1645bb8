"""Settings → Download Clients' options (Radarr's DownloadClientConfig), in the configuration store."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.downloads.events import DownloadClientConfigChanged
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus

WORKING_FOLDERS = "_UNPACK_|_FAILED_"


@dataclass(frozen=True, slots=True)
class DownloadClientConfig:
    """Completed and failed download handling, with Radarr's defaults."""

    enable_completed_download_handling: bool = True
    check_for_finished_download_interval: int = 1  # minutes between looks at the clients
    auto_redownload_failed: bool = True
    auto_redownload_failed_from_interactive_search: bool = True
    download_client_working_folders: str = WORKING_FOLDERS  # '|'-separated folder names still being written

    @property
    def working_folders(self) -> tuple[str, ...]:
        """The folder names a client writes into while it unpacks or repairs."""
        return tuple(f.strip() for f in self.download_client_working_folders.split("|") if f.strip())


def check(config: DownloadClientConfig) -> list[ValidationFailure]:
    """Radarr's DownloadClientConfigController rules."""
    found = []
    interval = config.check_for_finished_download_interval
    if not 1 <= interval <= 120:
        found.append(
            ValidationFailure(
                "checkForFinishedDownloadInterval", "Must be between 1 and 120 minutes", interval
            )
        )
    if any(c in config.download_client_working_folders for c in "/\\"):
        found.append(
            ValidationFailure(
                "downloadClientWorkingFolders",
                "Must be folder names separated by '|', not paths",
                config.download_client_working_folders,
            )
        )
    return found


class DownloadClientConfigService(ConfigSection[DownloadClientConfig]):
    """Reads and saves the download client options."""

    def __init__(self, store: ConfigStore, bus: EventBus) -> None:
        super().__init__(
            store, bus, DownloadClientConfig, "downloadclients.", check, DownloadClientConfigChanged
        )
