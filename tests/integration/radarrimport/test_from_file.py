"""`reelarr import-radarr --from radarr.db`: what arrives is what the API brings, field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reelarr.movies.file_rules import media_info_view
from reelarr.radarrimport.dbsnapshot import READ_KINDS
from reelarr.radarrimport.kinds import KINDS
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings
from reelarr.uiconfig.config import ui_section
from tests.fixtures.radarr import data
from tests.fixtures.radarr.radarrdb import SECRETS, build_radarr_db
from tests.integration.radarrimport.reading import installation


def _shown(stored: dict[str, Any] | None, scene_name: str | None) -> dict[str, Any] | None:
    """A file's media info as the API shows it."""
    return media_info_view(stored, scene_name)


async def _state(settings: Settings) -> dict[str, Any]:
    """What the import wrote, by natural keys, without the ids and times each installation gives."""
    async with installation(settings) as reelarr:
        movies = {m.tmdb_id: m for m in await reelarr.movies.all()}
        files = await reelarr.movies.files([m.id for m in movies.values()])
        by_id = {m.id: m.tmdb_id for m in movies.values()}
        history = await reelarr.history.since(datetime(1900, 1, 1, tzinfo=UTC))
        blocklist = [e for m in movies.values() for e in await reelarr.blocklist.for_movie(m.id)]
        return {
            "tags": sorted(t.label for t in await reelarr.tags.all()),
            "root folders": sorted(await reelarr.root_folders.paths()),
            "custom formats": {f.name: replace(f, id=0) for f in await reelarr.custom_formats.all()},
            "quality profiles": {p.name: p for p in await reelarr.quality.profiles()},
            "quality definitions": await reelarr.quality.definitions(),
            "release profiles": [replace(p, id=0) for p in await reelarr.release_profiles.all()],
            "delay profiles": {p.tags: replace(p, id=0) for p in await reelarr.delay_profiles.all()},
            "naming": await reelarr.naming.config(),
            "remote path mappings": [replace(m, id=0) for m in await reelarr.remote_path_mappings.all()],
            "collections": [
                replace(c, id=0, added=None) for c in await reelarr.collections.collections.all()
            ],
            **{
                family: {
                    p.name: replace(
                        p,
                        id=0,
                        settings=p.settings.model_copy(update=dict.fromkeys(("password", "api_key"), "")),
                    )
                    for p in await providers.all()
                }
                for family, providers in (
                    ("download clients", reelarr.download_clients.providers),
                    ("indexers", reelarr.indexers.providers),
                    ("notifications", reelarr.notifications.providers),
                    ("import lists", reelarr.import_lists.lists.providers),
                    ("metadata", reelarr.metadata_files.providers),
                )
            },
            "media management": await reelarr.media_management.get(),
            "indexer options": await reelarr.indexer_config.get(),
            "download client options": await reelarr.download_client_config.get(),
            "UI settings": await ui_section(reelarr.config, reelarr.bus).get(),
            "custom filters": [replace(f, id=0) for f in await reelarr.custom_filters.all()],
            "auto tagging": {r.name: replace(r, id=0) for r in await reelarr.auto_tagging.all()},
            "exclusions": sorted(
                (e.tmdb_id, e.movie_title, e.movie_year) for e in await reelarr.exclusions.all()
            ),
            "movies": {
                t: replace(m, id=0, added=None, release_date=None, last_info_sync=None)
                for t, m in movies.items()
            },
            # radarr.db holds more of the media info than the API shows; what is shown is the same.
            "files": {
                by_id[f.movie_id]: replace(f, id=0, movie_id=0, media_info=_shown(f.media_info, f.scene_name))
                for f in files.values()
            },
            "history": {(by_id[e.movie_id], e.date): replace(e, id=0, movie_id=0) for e in history},
            "blocklist": {(by_id[e.movie_id], e.date): replace(e, id=0, movie_id=0) for e in blocklist},
        }


async def test_a_radarr_db_brings_what_the_api_brings_and_a_second_run_changes_nothing(
    settings: Settings, options: ImportOptions, tmp_path: Path
) -> None:
    radarr_db = build_radarr_db(tmp_path / "radarr.db")
    from_file = replace(options, url="", api_key="", source_file=radarr_db)

    summary = await import_radarr(settings, from_file)

    assert summary.failures == 0, "\n".join(summary.lines())
    assert {r.kind for r in summary.results} == READ_KINDS == {kind for kind, _ in KINDS}
    assert summary.source == f"Radarr's database schema 242 in {radarr_db}"
    assert summary.unread == ()
    again = await import_radarr(settings, from_file)
    assert (again.changes, again.failures) == (0, 0), again.lines()
    reference = Settings(
        data_dir=tmp_path / "ref", database_url=f"sqlite:///{tmp_path / 'ref.db'}", log_file=None
    )
    await import_radarr(reference, options)
    mine, theirs = await _state(settings), await _state(reference)
    for kind in theirs:
        assert mine[kind] == theirs[kind], kind
    assert len(mine["files"]) == len(mine["blocklist"]) == 1
    # radarr.db keeps no custom formats with an event: they are worked out as Radarr's API does.
    assert sorted(e.custom_formats for e in mine["history"].values()) == [
        (),
        ("Remaster",),
        ("Remaster", "x265 (HD)"),
    ]
    assert mine["files"][603].media_info == data.MEDIA_INFO_RESOURCES[41]
    async with installation(settings) as reelarr:
        [matrix] = (await reelarr.movies.by_tmdb_ids([603])).values()
        stored = (await reelarr.movies.files([matrix.id]))[matrix.id].media_info
    assert stored is not None
    model = data.MEDIA_INFO_MODELS[41]
    assert (stored["container_format"], stored["video_profile"], stored["video_codec_id"]) == (
        model["containerFormat"],
        model["videoProfile"],
        model["videoCodecID"],
    )
    assert (stored["video_color_primaries"], stored["audio_profile"], stored["audio_channel_positions"]) == (
        model["videoColourPrimaries"],
        model["audioProfile"],
        model["audioChannelPositions"],
    )
    assert stored["run_time"] == 2 * 3600 + 16 * 60 + 17.042
    assert len(mine["history"]) == 3
    assert not [note for r in summary.results for note in r.notes if "entered again" in note]
    async with installation(settings) as reelarr:
        [client] = await reelarr.download_clients.providers.all()
        [indexer] = await reelarr.indexers.providers.all()
        [webhook] = await reelarr.notifications.providers.all()
        secrets = (client.settings.password, indexer.settings.api_key, webhook.settings.password)
    assert secrets == (SECRETS["password"], SECRETS["apiKey"], SECRETS["password"])
