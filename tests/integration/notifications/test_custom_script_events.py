"""CustomScript told of a film's life through a real server (SQLite and PostgreSQL): added, its file
found, renamed and deleted, the film deleted, a health problem and its end; each run's `radarr_*`
variables compared with what the API shows of the same film and file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.movies.conftest import Library
from tests.support.library_api import add_movie, run_command
from tests.support.live import LiveServer
from tests.support.notification_forms import add_notification
from tests.support.scripts import EnvDumpScript
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))

EVERY_MOVIE_EVENT = ("onMovieAdded", "onRename", "onMovieFileDelete", "onMovieDelete")
BASE = {"radarr_instancename": "Reelarr", "radarr_applicationurl": ""}


def movie_vars(film: dict[str, Any], tags: str = "") -> dict[str, str]:
    """The film's variables every film event has, from the film as /api/v3/movie shows it."""
    return {
        "radarr_movie_id": str(film["id"]),
        "radarr_movie_title": film["title"],
        "radarr_movie_year": str(film["year"]),
        "radarr_movie_originallanguage": "eng",
        "radarr_movie_genres": "|".join(film["genres"]),
        "radarr_movie_tags": tags,
        "radarr_movie_path": film["path"],
        "radarr_movie_imdbid": film["imdbId"],
        "radarr_movie_tmdbid": str(film["tmdbId"]),
    }


def dotnet_date(iso: str | None) -> str:
    """An API date as .NET's invariant culture writes it ("03/31/1999 00:00:00")."""
    if not iso:
        return ""
    year, month, day = iso[:10].split("-")
    return f"{month}/{day}/{year} 00:00:00"


async def test_a_films_life_runs_the_script_with_radarrs_variables(
    library: Library, sample_media: SampleMedia, tmp_path: Path
) -> None:
    client = library.server.client
    tag = (await client.post("/api/v3/tag", json={"label": "vip"})).json()
    script = EnvDumpScript(tmp_path)
    await add_notification(client, "CustomScript", {"path": str(script.path)}, switches=EVERY_MOVIE_EVENT)
    assert [r["radarr_eventtype"] for r in script.runs()] == ["Test"]  # tested on the way in

    movie = await add_movie(library, tags=[tag["id"]])
    film = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    added = await script.run_of("MovieAdded")
    assert added == {
        "radarr_eventtype": "MovieAdded",
        **BASE,
        **movie_vars(film, "vip"),
        "radarr_movie_addmethod": "Manual",
    }

    sample_media.copy_to(MediaKind.FEATURE_90MIN_WITH_AUDIO, Path(film["path"]) / "matrix.mkv")
    assert (await run_command(library, "RescanMovie", movieId=film["id"]))["status"] == "completed"
    file = (await client.get(f"/api/v3/movie/{film['id']}")).json()["movieFile"]
    naming = (await client.get("/api/v3/config/naming")).json()
    fmt = "{Movie Title} ({Release Year}) {Quality Full}"
    response = await client.put(
        "/api/v3/config/naming/1", json={**naming, "renameMovies": True, "standardMovieFormat": fmt}
    )
    assert response.is_success, response.text
    command = await run_command(library, "RenameFiles", movieId=film["id"], files=[file["id"]])
    assert command["status"] == "completed", command
    renamed = (await client.get(f"/api/v3/moviefile/{file['id']}")).json()
    rename = await script.run_of("Rename")
    assert rename == {
        "radarr_eventtype": "Rename",
        **BASE,
        **movie_vars(film, "vip"),
        "radarr_movie_in_cinemas_date": dotnet_date(film.get("inCinemas")),
        "radarr_movie_physical_release_date": dotnet_date(film.get("physicalRelease")),
        "radarr_moviefile_ids": str(file["id"]),
        "radarr_moviefile_relativepaths": renamed["relativePath"],
        "radarr_moviefile_paths": os.path.join(film["path"], renamed["relativePath"]),
        "radarr_moviefile_previousrelativepaths": "matrix.mkv",
        "radarr_moviefile_previouspaths": os.path.join(film["path"], "matrix.mkv"),
    }
    assert rename["radarr_movie_in_cinemas_date"]  # the fixture film has its dates

    assert (await client.delete(f"/api/v3/moviefile/{file['id']}")).status_code == 200
    gone = await script.run_of("MovieFileDelete")
    assert gone == {
        "radarr_eventtype": "MovieFileDelete",
        **BASE,
        "radarr_moviefile_deletereason": "Manual",
        **movie_vars(film, "vip"),
        "radarr_movie_overview": film["overview"],
        "radarr_moviefile_id": str(file["id"]),
        "radarr_moviefile_relativepath": renamed["relativePath"],
        "radarr_moviefile_path": os.path.join(film["path"], renamed["relativePath"]),
        "radarr_moviefile_size": str(renamed["size"]),
        "radarr_moviefile_quality": renamed["quality"]["quality"]["name"],
        "radarr_moviefile_qualityversion": str(renamed["quality"]["revision"]["version"]),
        "radarr_moviefile_releasegroup": renamed.get("releaseGroup") or "",
        "radarr_moviefile_scenename": renamed.get("sceneName") or "",
    }

    response = await client.delete(f"/api/v3/movie/{film['id']}", params={"deleteFiles": "false"})
    assert response.status_code == 200, response.text
    deleted = await script.run_of("MovieDelete")
    assert deleted == {
        "radarr_eventtype": "MovieDelete",
        **BASE,
        **movie_vars(film, "vip"),
        "radarr_movie_deletedfiles": "False",
        "radarr_movie_overview": film["overview"],
    }


async def test_a_health_problem_and_its_end_run_the_script(server: LiveServer, tmp_path: Path) -> None:
    client = server.client
    root = tmp_path / "movies"
    root.mkdir()
    assert (await client.post("/api/v3/rootfolder", json={"path": str(root)})).status_code == 201
    script = EnvDumpScript(tmp_path)
    await add_notification(
        client, "CustomScript", {"path": str(script.path)}, switches=("onHealthIssue", "onHealthRestored")
    )
    shutil.rmtree(root)
    problem = next(p for p in (await client.get("/api/v3/health")).json() if p["source"] == "RootFolderCheck")
    issue = await script.run_of("HealthIssue")
    assert issue == {
        "radarr_eventtype": "HealthIssue",
        **BASE,
        "radarr_health_issue_level": "Error",
        "radarr_health_issue_message": problem["message"],
        "radarr_health_issue_type": "RootFolderCheck",
        "radarr_health_issue_wiki": problem["wikiUrl"],
    }
    root.mkdir()
    await client.get("/api/v3/health")
    restored = await script.run_of("HealthRestored")
    assert restored == {
        "radarr_eventtype": "HealthRestored",
        **BASE,
        "radarr_health_restored_level": "Error",
        "radarr_health_restored_message": problem["message"],
        "radarr_health_restored_type": "RootFolderCheck",
        "radarr_health_restored_wiki": problem["wikiUrl"],
    }
