"""What each implementation that tells of ApplicationUpdate makes of it, as Radarr's On ApplicationUpdate
does: titles, messages, the script's variables, and who does not tell of it."""

from __future__ import annotations

import socket

import pytest

from reelarr.notifications import emby, kodi
from reelarr.notifications.app_update import VersionChange
from reelarr.notifications.apprise import event_message as apprise_message
from reelarr.notifications.email import subject_and_body
from reelarr.notifications.hosted import plain_title
from reelarr.notifications.messages import message_of, title_of
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.payloads import Instance
from reelarr.notifications.registry import notification_registry
from reelarr.notifications.script_env import event_env
from reelarr.notifications.slack import event_message as slack_message
from reelarr.notifications.sources import EventSources

MESSAGE = "Reelarr updated from 0.1.0 to 0.2.0"
UPDATE = NotificationEvent(
    kind=EventKind.APPLICATION_UPDATE,
    payload={
        "eventType": "ApplicationUpdate",
        "instanceName": "Reelarr",
        "applicationUrl": "",
        "message": MESSAGE,
        "previousVersion": "0.1.0",
        "newVersion": "0.2.0",
    },
)


def test_the_version_change_reads_as_radarrs_message() -> None:
    assert VersionChange(previous="0.1.0", new="0.2.0").message == MESSAGE


def test_the_event_carries_radarrs_webhook_payload() -> None:
    sources = EventSources(None, lambda: Instance("Reelarr"))  # type: ignore[arg-type]
    assert sources.application_update(VersionChange("0.1.0", "0.2.0")) == UPDATE


def test_text_notifications_title_it_application_updated_and_say_the_message() -> None:
    assert (title_of(UPDATE), plain_title(UPDATE, branded=True)) == (
        "Application Updated",
        "Radarr - Application Updated",
    )
    assert message_of(UPDATE) == MESSAGE
    assert subject_and_body(UPDATE) == ("Radarr - Application Updated", MESSAGE)
    assert apprise_message(UPDATE) == ("Application Updated", MESSAGE, None)


def test_slack_posts_the_message_under_the_machines_name() -> None:
    assert slack_message(UPDATE) == (
        "Application Updated",
        [{"title": socket.gethostname(), "text": MESSAGE, "color": "good"}],
    )


def test_kodi_and_emby_show_it_branded_and_update_no_library() -> None:
    assert kodi.header_of(UPDATE) == "Radarr - Application Updated"
    assert kodi.library_work(UPDATE) is None
    assert emby.title_of(UPDATE) == "Radarr - Application Updated"
    assert emby.update_type_of(UPDATE) is None


def test_a_custom_script_is_given_radarrs_update_variables() -> None:
    assert event_env(UPDATE, "Reelarr", "http://films.local") == {
        "radarr_eventtype": "ApplicationUpdate",
        "radarr_instancename": "Reelarr",
        "radarr_applicationurl": "http://films.local",
        "radarr_update_message": MESSAGE,
        "radarr_update_newversion": "0.2.0",
        "radarr_update_previousversion": "0.1.0",
    }


@pytest.mark.parametrize(
    ("implementation", "supported"),
    [
        ("Webhook", True),
        ("Discord", True),
        ("Email", True),
        ("CustomScript", True),
        ("Telegram", True),
        ("Pushover", True),
        ("Ntfy", True),
        ("Gotify", True),
        ("Slack", True),
        ("Apprise", True),
        ("Notifiarr", True),
        ("MediaBrowser", True),
        ("Xbmc", True),
        ("PlexServer", False),  # Radarr's PlexServer does not override OnApplicationUpdate
    ],
)
def test_the_implementations_radarr_tells_of_updates_support_it(implementation: str, supported: bool) -> None:
    found = notification_registry().find(implementation)
    assert found is not None
    assert (EventKind.APPLICATION_UPDATE in found.supported) is supported
