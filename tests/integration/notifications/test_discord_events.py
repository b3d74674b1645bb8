"""Discord told of a film's journey through the real pipeline (add, grab through a usenet blackhole,
import), each embed compared field by field with what Radarr's Discord builds from the same film, file
and grab as the API shows them (SQLite and PostgreSQL)."""

from __future__ import annotations

import math
import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.fixtures.indexers.releases import FixtureRelease, fixture_now
from tests.fixtures.indexers.resources import nab_resource
from tests.fixtures.indexers.server import IndexerFixtureServer
from tests.fixtures.media import MediaKind, SampleMedia
from tests.fixtures.webhook.server import WebhookReceiver
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.notifications import add_blackhole, add_discord
from tests.support.waiting import eventually

HOOK = "/api/webhooks/42/t0ken"
ICON = "https://raw.githubusercontent.com/Radarr/Radarr/develop/Logo/256.png"
TITLE = "The.Matrix.1999.1080p.BluRay.x264-GROUP"
SIZE = 8 * 1024**3
AUTHOR = {"name": "Reelarr", "icon_url": ICON}


async def _embed(receiver: WebhookReceiver, description: str) -> dict[str, Any]:
    async def arrived() -> dict[str, Any] | None:
        for request in receiver.requests():
            for embed in request.json().get("embeds") or ():
                if embed.get("description") == description:
                    found: dict[str, Any] = embed
                    return found
        return None

    return await eventually(arrived)


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def radarr_size(size: int) -> str:
    """Radarr's BytesToString."""
    place = math.floor(math.log(size, 1024))
    return f"{_shown(round(size / 1024**place, 1))} {['B', 'KB', 'MB', 'GB', 'TB'][place]}"


def radarr_links(film: dict[str, Any]) -> str:
    """Radarr's GetLinksString of a film as /api/v3/movie shows it."""
    tmdb = film["tmdbId"]
    links = [f"[TMDb](https://themoviedb.org/movie/{tmdb})"]
    links.append(f"[Trakt](https://trakt.tv/search/tmdb/{tmdb}?id_type=movie)")
    if film.get("imdbId"):
        links.append(f"[IMDb](https://imdb.com/title/{film['imdbId']}/)")
    if film.get("youTubeTrailerId"):
        links.append(f"[YouTube](https://www.youtube.com/watch?v={film['youTubeTrailerId']})")
    if film.get("website"):
        links.append(f"[Website]({film['website']})")
    return " / ".join(links)


def remote_image(film: dict[str, Any], cover_type: str) -> dict[str, str]:
    return {"url": next(i["remoteUrl"] for i in film["images"] if i["coverType"] == cover_type)}


def film_fields(film: dict[str, Any]) -> dict[str, str]:
    """The fields grab and import share, as Radarr writes them."""
    overview = film["overview"]
    return {
        "Overview": overview if len(overview) <= 300 else overview[:300] + "...",
        "Rating": _shown(film["ratings"]["tmdb"]["value"]),
        "Genres": ", ".join(film["genres"][:5]),
        "Links": radarr_links(film),
        "Tags": "vip",
    }


def fields_of(embed: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(f["name"], f["value"], f["inline"]) for f in embed["fields"]]


def assert_stamped_now(embed: dict[str, Any]) -> None:
    stamp = embed.pop("timestamp")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp), stamp
    when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - when) < timedelta(minutes=5)


