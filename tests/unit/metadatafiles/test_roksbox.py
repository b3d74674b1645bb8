"""Roksbox's .xml and poster compared with what Radarr's RoksboxMetadata writes for the same film."""

from __future__ import annotations

import dataclasses

from reelarr.metadatafiles.base import CachedCover, FilmFacts
from reelarr.metadatafiles.roksbox import RoksboxMetadata, RoksboxMetadataSettings
from reelarr.providers.model import ProviderDefinition, ProviderOptions
from tests.unit.metadatafiles.test_kodi_nfo import FILE, MOVIE


def roksbox(**settings: object) -> RoksboxMetadata:
    definition = ProviderDefinition(
        id=3,
        name="Roksbox",
        implementation="RoksboxMetadata",
        config_contract="RoksboxMetadataSettings",
        settings=RoksboxMetadataSettings.model_validate(settings),
        options=ProviderOptions(),
    )
    return RoksboxMetadata(definition)


def test_the_xml_is_radarr_s_text_named_after_the_video() -> None:
    written = roksbox().movie_metadata(FilmFacts(movie=MOVIE, file=FILE))

    assert written is not None
    assert written.relative_path == "The Matrix (1999) Bluray-1080p.xml"
    assert written.contents.splitlines() == [
        "<video>",
        "  <title>The Matrix</title>",
        "  <genre>Action / Science Fiction</genre>",
        "  <description>A hacker learns the truth &amp; fights &lt;machines&gt;.</description>",
        "  <length>136</length>",
        "</video>",
    ]


def test_no_genres_write_an_empty_genre_as_dotnet_does() -> None:
    written = roksbox().movie_metadata(FilmFacts(movie=dataclasses.replace(MOVIE, genres=()), file=FILE))

    assert written is not None
    assert "  <genre></genre>" in written.contents.splitlines()


def test_the_poster_is_named_after_the_folder_else_the_first_cover() -> None:
    poster = [CachedCover("fanart", ".jpg"), CachedCover("poster", ".jpg")]

    assert [c.relative_path for c in roksbox().movie_images(MOVIE, poster)] == ["The Matrix (1999).jpg"]
    assert [c.kind for c in roksbox().movie_images(MOVIE, poster)] == ["poster"]
    assert [c.kind for c in roksbox().movie_images(MOVIE, [CachedCover("fanart", ".jpg")])] == ["fanart"]
    assert roksbox(movieImages=False).movie_images(MOVIE, poster) == []
    assert roksbox(movieMetadata=False).movie_metadata(FilmFacts(movie=MOVIE, file=FILE)) is None
