"""Which notifications an event goes to: Radarr's NotificationService rules."""

from __future__ import annotations

import pytest

from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.notifications.service import NotificationDefinition, wants
from reelarr.notifications.webhook import Webhook, WebhookSettings
from reelarr.providers.model import ProviderDefinition


def definition(tags: tuple[int, ...] = (), **switches: bool) -> NotificationDefinition:
    return ProviderDefinition(
        id=1,
        name="Hook",
        implementation="Webhook",
        config_contract="WebhookSettings",
        settings=WebhookSettings(url="http://127.0.0.1/hook"),
        options=NotificationOptions(**switches),
        tags=tags,
    )


def event(kind: EventKind, **values: object) -> NotificationEvent:
    return NotificationEvent(kind=kind, payload={"eventType": kind.value}, **values)  # type: ignore[arg-type]


def test_a_notification_is_enabled_by_any_switch_but_not_by_upgrade_or_warnings_alone() -> None:
    assert not NotificationOptions().enabled()
    assert not NotificationOptions(on_upgrade=True, include_health_warnings=True).enabled()
    assert NotificationOptions(on_rename=True).enabled()


def test_an_event_goes_only_where_its_switch_is_on() -> None:
    assert wants(definition(on_grab=True), Webhook.supported, event(EventKind.GRAB, movie_tags=()))
    assert not wants(definition(on_download=True), Webhook.supported, event(EventKind.GRAB, movie_tags=()))


def test_an_event_the_implementation_cannot_tell_goes_nowhere() -> None:
    supported = frozenset({EventKind.GRAB})
    assert not wants(definition(on_rename=True), supported, event(EventKind.RENAME, movie_tags=()))


@pytest.mark.parametrize(
    ("on_upgrade", "is_upgrade", "told"),
    [(False, False, True), (False, True, False), (True, True, True), (True, False, True)],
)
def test_an_upgrade_needs_on_upgrade_beside_on_download(
    on_upgrade: bool, is_upgrade: bool, told: bool
) -> None:
    found = definition(on_download=True, on_upgrade=on_upgrade)
    assert (
        wants(found, Webhook.supported, event(EventKind.DOWNLOAD, movie_tags=(), is_upgrade=is_upgrade))
        is told
    )


@pytest.mark.parametrize(
    ("notification_tags", "movie_tags", "told"),
    [((), (), True), ((), (5,), True), ((5,), (5, 6), True), ((5,), (6,), False), ((5,), (), False)],
)
def test_tags_must_meet_unless_the_notification_has_none(
    notification_tags: tuple[int, ...], movie_tags: tuple[int, ...], told: bool
) -> None:
    found = definition(notification_tags, on_movie_added=True)
    assert wants(found, Webhook.supported, event(EventKind.MOVIE_ADDED, movie_tags=movie_tags)) is told


@pytest.mark.parametrize(
    ("level", "include_warnings", "told"),
    [("error", False, True), ("warning", False, False), ("warning", True, True), ("notice", True, False)],
)
def test_health_errors_are_told_and_warnings_only_when_included(
    level: str, include_warnings: bool, told: bool
) -> None:
    found = definition(
        on_health_issue=True, on_health_restored=True, include_health_warnings=include_warnings
    )
    assert wants(found, Webhook.supported, event(EventKind.HEALTH, health_level=level)) is told
    assert wants(found, Webhook.supported, event(EventKind.HEALTH_RESTORED, health_level=level)) is told


def test_health_events_ignore_the_notifications_tags() -> None:
    found = definition((5,), on_health_issue=True)
    assert wants(found, Webhook.supported, event(EventKind.HEALTH, health_level="error"))


@pytest.mark.parametrize(("for_upgrade", "told"), [(False, False), (True, True)])
def test_a_file_replaced_by_an_upgrade_needs_on_movie_file_delete_for_upgrade(
    for_upgrade: bool, told: bool
) -> None:
    found = definition(on_movie_file_delete=True, on_movie_file_delete_for_upgrade=for_upgrade)
    upgraded = event(EventKind.MOVIE_FILE_DELETE, movie_tags=(), is_upgrade=True)
    assert wants(found, Webhook.supported, upgraded) is told
    assert wants(found, Webhook.supported, event(EventKind.MOVIE_FILE_DELETE, movie_tags=()))
