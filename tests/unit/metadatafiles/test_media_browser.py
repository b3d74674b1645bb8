"""Emby's legacy movie.xml compared with what Radarr's MediaBrowserMetadata writes for the same film."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from reelarr.metadatafiles.base import FilmFacts
from reelarr.metadatafiles.media_browser import MediaBrowserMetadata, MediaBrowserMetadataSettings
from reelarr.movies.model import MovieStatus
from reelarr.providers.model import ProviderDefinition, ProviderOptions
from tests.unit.metadatafiles.test_kodi_nfo import FILE, MOVIE

EXPECTED = """<Movie>
  <id>tt0133093</id>
  <Status>Released</Status>
  <Added>01/02/2024 15:04:05 PM</Added>
  <LockData>false</LockData>
  <Overview>A hacker learns the truth &amp; fights &lt;machines&gt;.</Overview>
  <LocalTitle>The Matrix</LocalTitle>
  <Rating>8.2</Rating>
  <ProductionYear>1999</ProductionYear>
  <RunningTime>136</RunningTime>
  <IMDB>tt0133093</IMDB>
  <Genres>
    <Genre>Action</Genre>
    <Genre>Science Fiction</Genre>
  </Genres>
</Movie>"""


def emby(**settings: object) -> MediaBrowserMetadata:
    definition = ProviderDefinition(
        id=2,
        name="Emby",
        implementation="MediaBrowserMetadata",
        config_contract="MediaBrowserMetadataSettings",
        settings=MediaBrowserMetadataSettings.model_validate(settings),
        options=ProviderOptions(),
    )
    return MediaBrowserMetadata(definition)


def test_movie_xml_is_radarr_s_text_element_by_element() -> None:
    movie = dataclasses.replace(MOVIE, added=datetime(2024, 1, 2, 15, 4, 5, tzinfo=UTC))

    written = emby().movie_metadata(FilmFacts(movie=movie, file=FILE, status=MovieStatus.RELEASED))

    assert written is not None
    assert written.relative_path == "movie.xml"
    assert written.contents.splitlines() == EXPECTED.splitlines()


def test_a_film_without_ids_genres_or_rating_writes_them_empty() -> None:
    movie = dataclasses.replace(
        MOVIE, imdb_id=None, genres=(), ratings=dataclasses.replace(MOVIE.ratings, tmdb=None)
    )

    written = emby().movie_metadata(FilmFacts(movie=movie, file=FILE))

    assert written is not None
    lines = written.contents.splitlines()
    assert lines[1:3] == ["  <id />", "  <Status>TBA</Status>"]
    assert "  <Rating>0</Rating>" in lines
    assert "  <Genres />" in lines


def test_the_setting_off_writes_nothing() -> None:
    assert emby(movieMetadata=False).movie_metadata(FilmFacts(movie=MOVIE, file=FILE)) is None
