"""Email told of real events through a running server (SQLite and PostgreSQL) to a local SMTP server:
Radarr's subject and body for each, and a mail server that is down showing in /api/v3/health."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.smtp.server import SmtpServer, SmtpServers, smtp
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.notification_forms import add_notification
from tests.support.waiting import eventually

__all__ = ["smtp"]


def email_fields(mail_server: SmtpServer) -> dict[str, Any]:
    """Fields sending through `mail_server` from one address to one recipient."""
    return {
        "server": "127.0.0.1",
        "port": mail_server.port,
        "from": "r@example.org",
        "to": ["me@example.org"],
    }


async def test_a_films_add_file_delete_and_delete_are_emailed_as_radarr_words_them(
    library: Library, sample_media: SampleMedia, smtp: SmtpServers
) -> None:
    client = library.server.client
    mail_server = smtp.start()
    switches = ("onMovieAdded", "onMovieFileDelete", "onMovieDelete")
    await add_notification(client, "Email", email_fields(mail_server), switches=switches)
    movie = await add_movie(library)
    added = await mail_server.mail("Radarr - Movie Added")
    assert added.body == "The Matrix added to library."

    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / "matrix.mkv")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    file = film["movieFile"]
    assert (await client.delete(f"/api/v3/moviefile/{file['id']}")).status_code == 200
    gone = await mail_server.mail("Radarr - Movie File Deleted")
    quality = file["quality"]["quality"]["name"]
    assert gone.body == f"The Matrix (1999) [{quality}] https://www.imdb.com/title/tt0133093/ deleted."

    response = await client.delete(f"/api/v3/movie/{movie['id']}", params={"deleteFiles": "true"})
    assert response.status_code == 200, response.text
    deleted = await mail_server.mail("Radarr - Movie Deleted")
    assert deleted.body == "The Matrix - Movie removed and all files were deleted"
    assert sorted(m.message["Subject"] for m in mail_server.mails) == [
        "Radarr - Movie Added",
        "Radarr - Movie Deleted",
        "Radarr - Movie File Deleted",
        "Radarr - Test Notification",
    ]


async def test_a_mail_server_that_is_down_shows_in_health(library: Library, smtp: SmtpServers) -> None:
    client = library.server.client
    mail_server = smtp.start()
    created = await add_notification(client, "Email", email_fields(mail_server), switches=("onMovieAdded",))
    mail_server.stop()
    await add_movie(library)

    async def failing() -> list[dict[str, Any]] | None:
        found = (await client.get("/api/v3/health")).json()
        return [h for h in found if h["source"] == "NotificationStatusCheck"] or None

    (problem,) = await eventually(failing, within=60)
    assert (problem["type"], problem["message"]) == (
        "error",
        "All notifications are unavailable due to failures",
    )
    stored = (await client.get(f"/api/v3/notification/{created['id']}")).json()
    assert stored["status"]["lastError"].startswith(f"Unable to connect to 127.0.0.1:{mail_server.port}")
