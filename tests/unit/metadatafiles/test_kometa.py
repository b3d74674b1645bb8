"""Kometa as Radarr keeps it since it was deprecated: listed, writing nothing, warned about when on."""

from __future__ import annotations

from reelarr.health.model import HealthLevel
from reelarr.metadatafiles.base import CachedCover, FilmFacts, MetadataWriter
from reelarr.metadatafiles.kometa import DEPRECATED, KometaMetadata, KometaMetadataSettings, MetadataCheck
from reelarr.providers.model import ProviderDefinition, ProviderOptions
from tests.unit.metadatafiles.test_kodi_nfo import FILE, MOVIE
from tests.unit.metadatafiles.test_wdtv import wdtv


def kometa() -> KometaMetadata:
    definition = ProviderDefinition(
        id=3,
        name="Kometa",
        implementation="KometaMetadata",
        config_contract="KometaMetadataSettings",
        settings=KometaMetadataSettings(),
        options=ProviderOptions(),
    )
    return KometaMetadata(definition)


def test_kometa_writes_no_metadata_file_and_no_image() -> None:
    covers = [CachedCover("poster", ".jpg"), CachedCover("fanart", ".jpg")]

    assert kometa().metadata_path(FILE.relative_path) is None
    assert kometa().movie_metadata(FilmFacts(movie=MOVIE, file=FILE)) is None
    assert kometa().movie_images(MOVIE, covers) == []


def test_kometa_s_only_setting_is_radarr_s_hidden_deprecated_checkbox() -> None:
    assert KometaMetadataSettings().model_dump(by_alias=True) == {"deprecated": True}
    assert (KometaMetadata.implementation_name, KometaMetadata.config_contract()) == (
        "Kometa",
        "KometaMetadataSettings",
    )
    assert KometaMetadata.message is not None
    assert (KometaMetadata.message.type, KometaMetadata.message.message) == ("warning", DEPRECATED)


async def test_the_health_check_warns_only_while_kometa_is_enabled() -> None:
    async def enabled(*writers: MetadataWriter) -> list[MetadataWriter]:
        return list(writers)

    assert await MetadataCheck(lambda: enabled(wdtv())).check() == []
    [warning] = await MetadataCheck(lambda: enabled(wdtv(), kometa())).check()
    assert (warning.source, warning.level, warning.message) == (
        "MetadataCheck",
        HealthLevel.WARNING,
        DEPRECATED,
    )
