"""WDTV's .xml and folder image compared with what Radarr's WdtvMetadata writes for the same film."""

from __future__ import annotations

from reelarr.metadatafiles.base import CachedCover, FilmFacts
from reelarr.metadatafiles.wdtv import WdtvMetadata, WdtvMetadataSettings
from reelarr.providers.model import ProviderDefinition, ProviderOptions
from tests.unit.metadatafiles.test_kodi_nfo import FILE, MOVIE


def wdtv(**settings: object) -> WdtvMetadata:
    definition = ProviderDefinition(
        id=4,
        name="WDTV",
        implementation="WdtvMetadata",
        config_contract="WdtvMetadataSettings",
        settings=WdtvMetadataSettings.model_validate(settings),
        options=ProviderOptions(),
    )
    return WdtvMetadata(definition)


def test_the_xml_is_radarr_s_text_named_after_the_video() -> None:
    written = wdtv().movie_metadata(FilmFacts(movie=MOVIE, file=FILE))

    assert written is not None
    assert written.relative_path == "The Matrix (1999) Bluray-1080p.xml"
    assert written.contents.splitlines() == [
        "<details>",
        "  <id>7</id>",
        "  <title>The Matrix</title>",
        "  <genre>Action / Science Fiction</genre>",
        "  <overview>A hacker learns the truth &amp; fights &lt;machines&gt;.</overview>",
        "</details>",
    ]


def test_the_poster_is_folder_jpg_else_the_first_cover() -> None:
    covers = [CachedCover("fanart", ".jpg"), CachedCover("poster", ".jpg")]

    assert [(c.relative_path, c.kind) for c in wdtv().movie_images(MOVIE, covers)] == [
        ("folder.jpg", "poster")
    ]
    assert [c.kind for c in wdtv().movie_images(MOVIE, covers[:1])] == ["fanart"]
    assert wdtv(movieImages=False).movie_images(MOVIE, covers) == []
    assert wdtv(movieMetadata=False).movie_metadata(FilmFacts(movie=MOVIE, file=FILE)) is None
