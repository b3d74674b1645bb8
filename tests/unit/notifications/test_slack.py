"""Radarr's Slack: the request each event makes (Slack.cs, SlackProxy.cs), its validation, and how
Slack's refusals are worded."""

from __future__ import annotations

import re
import socket
from typing import Any

import httpx
import orjson
import pytest

from reelarr.notifications.base import NotificationContext, NotificationFailed
from reelarr.notifications.model import EventKind, NotificationEvent
from reelarr.notifications.options import NotificationOptions
from reelarr.notifications.slack import Slack, SlackSettings
from reelarr.providers.model import ProviderDefinition
from reelarr.remote import RemoteRegistry
from tests.unit.notifications.test_discord_embeds import grab_payload, import_payload, movie_payload

URL = "https://hooks.slack.com/services/T000/B000/s3cr3tT0ken"
LINE = "The Matrix (1999) [Bluray-1080p] https://www.imdb.com/title/tt0133093/"


class Recorder:
    def __init__(self, answer: httpx.Response) -> None:
        self.answer = answer
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return self.answer

    def body(self) -> Any:
        (request,) = self.sent
        return orjson.loads(request.content)


def slack(recorder: Recorder, **settings: Any) -> tuple[Slack, RemoteRegistry]:
    remote = RemoteRegistry(transport=httpx.MockTransport(recorder))
    values = {"web_hook_url": URL, "username": "Reelarr", **settings}
    definition = ProviderDefinition(
        id=4,
        name="Slack",
        implementation="Slack",
        config_contract="SlackSettings",
        settings=SlackSettings(**values),
        options=NotificationOptions(on_grab=True),
    )
    return Slack(definition, NotificationContext(remote, "Reelarr")), remote


@pytest.fixture
def recorder() -> Recorder:
    return Recorder(httpx.Response(200, text="ok"))


async def told(recorder: Recorder, kind: EventKind, payload: dict[str, Any], **values: Any) -> Any:
    provider, remote = slack(recorder)
    try:
        await provider.send(NotificationEvent(kind=kind, payload=payload, **values))
    finally:
        await remote.aclose()
    return recorder.body()


async def test_a_grab_is_posted_to_the_webhook_as_radarrs_payload(recorder: Recorder) -> None:
    body = await told(recorder, EventKind.GRAB, grab_payload())
    (request,) = recorder.sent
    assert (request.method, str(request.url)) == ("POST", URL)
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert body == {
        "text": f"Grabbed: {LINE}",
        "username": "Reelarr",
        "attachments": [{"fallback": LINE, "title": "The Matrix", "text": LINE, "color": "warning"}],
    }


async def test_an_import_is_good_news(recorder: Recorder) -> None:
    body = await told(recorder, EventKind.DOWNLOAD, import_payload(qualityVersion=2))
    line = "The Matrix (1999) [Bluray-1080p Proper] https://www.imdb.com/title/tt0133093/"
    assert body["text"] == f"Imported: {line}"
    assert body["attachments"] == [{"fallback": line, "title": "The Matrix", "text": line, "color": "good"}]


async def test_a_rename_is_one_colourless_attachment_per_file(recorder: Recorder) -> None:
    renamed = [
        {"previousRelativePath": "old.mkv", "relativePath": "The Matrix (1999).mkv"},
        {"previousRelativePath": "old.srt", "relativePath": "The Matrix (1999).srt"},
    ]
    body = await told(recorder, EventKind.RENAME, {"movie": movie_payload(), "renamedMovieFiles": renamed})
    assert body["text"] == "Renamed"
    assert body["attachments"] == [
        {"title": "The Matrix", "text": "old.mkv renamed to The Matrix (1999).mkv"},
        {"title": "The Matrix", "text": "old.srt renamed to The Matrix (1999).srt"},
    ]


async def test_a_deleted_file_shows_its_full_path(recorder: Recorder) -> None:
    payload = {
        "movie": movie_payload(folderPath="/movies/The Matrix (1999)"),
        "movieFile": {"relativePath": "m.mkv", "path": "/movies/The Matrix (1999)/m.mkv"},
    }
    body = await told(recorder, EventKind.MOVIE_FILE_DELETE, payload)
    assert body["text"] == "Movie File Deleted"
    assert body["attachments"] == [{"title": "The Matrix", "text": "/movies/The Matrix (1999)/m.mkv"}]


@pytest.mark.parametrize(
    ("deleted", "text"),
    [(True, "Movie removed and all files were deleted"), (False, "Movie removed, files were not deleted")],
)
async def test_a_deleted_film_says_whether_its_files_went(
    recorder: Recorder, deleted: bool, text: str
) -> None:
    payload = {"movie": movie_payload(), "deletedFiles": deleted}
    body = await told(recorder, EventKind.MOVIE_DELETE, payload)
    assert (body["text"], body["attachments"]) == ("Movie Deleted", [{"title": "The Matrix", "text": text}])


