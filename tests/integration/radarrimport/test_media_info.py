"""The media info of the files brought over: shown by /api/v3/moviefile as Radarr showed it, used by
the naming tokens at once, and read again from the file by the next rescan."""

from __future__ import annotations

from pathlib import Path

from reelarr.movies.file_rules import media_info_is_current
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings
from tests.conftest import make_settings
from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer
from tests.support.live import live_server

TOKENS = (
    "{Movie CleanTitle} ({Release Year}) {MediaInfo VideoCodec} {MediaInfo AudioCodec} "
    "{MediaInfo AudioChannels}{MediaInfo AudioLanguagesAll}"
)


async def test_the_api_shows_radarrs_media_info_and_naming_uses_it_before_any_rescan(
    settings: Settings, options: ImportOptions, radarr: RadarrServer, database_url: str, tmp_path: Path
) -> None:
    radarr.state.resources["config/naming"]["standardMovieFormat"] = TOKENS

    summary = await import_radarr(settings, options)

    assert summary.failures == 0, "\n".join(summary.lines())
    async with live_server(make_settings(database_url, settings.data_dir)) as server:
        [matrix] = (await server.services.movies.by_tmdb_ids([603])).values()
        answer = await server.client.get("/api/v3/moviefile", params={"movieId": matrix.id})
        assert answer.status_code == 200, answer.text
        [file] = answer.json()
        assert file["mediaInfo"] == data.MEDIA_INFO_RESOURCES[41]  # field by field
        [preview] = (await server.client.get("/api/v3/rename", params={"movieId": matrix.id})).json()
        assert preview["newPath"] == "The Matrix (1999) x264 DTS-HD MA 5.1[EN+FR].mkv"
        stored = (await server.services.movies.files([matrix.id]))[matrix.id].media_info
    assert not media_info_is_current(stored)  # the next rescan reads the file with Reelarr's reader
