"""Kodi's .nfo compared element by element with what Radarr's XbmcMetadata.MovieMetadata writes for
the same film (the expected text follows that writer line by line: .NET's XmlWriter with Indent)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from reelarr.languages import Language
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader
from reelarr.metadata.models import CoverType, Image, Rating, Ratings
from reelarr.metadatafiles.base import CachedCover, FilmFacts
from reelarr.metadatafiles.kodi_nfo import normalize_title
from reelarr.metadatafiles.xbmc import XbmcMetadata, XbmcMetadataSettings
from reelarr.metadatafiles.xml import dotnet_number, dotnet_single
from reelarr.movies.credits import Credit, CreditType
from reelarr.movies.model import MinimumAvailability, Movie, MovieFile, MovieStatus
from reelarr.providers.model import ProviderDefinition, ProviderOptions
from reelarr.quality.catalogue import quality_by_name
from reelarr.quality.revision import QualityModel

ENGLISH = Language(1, "English")
POSTER = "https://image.tmdb.org/t/p/original/poster.jpg"
FANART = "https://image.tmdb.org/t/p/original/fanart.jpg"
HEADSHOT = "https://image.tmdb.org/t/p/original/keanu.jpg"

MOVIE = Movie(
    id=7,
    tmdb_id=603,
    imdb_id="tt0133093",
    title="The Matrix",
    original_title="The Matrix",
    sort_title="matrix",
    clean_title="thematrix",
    year=1999,
    overview="A hacker learns the truth & fights <machines>.",
    runtime=136,
    tmdb_status="released",
    original_language=ENGLISH,
    monitored=True,
    minimum_availability=MinimumAvailability.RELEASED,
    quality_profile_id=1,
    path="/movies/The Matrix (1999)",
    root_folder_path="/movies",
    added=datetime(2024, 1, 1, tzinfo=UTC),
    studio="Warner Bros. Pictures",
    certification="R",
    youtube_trailer_id="vKQi3bBA1y8",
    genres=("Action", "Science Fiction"),
    ratings=Ratings(tmdb=Rating(8.2, 25000), imdb=Rating(8.7, 2000000)),
    images=(Image(CoverType.POSTER, POSTER), Image(CoverType.FANART, FANART)),
    collection_tmdb_id=2344,
    collection_title="The Matrix Collection",
    in_cinemas=date(1999, 3, 30),
)
BLURAY = quality_by_name("Bluray-1080p")
assert BLURAY is not None
FILE = MovieFile(
    id=11,
    movie_id=7,
    relative_path="The Matrix (1999) Bluray-1080p.mkv",
    size=1234,
    date_added=datetime(2024, 5, 6, tzinfo=UTC),
    quality=QualityModel(BLURAY),
    languages=(ENGLISH,),
)
INFO = MediaInfo(
    reader=Reader.FFPROBE,
    run_time=timedelta(minutes=136, seconds=18),
    video_format="h264",
    video_bitrate=8000000,
    width=1920,
    height=800,
    video_fps=23.976,
    scan_type="Progressive",
    audio_format="dts",
    audio_bitrate=1509000,
    audio_channels=6,
    audio_languages=("eng", "fre"),
    subtitles=("eng",),
)
CREDITS = (
    Credit(1, 7, "c1", 6384, "Keanu Reeves", CreditType.CAST, 0, character="Neo", image=HEADSHOT),
    Credit(2, 7, "c2", 2975, "Laurence Fishburne", CreditType.CAST, 1, character="Morpheus"),
    Credit(3, 7, "c3", 9339, "Lana Wachowski", CreditType.CREW, 0, department="Directing", job="Director"),
    Credit(4, 7, "c4", 9339, "Lana Wachowski", CreditType.CREW, 1, department="Writing", job="Screenplay"),
)

EXPECTED = """<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<movie>
  <title>The Matrix</title>
  <originaltitle>The Matrix</originaltitle>
  <sorttitle>matrix</sorttitle>
  <ratings>
    <rating name="imdb" max="10" default="true">
      <value>8.7</value>
      <votes>2000000</votes>
    </rating>
    <rating name="themoviedb" max="10">
      <value>8.2</value>
      <votes>25000</votes>
    </rating>
  </ratings>
  <rating>8.2</rating>
  <userrating />
  <top250 />
  <outline />
  <plot>A hacker learns the truth &amp; fights &lt;machines&gt;.</plot>
  <tagline />
  <runtime>136</runtime>
  <thumb aspect="poster" preview="https://image.tmdb.org/t/p/original/poster.jpg">https://image.tmdb.org/t/p/original/poster.jpg</thumb>
  <fanart>
    <thumb preview="https://image.tmdb.org/t/p/original/fanart.jpg">https://image.tmdb.org/t/p/original/fanart.jpg</thumb>
  </fanart>
  <mpaa>R</mpaa>
  <playcount />
  <lastplayed />
  <id>603</id>
  <uniqueid type="tmdb" default="true">603</uniqueid>
  <uniqueid type="imdb">tt0133093</uniqueid>
  <genre>Action</genre>
  <genre>Science Fiction</genre>
  <country />
  <set tmdbcolid="2344">
    <name>The Matrix Collection</name>
    <overview />
  </set>
  <tag>keanu</tag>
  <status>Released</status>
  <credits>Lana Wachowski</credits>
  <director>Lana Wachowski</director>
  <premiered>1999-03-30</premiered>
  <year>1999</year>
  <studio>Warner Bros. Pictures</studio>
  <trailer>plugin://plugin.video.youtube/play/?video_id=vKQi3bBA1y8</trailer>
  <watched>false</watched>
  <fileinfo>
    <streamdetails>
      <video>
        <aspect>2.4</aspect>
        <bitrate>8000000</bitrate>
        <codec>h264</codec>
        <framerate>23.976</framerate>
        <height>800</height>
        <scantype>Progressive</scantype>
        <width>1920</width>
        <duration>136.3</duration>
        <durationinseconds>8178</durationinseconds>
        <hdrtype></hdrtype>
      </video>
      <audio>
        <bitrate>1509000</bitrate>
        <channels>6</channels>
        <codec>DTS</codec>
        <language>engfre</language>
      </audio>
      <subtitle>
        <language>eng</language>
      </subtitle>
    </streamdetails>
  </fileinfo>
  <actor>
    <name>Keanu Reeves</name>
    <role>Neo</role>
    <order>0</order>
    <thumb>https://image.tmdb.org/t/p/original/keanu.jpg</thumb>
  </actor>
  <actor>
    <name>Laurence Fishburne</name>
    <role>Morpheus</role>
    <order>1</order>
  </actor>
