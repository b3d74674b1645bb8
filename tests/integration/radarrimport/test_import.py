"""`reelarr import-radarr` against the fixture Radarr, read back through Reelarr's services."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reelarr.db.engine import normalise_url
from reelarr.delayprofiles.model import DownloadProtocol
from reelarr.metadata.models import CoverType, Rating
from reelarr.movies.model import MinimumAvailability
from reelarr.naming.config import ColonReplacement
from reelarr.quality.revision import Revision
from reelarr.radarrimport.client import ImportFailed
from reelarr.radarrimport.run import ImportOptions, import_radarr
from reelarr.settings import Settings
from reelarr.uiconfig.config import ui_section
from tests.fixtures.radarr import data
from tests.fixtures.radarr.server import RadarrServer
from tests.integration.radarrimport.reading import installation


async def test_every_kind_arrives_field_by_field_and_a_second_run_changes_nothing(
    settings: Settings, options: ImportOptions, library: Path
) -> None:
    summary = await import_radarr(settings, options)

    assert summary.failures == 0, summary.lines()
    kinds = {r.kind: r for r in summary.results}
    spirited_at = library / "movies-4k" / "Spirited Away (2001)" / data.SPIRITED_FILE
    assert f"Spirited Away (2001): {data.SPIRITED_FILE}: no file at {spirited_at} here, not brought over" in (
        kinds["movie files"].notes
    )
    assert "1 event(s) of films not brought over, or of unknown types, passed over" in kinds["history"].notes
    again = await import_radarr(settings, options)
    assert (again.changes, again.failures) == (0, 0), again.lines()  # a second run changes nothing
    async with installation(settings) as reelarr:
        tags = {t.label: t.id for t in await reelarr.tags.all()}
        assert set(tags) == {"4k", "kids"}
        assert set(await reelarr.root_folders.paths()) == {
            str(library / "movies"),
            str(library / "movies-4k"),
        }

        definitions = {d.quality.id: d for d in await reelarr.quality.definitions()}
        assert (definitions[19].title, definitions[19].min_size, definitions[19].max_size) == (
            "UHD Bluray",
            35,
            400,
        )
        assert definitions[19].preferred_size == 350

        formats = {f.name: f for f in await reelarr.custom_formats.all()}
        assert set(formats) == {"x265 (HD)", "Remaster"}
        x265 = formats["x265 (HD)"]
        assert [(s.name, s.negate, s.required) for s in x265.specifications] == [
            ("x265", False, True),
            ("Not 2160p", True, True),
        ]
        assert formats["Remaster"].include_when_renaming is True

        profiles = {p.name: p for p in await reelarr.quality.profiles()}
        hd, uhd = profiles["HD-1080p"], profiles["Ultra-HD"]
        assert (hd.cutoff, hd.upgrade_allowed, hd.cutoff_format_score, hd.language.name) == (
            7,
            True,
            25,
            "English",
        )
        assert sorted(q.name for q in hd.allowed_qualities()) == [
            "Bluray-1080p",
            "HDTV-1080p",
            "WEBDL-1080p",
            "WEBRip-1080p",
        ]
        assert {i.format_id: i.score for i in hd.format_items if i.score} == {
            formats["x265 (HD)"].id: -10000,
            formats["Remaster"].id: 25,
        }
        assert (uhd.cutoff, uhd.upgrade_allowed, uhd.min_format_score, uhd.language.name) == (
            1003,
            False,
            10,
            "French",
        )

        [release] = await reelarr.release_profiles.all()
        assert (release.name, release.ignored, release.required) == (
            "No German dubs",
            ("german", "ger.dub"),
            (),
        )
        assert release.tags == frozenset({tags["kids"]})

        delays = {p.tags: p for p in await reelarr.delay_profiles.all()}
        assert delays[frozenset()].torrent_delay == 30
        assert delays[frozenset()].bypass_if_highest_quality is True
        four_k = delays[frozenset({tags["4k"]})]
        assert (four_k.enable_usenet, four_k.preferred_protocol, four_k.torrent_delay) == (
            False,
            DownloadProtocol.TORRENT,
            120,
        )
        assert (four_k.bypass_if_above_custom_format_score, four_k.minimum_custom_format_score) == (True, 50)

        exclusions = {(e.tmdb_id, e.movie_title, e.movie_year) for e in await reelarr.exclusions.all()}
        assert exclusions == {(1771, "Captain America: The First Avenger", 2011), (10138, "Iron Man 2", 2010)}

        naming = await reelarr.naming.config()
        assert naming.rename_movies is True
        assert naming.colon_replacement_format == ColonReplacement.SPACE_DASH
        assert naming.standard_movie_format == "{Movie CleanTitle} ({Release Year}) {Quality Full}"
        assert naming.movie_folder_format == "{Movie CleanTitle} ({Release Year})"

        media = await reelarr.media_management.get()
        assert media.recycle_bin == str(library / "movies" / ".recycle")
        assert (media.recycle_bin_cleanup_days, media.download_propers_and_repacks) == (14, "doNotPrefer")
        assert (media.file_date, media.rescan_after_refresh, media.minimum_free_space_when_importing) == (
            "release",
            "afterManual",
            200,
        )
        assert media.extra_file_extensions == "srt,nfo"

        movies = await reelarr.movies.by_tmdb_ids([603, 129, 987654])
        matrix, spirited, untitled = movies[603], movies[129], movies[987654]
        assert (matrix.title, matrix.year, matrix.imdb_id, matrix.runtime) == (
            "The Matrix",
            1999,
            "tt0133093",
            136,
        )
        assert matrix.overview.startswith("Set in the 22nd century")
        assert (matrix.studio, matrix.genres) == ("Warner Bros. Pictures", ("Action", "Science Fiction"))
        assert (matrix.in_cinemas, matrix.physical_release, matrix.digital_release) == (
            date(1999, 3, 31),
            date(1999, 9, 21),
            date(2001, 1, 1),
        )
        assert matrix.ratings.imdb == Rating(8.7, 2_100_000)
        assert matrix.ratings.tmdb == Rating(8.2, 26_000)
        assert [(i.cover_type, i.remote_url) for i in matrix.images] == [
            (CoverType.POSTER, "https://image.tmdb.org/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"),
            (CoverType.FANART, "https://image.tmdb.org/t/p/original/ncEsesgOJDNrTUED89hYbA117wo.jpg"),
        ]
        assert (matrix.collection_tmdb_id, matrix.collection_title) == (2344, "The Matrix Collection")
        assert matrix.path == str(library / "movies" / "The Matrix (1999)")
        assert (matrix.quality_profile_id, matrix.monitored, matrix.tags) == (hd.id, True, ())

        assert spirited.path == str(library / "movies-4k" / "Spirited Away (2001)")
        assert spirited.root_folder_path == str(library / "movies-4k")
        assert (spirited.original_title, spirited.original_language.name) == ("千と千尋の神隠し", "Japanese")
        assert spirited.quality_profile_id == uhd.id
        assert spirited.minimum_availability == MinimumAvailability.IN_CINEMAS
        assert sorted(spirited.tags) == sorted([tags["4k"], tags["kids"]])

        assert (untitled.monitored, untitled.minimum_availability) == (False, MinimumAvailability.ANNOUNCED)
        assert untitled.imdb_id is None

        indexer_options = await reelarr.indexer_config.get()
        assert (indexer_options.minimum_age, indexer_options.maximum_size, indexer_options.retention) == (
            30,
            20000,
            3000,
        )
        assert (indexer_options.prefer_indexer_flags, indexer_options.availability_delay) == (True, 7)
        client_options = await reelarr.download_client_config.get()
        assert client_options.auto_redownload_failed is False
        assert client_options.download_client_working_folders == "_UNPACK_|_FAILED_"
        ui = await ui_section(reelarr.config, reelarr.bus).get()
        assert (ui.short_date_format, ui.time_format, ui.show_relative_dates, ui.theme) == (
            "DD MMM YYYY",
            "HH:mm",
            False,
            "dark",
        )
        assert ui.movie_info_language == 4  # German: TMDB is asked for German titles and overviews

        [collection] = await reelarr.collections.collections.all()
        assert (collection.tmdb_id, collection.title, collection.monitored) == (
            2344,
            "The Matrix Collection",
            True,
        )
        assert (collection.quality_profile_id, collection.root_folder_path, collection.tags) == (
            uhd.id,
            str(library / "movies-4k"),
            (tags["4k"],),
        )
        assert (collection.search_on_add, collection.minimum_availability) == (
            True,
            MinimumAvailability.IN_CINEMAS,
        )
        queued = [c.body["movieIds"] for c in await reelarr.commands.recent() if c.name == "RefreshMovie"]
        assert sorted(queued) == sorted([m.id] for m in movies.values())

        [custom_filter] = await reelarr.custom_filters.all()
        assert (custom_filter.type, custom_filter.label) == ("movieIndex", "4k missing")
        assert custom_filter.filters == [
            {"key": "hasFile", "value": False, "type": "equal"},
            {"key": "tags", "value": [tags["4k"]], "type": "contains"},
        ]

        rules = {r.name: r for r in await reelarr.auto_tagging.all()}
        assert set(rules) == {"Kids", "4k library"}
        kids, uhd_library = rules["Kids"], rules["4k library"]
        assert (kids.tags, kids.remove_tags_automatically) == ((tags["kids"],), True)
        assert [
            (c.implementation, c.name, c.negate, c.required, dict(c.values)) for c in kids.conditions
        ] == [
            ("GenreSpecification", "Family films", False, False, {"value": ["Animation", "Family"]}),
            ("QualityProfileSpecification", "Ultra-HD", False, True, {"value": profiles["Ultra-HD"].id}),
        ]
        assert (uhd_library.tags, uhd_library.remove_tags_automatically) == ((tags["4k"],), False)
        assert [(c.implementation, c.negate, dict(c.values)) for c in uhd_library.conditions] == [
            ("RootFolderSpecification", False, {"value": str(library / "movies-4k")}),
            ("TagSpecification", True, {"value": tags["kids"]}),
            ("RuntimeSpecification", False, {"min": 0, "max": 400}),
        ]

        [mapping] = await reelarr.remote_path_mappings.all()
        assert (mapping.host, mapping.remote_path) == ("qbittorrent", "/downloads/")
        assert mapping.local_path == f"{library / 'downloads' / 'complete'}/"

        files = await reelarr.movies.files([m.id for m in movies.values()])
        assert set(files) == {matrix.id}  # Spirited Away's file is not on disk here: passed over
        matrix_file = files[matrix.id]
        assert (matrix_file.relative_path, matrix_file.size) == (data.MATRIX_FILE, data.MATRIX_FILE_SIZE)
        assert matrix_file.date_added == datetime(2024, 3, 2, 20, 0, tzinfo=UTC)
        assert (matrix_file.scene_name, matrix_file.release_group, matrix_file.edition) == (
            "The.Matrix.1999.1080p.BluRay.x264-GRP",
            "GRP",
            "Remastered",
        )
        quality = matrix_file.quality
        assert (quality.quality.name, quality.revision, quality.revision.is_repack) == (
            "Bluray-1080p",
            Revision(2, 0),
            True,
        )
        assert ([lang.name for lang in matrix_file.languages], matrix_file.indexer_flags) == (["English"], 1)
        assert matrix_file.original_file_path == "The.Matrix.1999.1080p.BluRay.x264-GRP/matrix.mkv"

        events = sorted(await reelarr.history.since(datetime(2000, 1, 1, tzinfo=UTC)), key=lambda e: e.date)
        assert [(e.movie_id, e.event_type.api_name, e.date) for e in events] == [
            (spirited.id, "downloadFailed", datetime(2024, 3, 1, 12, 0, tzinfo=UTC)),
            (matrix.id, "grabbed", datetime(2024, 3, 2, 19, 30, tzinfo=UTC)),
            (matrix.id, "downloadFolderImported", datetime(2024, 3, 2, 20, 0, 0, 123456, tzinfo=UTC)),
        ]
        failed, grabbed, _ = events
        assert (grabbed.source_title, grabbed.download_id, grabbed.custom_formats) == (
            "The.Matrix.1999.Remastered.1080p.BluRay.x264-GRP",
            "SABnzbd_nzo_abc123",
            ("Remaster",),
        )
        assert (
            grabbed.quality.quality.name,
            grabbed.quality.revision,
            [x.name for x in grabbed.languages],
        ) == (
            "Bluray-1080p",
            Revision(2, 0),
            ["English"],
        )
        assert grabbed.data == {"indexer": "NZBgeek", "releaseGroup": "GRP", "size": "2048", "protocol": "1"}
        assert failed.data == {"message": "Unpacking failed", "indexer": "1337x"}

        [blocked] = await reelarr.blocklist.for_movie(spirited.id)
        assert (blocked.source_title, blocked.date, blocked.protocol) == (
            "Spirited.Away.2001.2160p.WEB-DL.DDP5.1-BAD",
            datetime(2024, 3, 1, 12, 0, 5, tzinfo=UTC),
            DownloadProtocol.TORRENT,
        )
        assert (blocked.quality.quality.name, blocked.indexer, blocked.message) == (
            "WEBDL-2160p",
            "1337x",
            "Unpacking failed",
        )
        assert [lang.name for lang in blocked.languages] == ["Japanese"]


async def test_providers_arrive_without_radarrs_masked_secrets(
    settings: Settings, options: ImportOptions
) -> None:
    summary = await import_radarr(settings, options)

    notes = [note for result in summary.results for note in result.notes]
    assert "qBittorrent: needs its Password entered again (Radarr hides secrets)" in notes
    assert "NZBgeek: needs its API Key entered again (Radarr hides secrets)" in notes
    assert "1337x (Prowlarr): managed by Prowlarr, skipped (add Reelarr to Prowlarr to sync it)" in notes
    assert not [note for note in notes if note.startswith("movieInfoLanguage")]
    async with installation(settings) as reelarr:
        [client] = await reelarr.download_clients.providers.all()
        assert (client.name, client.implementation, client.options.enable, client.options.priority) == (
            "qBittorrent",
            "QBittorrent",
            True,
            1,
        )
        qbit = client.settings
        assert (qbit.host, qbit.port, qbit.username, qbit.movie_category) == (
            "qbittorrent",
            8080,
            "admin",
            "radarr",
        )
        assert qbit.password == ""

        [indexer] = await reelarr.indexers.providers.all()
        assert (indexer.name, indexer.implementation) == ("NZBgeek", "Newznab")
        newznab = indexer.settings
        assert (newznab.base_url, newznab.categories, newznab.api_key) == (
            "https://api.nzbgeek.info",
            [2000, 2030, 2040, 2045],
            "",
        )

        [webhook] = await reelarr.notifications.providers.all()
        assert (webhook.settings.url, webhook.settings.method, webhook.settings.password) == (
            "http://homeassistant:8123/api/webhook/radarr",
            1,
            "",
        )
        assert (webhook.options.on_grab, webhook.options.on_download, webhook.options.on_rename) == (
            True,
            True,
            False,
        )

        writers = {m.implementation: m for m in await reelarr.metadata_files.providers.all()}
        kodi, emby = writers["XbmcMetadata"], writers["MediaBrowserMetadata"]
        assert (kodi.name, kodi.options.enable, emby.options.enable) == ("Kodi (XBMC) / Emby", True, False)
        assert (kodi.settings.movie_metadata_url, kodi.settings.add_collection_name) == (True, True)
        assert (kodi.settings.use_movie_nfo, kodi.settings.movie_metadata_language) == (False, 3)

        [stevenlu] = await reelarr.import_lists.lists.providers.all()
        hd = next(p for p in await reelarr.quality.profiles() if p.name == "HD-1080p")
        kids = next(t.id for t in await reelarr.tags.all() if t.label == "kids")
        assert (stevenlu.implementation, stevenlu.tags) == ("StevenLuImport", (kids,))
        assert (stevenlu.options.quality_profile_id, stevenlu.options.root_folder_path) == (
            hd.id,
            str(Path(options.mappings[0].target)),
        )


async def test_a_changed_film_is_updated_not_added_again(
    settings: Settings, options: ImportOptions, radarr: RadarrServer
) -> None:
    await import_radarr(settings, options)
    movies = data.movies()
    movies[0] = {**movies[0], "monitored": False, "tags": [data.TAG_KIDS]}
    radarr.state.resources["movie"] = movies

    summary = await import_radarr(settings, options)

    [movies_result] = [r for r in summary.results if r.kind == "movies"]
    assert (movies_result.added, movies_result.updated) == ([], ["The Matrix (1999, TMDB 603)"])
    async with installation(settings) as reelarr:
        [matrix] = (await reelarr.movies.by_tmdb_ids([603])).values()
        kids = next(t.id for t in await reelarr.tags.all() if t.label == "kids")
        assert (matrix.monitored, matrix.tags) == (False, (kids,))


async def test_a_dry_run_says_what_would_change_and_writes_nothing(
    settings: Settings, options: ImportOptions
) -> None:
    summary = await import_radarr(settings, replace(options, dry_run=True))

    assert summary.failures == 0, summary.lines()
    assert summary.changes > 0
    assert any("+ The Matrix (1999, TMDB 603)" in line for line in summary.lines())
    assert summary.lines()[-1].endswith("nothing written (dry run).")
    assert "    + 4k library" in summary.lines()  # an auto tagging rule that would be added
    async with installation(settings) as reelarr:
        assert await reelarr.auto_tagging.all() == []
        assert await reelarr.tags.all() == []
        assert await reelarr.movies.all() == []
        assert await reelarr.custom_formats.all() == []
        assert await reelarr.root_folders.paths() == []


@pytest.mark.parametrize(("path", "kind"), [("qualityprofile", "quality profiles"), ("movie", "movies")])
async def test_a_radarr_failing_half_way_writes_nothing(
    settings: Settings, options: ImportOptions, radarr: RadarrServer, path: str, kind: str
) -> None:
    radarr.state.failing.add(path)

    with pytest.raises(ImportFailed, match=f"Reading {kind} from Radarr at {radarr.url} failed: HTTP 500"):
        await import_radarr(settings, options)

    async with installation(settings) as reelarr:
        assert await reelarr.tags.all() == []
        assert await reelarr.movies.all() == []


async def test_a_wrong_api_key_is_refused_before_anything_else_is_read(
    settings: Settings, options: ImportOptions, radarr: RadarrServer
) -> None:
    with pytest.raises(ImportFailed, match="refused the API key"):
        await import_radarr(settings, replace(options, api_key="wrong"))

    assert radarr.state.requested == ["system/status"]
    async with installation(settings) as reelarr:
        assert await reelarr.tags.all() == []


async def test_a_running_server_on_postgresql_hears_of_the_new_films(
    postgres_database_url: str, options: ImportOptions, tmp_path: Path
) -> None:
    from reelarr.events import EventBus
    from reelarr.events_postgres import PostgresEventBridge, asyncpg_dsn
    from reelarr.movies.events import MovieAdded

    settings = Settings(data_dir=tmp_path / "data", database_url=postgres_database_url, log_file=None)
    server_bus = EventBus()
    heard: list[int] = []
    arrived = asyncio.Event()

    async def on_added(event: MovieAdded) -> None:
        heard.append(event.movie_id)
        if len(heard) == 3:
            arrived.set()

    server_bus.subscribe(MovieAdded, on_added, remote=True)
    url = normalise_url(postgres_database_url)
    bridge = PostgresEventBridge(asyncpg_dsn(url), server_bus, origin="running-server")
    await bridge.start()
    try:
        await import_radarr(settings, options)
        await asyncio.wait_for(arrived.wait(), timeout=10)
    finally:
        await bridge.stop()

    async with installation(settings) as reelarr:
        assert sorted(heard) == sorted(m.id for m in await reelarr.movies.all())


async def test_films_brought_over_are_not_announced(
    settings: Settings, options: ImportOptions, radarr: RadarrServer
) -> None:
    from reelarr.providers.model import ProviderInput

    async with installation(settings) as reelarr:
        webhook = ProviderInput(
            name="Announcer",
            implementation="Webhook",
            fields={"url": f"{radarr.url}/hook/added", "method": 1},
            options={"onMovieAdded": True},
        )
        await reelarr.notifications.providers.create(webhook, force_save=True)

    summary = await import_radarr(settings, options)

    assert len(summary.results[[r.kind for r in summary.results].index("movies")].added) == 3
    # Nothing to wait for when nothing is sent: give a stray send a moment to show up.
    await asyncio.sleep(0.3)
    assert radarr.state.posted == []


async def test_a_secret_entered_after_the_import_is_kept_by_the_next(
    settings: Settings, options: ImportOptions
) -> None:
    from reelarr.providers.model import ProviderInput

    await import_radarr(settings, options)
    async with installation(settings) as reelarr:
        clients = reelarr.download_clients.providers
        [client] = await clients.all()
        await clients.update(client.id, ProviderInput(fields={"password": "hunter2"}), force_save=True)

    await import_radarr(settings, options)  # (the other fields, left out above, come back)

    async with installation(settings) as reelarr:
        [client] = await reelarr.download_clients.providers.all()
        assert (client.settings.password, client.settings.host) == ("hunter2", "qbittorrent")


async def test_a_kind_radarr_sent_broken_stops_there_and_a_new_run_carries_on(
    settings: Settings, options: ImportOptions, radarr: RadarrServer
) -> None:
    radarr.state.resources["movie"] = [{"title": "No TMDB id", "year": 2001}]

    with pytest.raises(ImportFailed, match=r"Importing movies failed: .*tags, root folders, .* before it"):
        await import_radarr(settings, options)

    radarr.state.reset()
    summary = await import_radarr(settings, options)
    kinds = {r.kind: r for r in summary.results}
    assert (kinds["tags"].changes, len(kinds["movies"].added), summary.failures) == (0, 3, 0)
