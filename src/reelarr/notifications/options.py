"""A notification's own options beside its settings: Radarr's per-event switches."""

from __future__ import annotations

from reelarr.notifications.model import EventKind
from reelarr.providers.model import ProviderOptions


class NotificationOptions(ProviderOptions):
    """Which events a notification is told of (Radarr's NotificationDefinition switches)."""

    on_grab: bool = False
    on_download: bool = False
    on_upgrade: bool = False
    on_rename: bool = False
    on_movie_added: bool = False
    on_movie_delete: bool = False
    on_movie_file_delete: bool = False
    on_movie_file_delete_for_upgrade: bool = False
    on_health_issue: bool = False
    include_health_warnings: bool = False
    on_health_restored: bool = False
    on_application_update: bool = False
    on_manual_interaction_required: bool = False

    def enabled(self) -> bool:
        """Radarr's `Enable`: any switch is on."""
        return any(
            (
                self.on_grab,
                self.on_download,
                self.on_rename,
                self.on_movie_added,
                self.on_movie_delete,
                self.on_movie_file_delete,
                self.on_health_issue,
                self.on_health_restored,
                self.on_application_update,
                self.on_manual_interaction_required,
            )
        )

    def wants(self, kind: EventKind) -> bool:
        """Whether the switch of this kind of event is on (an upgrade also needs `on_upgrade`)."""
        switches = {
            EventKind.GRAB: self.on_grab,
            EventKind.DOWNLOAD: self.on_download,
            EventKind.RENAME: self.on_rename,
            EventKind.MOVIE_ADDED: self.on_movie_added,
            EventKind.MOVIE_DELETE: self.on_movie_delete,
            EventKind.MOVIE_FILE_DELETE: self.on_movie_file_delete,
            EventKind.HEALTH: self.on_health_issue,
            EventKind.HEALTH_RESTORED: self.on_health_restored,
            EventKind.APPLICATION_UPDATE: self.on_application_update,
            EventKind.MANUAL_INTERACTION_REQUIRED: self.on_manual_interaction_required,
        }
        return switches.get(kind, False)


# The `supportsOn...` flag of each switch, and the kinds of event it needs the implementation to tell.
SUPPORT_FLAGS: dict[str, tuple[EventKind, ...]] = {
    "supports_on_grab": (EventKind.GRAB,),
    "supports_on_download": (EventKind.DOWNLOAD,),
    "supports_on_upgrade": (EventKind.DOWNLOAD,),
    "supports_on_rename": (EventKind.RENAME,),
    "supports_on_movie_added": (EventKind.MOVIE_ADDED,),
    "supports_on_movie_delete": (EventKind.MOVIE_DELETE,),
    "supports_on_movie_file_delete": (EventKind.MOVIE_FILE_DELETE,),
    "supports_on_movie_file_delete_for_upgrade": (EventKind.MOVIE_FILE_DELETE,),
    "supports_on_health_issue": (EventKind.HEALTH,),
    "supports_on_health_restored": (EventKind.HEALTH_RESTORED,),
    "supports_on_application_update": (EventKind.APPLICATION_UPDATE,),
    "supports_on_manual_interaction_required": (EventKind.MANUAL_INTERACTION_REQUIRED,),
}