</movie>"""


def kodi(**settings: Any) -> XbmcMetadata:
    definition = ProviderDefinition(
        id=1,
        name="Kodi",
        implementation="XbmcMetadata",
        config_contract="XbmcMetadataSettings",
        settings=XbmcMetadataSettings.model_validate(settings),
        options=ProviderOptions(),
    )
    return XbmcMetadata(definition)


def facts(**changes: Any) -> FilmFacts:
    base = FilmFacts(
        movie=MOVIE,
        file=FILE,
        media_info=INFO,
        credits=CREDITS,
        tag_labels=("keanu",),
        status=MovieStatus.RELEASED,
    )
    return dataclasses.replace(base, **changes)


def test_the_nfo_is_radarr_s_text_element_by_element() -> None:
    written = kodi().movie_metadata(facts())

    assert written is not None
    assert written.relative_path == "The Matrix (1999) Bluray-1080p.nfo"
    assert written.contents.splitlines() == EXPECTED.splitlines()


def test_movie_nfo_is_named_movie_nfo_in_the_video_s_folder() -> None:
    assert kodi(useMovieNfo=True).metadata_path("Sub/The Matrix.mkv") == "Sub/movie.nfo"
    assert kodi().metadata_path("Sub/The Matrix.mkv") == "Sub/The Matrix.nfo"


def test_without_media_info_there_is_no_fileinfo_and_no_actor() -> None:
    written = kodi().movie_metadata(facts(media_info=None))

    assert written is not None
    assert "<fileinfo>" not in written.contents
    assert "<actor>" not in written.contents
    assert written.contents.endswith("  <watched>false</watched>\n</movie>")


def test_only_tmdb_votes_make_tmdb_the_default_rating() -> None:
    movie = dataclasses.replace(MOVIE, ratings=Ratings(tmdb=Rating(8.0, 10)))
    written = kodi().movie_metadata(facts(movie=movie))

    assert written is not None
    assert (
        '    <rating name="themoviedb" max="10" default="true">\n      <value>8</value>' in written.contents
    )
    assert "  <rating>8</rating>" in written.contents


def test_a_watched_mark_is_kept_and_the_collection_can_be_left_out() -> None:
    written = kodi(addCollectionName=False).movie_metadata(facts(watched=True))

    assert written is not None
    assert "<watched>true</watched>" in written.contents
    assert "<set " not in written.contents


def test_the_url_setting_adds_the_links_after_the_xml() -> None:
    written = kodi(movieMetadataURL=True).movie_metadata(facts())

    assert written is not None
    assert written.contents.endswith(
        "</movie>\nhttps://www.themoviedb.org/movie/603\nhttps://www.imdb.com/title/tt0133093"
    )


def test_with_movie_metadata_off_only_the_links_are_written_or_nothing() -> None:
    assert kodi(movieMetadata=False).movie_metadata(facts()) is None
    links = kodi(movieMetadata=False, movieMetadataURL=True).movie_metadata(facts())
    assert links is not None
    assert links.contents.startswith("https://www.themoviedb.org/movie/603")


@pytest.mark.parametrize(
    ("hdr", "written"),
    [
        (HdrFormat.DOLBY_VISION_HDR10, "<hdrtype>dolbyvision</hdrtype>"),
        (HdrFormat.HDR10_PLUS, "<hdrtype>hdr10</hdrtype>"),
        (HdrFormat.PQ10, "<hdrtype>hdr10</hdrtype>"),
        (HdrFormat.HLG10, "<hdrtype>hlg</hdrtype>"),
    ],
)
def test_hdr_types_are_kodi_s(hdr: HdrFormat, written: str) -> None:
    result = kodi().movie_metadata(facts(media_info=dataclasses.replace(INFO, hdr_format=hdr)))

    assert result is not None
    assert written in result.contents


def test_images_are_named_by_kind_and_can_be_switched_off() -> None:
    covers = [CachedCover("poster", ".jpg"), CachedCover("fanart", ".jpg")]

    assert [c.relative_path for c in kodi().movie_images(MOVIE, covers)] == ["poster.jpg", "fanart.jpg"]
    assert kodi(movieImages=False).movie_images(MOVIE, covers) == []


@pytest.mark.parametrize(
    ("title", "normalized"),
    [("The Matrix", "matrix"), ("Mission: Impossible", "mission impossible"), ("A  Bug's Life", "bugs life")],
)
def test_the_sort_title_is_radarr_s_normalized_title(title: str, normalized: str) -> None:
    assert normalize_title(title) == normalized


def test_numbers_are_written_as_dotnet_writes_them() -> None:
    assert dotnet_number(8.0) == "8"
    assert dotnet_number(8.25) == "8.25"
    assert dotnet_single(1920 / 1080) == "1.7777778"
    assert dotnet_single(1920 / 800) == "2.4"