async def test_a_films_journey_is_told_with_radarrs_discord_embeds(
    library: Library,
    indexer_server: IndexerFixtureServer,
    sample_media: SampleMedia,
    receiver: WebhookReceiver,
    tmp_path: Path,
) -> None:
    client = library.server.client
    tag = (await client.post("/api/v3/tag", json={"label": "vip"})).json()
    await add_discord(client, receiver.url(HOOK), tags=[tag["id"]])
    nzbs, watch = tmp_path / "nzbs", tmp_path / "watch"
    nzbs.mkdir()
    watch.mkdir()
    await add_blackhole(client, nzbs, watch)
    indexer_server.site("torznab").releases = []
    release = FixtureRelease(
        TITLE, SIZE, timedelta(hours=5), imdb_id=133093, tmdb_id=603, published=fixture_now()
    )
    indexer_server.site("newznab").releases = [release]
    added = await client.post("/api/v3/indexer", json=nab_resource(indexer_server, "newznab", name="Usenet"))
    assert added.status_code == 201, added.text

    movie = await add_movie(library, tags=[tag["id"]])
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    tmdb_url = f"https://www.themoviedb.org/movie/{film['tmdbId']}"
    assert await _embed(receiver, "Movie Added") == {
        "author": AUTHOR,
        "url": tmdb_url,
        "title": film["title"],
        "description": "Movie Added",
        "color": 2605644,
        "fields": [{"name": "Links", "value": radarr_links(film), "inline": False}],
        "thumbnail": remote_image(film, "poster"),
        "image": remote_image(film, "fanart"),
    }
    assert all(r.path == HOOK for r in receiver.requests())

    command = await run_command(library, "MoviesSearch", movieIds=[movie["id"]])
    assert "grabbed 1" in command["message"], command
    grab = dict(await _embed(receiver, "Movie Grabbed"))
    assert_stamped_now(grab)
    shared = film_fields(film)
    assert fields_of(grab) == [
        ("Overview", shared["Overview"], False),
        ("Rating", shared["Rating"], False),
        ("Genres", shared["Genres"], False),
        ("Quality", "Bluray-1080p", True),
        ("Group", "GROUP", False),
        ("Size", "8 GB", True),
        ("Links", shared["Links"], False),
        ("Release", f"```{TITLE}```", False),
        ("Indexer", "Usenet", False),
        # No custom format matched: Radarr's empty "Custom Formats" is left out, the score is "0".
        ("Custom Format Score", "0", False),
        ("Tags", "vip", False),
    ]
    grab.pop("fields")
    assert grab == {
        "author": AUTHOR,
        "url": tmdb_url,
        "title": f"{film['title']} ({film['year']})",
        "description": "Movie Grabbed",
        "color": 16761392,
        "thumbnail": remote_image(film, "poster"),
        "image": remote_image(film, "fanart"),
    }

    content = sample_media.path(MediaKind.FEATURE_90MIN_WITH_AUDIO).read_bytes()
    job = watch / TITLE
    job.mkdir()
    (job / f"{TITLE}.mkv").write_bytes(content)
    then = time.time() - 120
    os.utime(job / f"{TITLE}.mkv", (then, then))
    os.utime(job, (then, then))
    done = await run_command(library, "RefreshMonitoredDownloads")
    assert "1 imported" in done["message"], done
    imported = dict(await _embed(receiver, "Movie Imported"))
    assert_stamped_now(imported)
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    info = film["movieFile"]["mediaInfo"]
    expected = [
        ("Overview", shared["Overview"], False),
        ("Rating", shared["Rating"], False),
        ("Genres", shared["Genres"], False),
        ("Quality", "Bluray-1080p", True),
        ("Codecs", f"{info['videoCodec']} / {info['audioCodec']} {_shown(info['audioChannels'])}", True),
        ("Group", "GROUP", False),
        ("Size", radarr_size(len(content)), True),
        ("Languages", info["audioLanguages"], False),
        ("Subtitles", info["subtitles"], False),
        ("Links", shared["Links"], False),
        ("Release", f"```{TITLE}```", False),
        ("Tags", "vip", False),
    ]
    assert fields_of(imported) == [f for f in expected if f[1].strip()]
    imported.pop("fields")
    assert imported == {
        "author": AUTHOR,
        "url": tmdb_url,
        "title": f"{film['title']} ({film['year']})",
        "description": "Movie Imported",
        "color": 2605644,
        "thumbnail": remote_image(film, "poster"),
        "image": remote_image(film, "fanart"),
    }
    assert {k for r in receiver.requests() for k in r.json()} <= {"content", "embeds"}


async def test_deleting_a_file_and_then_the_film_is_told_with_radarrs_discord_embeds(
    library: Library, sample_media: SampleMedia, receiver: WebhookReceiver
) -> None:
    client = library.server.client
    await add_discord(client, receiver.url(HOOK), switches=("onMovieDelete", "onMovieFileDelete"))
    movie = await add_movie(library)
    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(movie["path"]) / "matrix.mkv")
    assert (await run_command(library, "RescanMovie", movieId=movie["id"]))["status"] == "completed"
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    file = film["movieFile"]

    assert (await client.delete(f"/api/v3/moviefile/{file['id']}")).status_code == 200
    gone_file = dict(await _embed(receiver, "Movie File Deleted"))
    assert_stamped_now(gone_file)
    assert gone_file == {
        "author": AUTHOR,
        "url": f"https://www.themoviedb.org/movie/{film['tmdbId']}",
        "title": f"{film['title']} ({film['year']})",
        "description": "Movie File Deleted",
        "color": 15749200,
        "fields": [
            {"name": "Reason", "value": "Manual", "inline": False},
            {"name": "File name", "value": f"```{file['path']}```", "inline": False},
        ],
    }

    response = await client.delete(f"/api/v3/movie/{movie['id']}", params={"deleteFiles": "false"})
    assert response.status_code == 200, response.text
    gone = await _embed(receiver, "Movie removed, files were not deleted")
    assert gone == {
        "author": AUTHOR,
        "url": f"https://www.themoviedb.org/movie/{film['tmdbId']}",
        "title": film["title"],
        "description": "Movie removed, files were not deleted",
        "color": 15749200,
        "fields": [{"name": "Links", "value": radarr_links(film), "inline": False}],
        "thumbnail": remote_image(film, "poster"),
        "image": remote_image(film, "fanart"),
    }