@pytest.mark.parametrize(("level", "color"), [("warning", "warning"), ("error", "danger")])
async def test_a_health_issue_is_coloured_by_its_level(recorder: Recorder, level: str, color: str) -> None:
    payload = {"level": level, "message": "Indexers unavailable", "type": "IndexerStatusCheck"}
    body = await told(recorder, EventKind.HEALTH, payload, health_level=level)
    assert body["text"] == "Health Issue"
    assert body["attachments"] == [
        {"title": "IndexerStatusCheck", "text": "Indexers unavailable", "color": color}
    ]


async def test_a_restored_health_check_is_resolved_in_green(recorder: Recorder) -> None:
    payload = {"level": "error", "message": "Indexers unavailable", "type": "IndexerStatusCheck"}
    body = await told(recorder, EventKind.HEALTH_RESTORED, payload, health_level="error")
    assert body["text"] == "Health Issue Resolved"
    assert body["attachments"] == [
        {
            "title": "IndexerStatusCheck",
            "text": "The following issue is now resolved: Indexers unavailable",
            "color": "good",
        }
    ]


@pytest.mark.parametrize(
    ("icon", "member"),
    [(":movie_camera:", "icon_emoji"), ("https://example.org/icon.png", "icon_url"), (":half", "icon_url")],
)
async def test_an_icon_between_colons_is_an_emoji_any_other_an_image(
    recorder: Recorder, icon: str, member: str
) -> None:
    provider, remote = slack(recorder, icon=icon, channel="#films")
    await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    body = recorder.body()
    assert (body[member], body["channel"]) == (icon, "#films")
    assert not ({"icon_emoji", "icon_url"} - {member}) & set(body)


async def test_the_test_posts_radarrs_test_text_without_attachments(recorder: Recorder) -> None:
    provider, remote = slack(recorder)
    assert await provider.test() == []
    await remote.aclose()
    body = recorder.body()
    assert set(body) == {"text", "username"}
    pattern = r"Test message from Reelarr posted at \d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M"
    assert re.fullmatch(pattern, body["text"]), body


async def test_a_refusal_carries_slacks_word_and_not_the_webhook() -> None:
    provider, remote = slack(Recorder(httpx.Response(404, text="no_service")))
    (failure,) = await provider.test()
    await remote.aclose()
    assert failure.property_name == "Unable to post"
    assert (
        failure.error_message
        == "Unable to send test message: Unable to post payload: HTTP 404 Not Found: no_service"
    )


async def test_an_unreachable_slack_fails_without_the_token() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {request.url}", request=request)

    remote = RemoteRegistry(transport=httpx.MockTransport(refuse))
    provider, _ = slack(Recorder(httpx.Response(200)))
    provider.context = NotificationContext(remote, "Reelarr")
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    assert "s3cr3tT0ken" not in str(failed.value)
    assert str(failed.value).startswith("Unable to post payload: ")


async def test_an_event_slack_does_not_tell_of_fails_unsent(recorder: Recorder) -> None:
    provider, remote = slack(recorder)
    assert EventKind.MOVIE_ADDED not in provider.supported
    with pytest.raises(NotificationFailed):
        await provider.send(NotificationEvent(kind=EventKind.MOVIE_ADDED, payload={}))
    await remote.aclose()
    assert recorder.sent == []


@pytest.mark.parametrize(
    ("values", "problems"),
    [
        ({"web_hook_url": URL, "username": "Bot"}, []),
        ({"web_hook_url": "hooks.slack.com/x", "username": "Bot"}, ["webHookUrl"]),
        ({"web_hook_url": URL, "username": " "}, ["username"]),
        ({}, ["webHookUrl", "username"]),
    ],
)
def test_radarrs_validation(values: dict[str, Any], problems: list[str]) -> None:
    assert [f.property_name for f in SlackSettings(**values).check()] == problems


async def test_a_refusal_echoing_the_webhook_is_cut_to_its_origin() -> None:
    provider, remote = slack(Recorder(httpx.Response(403, text=f"invalid_token for {URL}")))
    with pytest.raises(NotificationFailed) as failed:
        await provider.send(NotificationEvent(kind=EventKind.GRAB, payload=grab_payload()))
    await remote.aclose()
    assert str(failed.value) == (
        "Unable to post payload: HTTP 403 Forbidden: invalid_token for https://hooks.slack.com"
    )


MANUAL = {
    "movie": movie_payload(),
    "downloadInfo": {"quality": "Bluray-1080p", "qualityVersion": 1, "title": "The.Matrix.1999.1080p-GRP"},
}


async def test_a_download_waiting_for_a_person_is_named_for_the_machine(recorder: Recorder) -> None:
    body = await told(recorder, EventKind.MANUAL_INTERACTION_REQUIRED, MANUAL)
    assert body["text"] == "Manual Interaction Required"
    assert body["attachments"] == [{"title": socket.gethostname(), "text": LINE, "color": "warning"}]
