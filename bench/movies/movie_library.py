"""A realistic library of movies written straight into Reelarr's tables, and their cached covers on disk.

Deterministic for a given seed: the same titles, files and covers every run.
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from reelarr.db.engine import Database
from reelarr.db.migrate import migrate
from reelarr.events import EventBus
from reelarr.mediacover.covers import RESIZE_HEIGHTS, cover_file_name
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader
from reelarr.movies.file_rules import stored_media_info
from reelarr.movies.naming import sort_title
from reelarr.movies.repository import quality_to_json
from reelarr.movies.tables import AlternativeTitleRow, MovieFileRow, MovieRow
from reelarr.naming.builder import build_folder_name
from reelarr.naming.config import NamingConfig
from reelarr.naming.subject import NamedMovie
from reelarr.parsing import clean_title
from reelarr.quality.catalogue import DetectionSource, quality
from reelarr.quality.revision import QualityModel, Revision
from reelarr.quality.service import QualityService
from reelarr.quality.tables import QualityProfileRow
from reelarr.tags.tables import TagRow

# The day the library is "seen" from: release dates are spread around it.
TODAY = datetime.now(UTC).date()
IMAGE_URL = "https://image.tmdb.org/t/p/original"
ROOTS = ("/data/media/movies", "/data/media/movies-4k")
TAGS = ("4k", "kids", "anime", "criterion", "imported", "wife", "radarr-list", "documentary")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


_ADJECTIVES = _words(
    "Silent|Dark|Last|Lost|Hidden|Broken|Golden|Crimson|Frozen|Burning|Endless|Wild|Savage|Little|"
    "Secret|Final|Eternal|Forgotten|Distant|Hollow|Iron|Midnight|Scarlet|Quiet|Restless|Sacred|"
    "Twisted|Wicked|Electric|Velvet|Bitter|Brave|Fallen|Northern|Southern|Western|Eastern|Black|"
    "White|Blue|Red|Green"
)
_NOUNS = _words(
    "Harbor|Kingdom|Road|River|Mountain|City|Empire|Garden|Storm|Shadow|Heart|Star|Machine|Island|"
    "Night|Winter|Summer|Frontier|Witness|Stranger|Hunter|Dragon|Ghost|Letter|Promise|Bridge|Station|"
    "Mirror|Horizon|Legacy|Echo|Tide|Orchard|Circus|Desert|Signal|Protocol|Paradise|Voyage|Fortress|"
    "Prophecy|Valley|Requiem|Carnival|Dynasty|Covenant|Lighthouse"
)
_NAMES = _words(
    "Amélie|Léon|Zoë|Mårten|Søren|Ørjan|Björn|Renée|José|Chloé|Noël|Anaïs|Jürgen|Françoise|Inés|"
    "Marcus|Eleanor|Jack|Nora|Viktor|Hana|Kenji|Mei|Aiko|Sofia|Mateo|Ivan|Olga|Dmitri|Rosa"
)
_GENRES = _words(
    "Action|Adventure|Animation|Comedy|Crime|Documentary|Drama|Family|Fantasy|History|Horror|Music|"
    "Mystery|Romance|Science Fiction|Thriller|War|Western"
)
_KEYWORDS = _words(
    "based on novel|revenge|heist|time travel|dystopia|small town|friendship|sequel|remake|"
    "serial killer|coming of age|space|alien|artificial intelligence|world war ii|survival|road trip|"
    "biography|martial arts|supernatural|musical|sports|high school|post-apocalyptic|conspiracy|"
    "love triangle"
)
_STUDIOS = (
    "Warner Bros. Pictures",
    "Universal Pictures",
    "Paramount Pictures",
    "Columbia Pictures",
    "20th Century Studios",
    "Walt Disney Pictures",
    "Lionsgate",
    "A24",
    "Studio Ghibli",
    "Gaumont",
    "Toho",
    "StudioCanal",
    "New Line Cinema",
    "Legendary Pictures",
    "Blumhouse Productions",
)
_SENTENCES = (
    "When {name} discovers a {noun} hidden beneath the old {noun2}, everything she believed about her "
    "family begins to unravel.",
    "A {adj} {noun} threatens a quiet town, and only a retired detective with nothing left to lose can "
    "stop it.",
    "Set against the backdrop of a {adj} war, two strangers form an unlikely bond that will change both "
    "of their lives forever.",
    "{name} has spent twenty years running from the past, but a letter from an estranged brother brings "
    "it back to the doorstep.",
    "In a near future where every memory can be bought and sold, a {adj} courier uncovers a conspiracy "
    "reaching the highest levels of power.",
    "What begins as an ordinary summer at the {noun} turns into a desperate fight for survival.",
    "Based on the acclaimed novel, this sweeping drama follows three generations of a family bound to "
    "the {noun2}.",
    "A disgraced scientist and her estranged daughter must cross a {adj} {noun} to reach the last safe "
    "city on Earth.",
    "Haunted by the disappearance of his partner, {name} returns to the {noun} to finish what they started.",
    "The crew of a deep-space mining vessel answers a distress signal from a ship that vanished decades ago.",
    "A small-time con artist takes on the biggest job of his life: robbing the {adj} {noun} casino "
    "during its grand opening.",
    "Told over a single night, this tense thriller traps six strangers in a {noun} with a killer among them.",
    "An aging musician embarks on one last tour across the country, confronting old rivals and older "
    "regrets.",
    "When the {noun2} floods, a stubborn farmer refuses to leave, and the whole valley is drawn into "
    "his fight.",
    "This documentary follows {name} over five years as she builds a {noun} from nothing in the middle "
    "of the desert.",
    "A young {noun} keeper befriends a creature from the sea and must protect it from the villagers who "
    "fear it.",
)
_CERTIFICATIONS = ("G", "PG", "PG-13", "R", "NC-17", None)
_COUNTRIES = ("US", "GB", "FR", "DE", "ES", "IT", "JP", "KR", "SE", "BR", "MX", "RU")
_LANGUAGE_IDS = (1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 8, 10, 11, 14, 21)  # mostly English, as in real libraries
_FILE_QUALITIES = (
    ("Bluray-1080p", 30),
    ("WEBDL-1080p", 25),
    ("WEBRip-1080p", 10),
    ("Bluray-720p", 10),
    ("Remux-2160p", 6),
    ("Bluray-2160p", 5),
    ("WEBDL-2160p", 5),
    ("HDTV-720p", 3),
    ("DVD", 4),
    ("Remux-1080p", 2),
)
_RELEASE_GROUPS = ("SPARKS", "FGT", "RARBG", "NTb", "FLUX", "CMRG", "TEPES", "FraMeSToR", "HONE", "GECKOS")
_HEIGHTS = {"480p": (720, 480), "576p": (720, 576), "720p": (1280, 720), "1080p": (1920, 1080)}
_HEIGHTS["2160p"] = (3840, 2160)


@dataclass(frozen=True)
class LibraryShape:
    """How much of what the library holds."""

    movies: int = 10_000
    with_file: float = 0.7
    with_alternative_titles: float = 0.4
    with_tags: float = 0.3
    in_collection: float = 0.15
    covers_cached: float = 0.95
    seed: int = 4


@dataclass(frozen=True)
class BuiltLibrary:
    """What was written: counts for the report."""

    movies: int
    files: int
    alternative_titles: int


def _title(rng: random.Random) -> str:
    adj, noun = rng.choice(_ADJECTIVES), rng.choice(_NOUNS)
    form = rng.randrange(10)
    if form == 0:
        base = f"The {adj} {noun}"
    elif form == 1:
        base = f"{noun} of the {rng.choice(_NOUNS)}"
    elif form == 2:
        base = f"{rng.choice(_NAMES)} and the {adj} {noun}"
    elif form == 3:
        base = f"{noun}: {adj} {rng.choice(_NOUNS)}"
    elif form == 4:
        base = f"A {adj} {noun}"
    elif form == 5:
        base = f"{rng.choice(_NAMES)}"
    elif form == 6:
        base = f"{adj} {noun}s"
    elif form == 7:
        base = f"The {noun}"
    else:
        base = f"{adj} {noun}"
    if rng.random() < 0.08:
        base += rng.choice((" 2", " 3", " II", " Part Two", ": Reckoning", ": Origins"))
    return base


def _overview(rng: random.Random) -> str:
    sentences = rng.sample(_SENTENCES, rng.randint(2, 4))
    return " ".join(
        s.format(
            name=rng.choice(_NAMES),
            noun=rng.choice(_NOUNS).lower(),
            noun2=rng.choice(_NOUNS).lower(),
            adj=rng.choice(_ADJECTIVES).lower(),
        )
        for s in sentences
    )


def _image_path(rng: random.Random, suffix: str = ".jpg") -> str:
    return "/" + "".join(rng.choices(string.ascii_letters + string.digits, k=27)) + suffix


def _release_dates(rng: random.Random, year: int) -> tuple[date | None, date | None, date | None, str]:
    """In cinemas, digital, physical and TMDB's status; a few films are still to come."""
    start = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    if start > TODAY + timedelta(days=30):
        return (start if rng.random() < 0.6 else None), None, None, rng.choice(("Post Production", "Planned"))
    digital = start + timedelta(days=rng.randint(30, 120)) if year >= 2005 or rng.random() < 0.3 else None
    physical = start + timedelta(days=rng.randint(90, 200)) if rng.random() < 0.8 else None
    return start, digital, physical, "Released"


def _media_info(rng: random.Random, resolution: str, remux: bool, scene_name: str | None) -> dict[str, Any]:
    width, height = _HEIGHTS.get(resolution, (1920, 1080))
    hevc = height >= 2160 or rng.random() < 0.25
    hdr = (
        rng.choice((HdrFormat.HDR10, HdrFormat.DOLBY_VISION_HDR10, HdrFormat.HDR10_PLUS))
        if height >= 2160 and rng.random() < 0.8
        else HdrFormat.NONE
    )
    audio = rng.choice(
        (("eac3", "", 6, "5.1(side)"), ("ac3", "", 6, "5.1"), ("aac", "LC", 2, "stereo"))
        if not remux
        else (("truehd", "Dolby TrueHD + Dolby Atmos", 8, "7.1"), ("dts", "DTS-HD MA", 6, "5.1(side)"))
    )
    languages = ("eng",) if rng.random() < 0.7 else ("eng", rng.choice(("fre", "ger", "spa", "ita", "jpn")))
    subtitles = tuple(rng.sample(("eng", "fre", "ger", "spa", "ita", "dut", "swe", "por"), rng.randint(0, 6)))
    info = MediaInfo(
        reader=Reader.MEDIAINFO if rng.random() < 0.9 else Reader.FFPROBE,
        container_format="matroska,webm",
        title="",
        run_time=timedelta(seconds=rng.randint(80 * 60, 170 * 60)),
        video_format="hevc" if hevc else "h264",
        video_codec_id="V_MPEGH/ISO/HEVC" if hevc else "V_MPEG4/ISO/AVC",
        video_codec_library=rng.choice(("x264 - core 164", "x265 - 3.5", "")),
        video_profile="Main 10" if hevc else "High",
        video_bitrate=rng.randint(2_000_000, 60_000_000),
        video_bit_depth=10 if hevc else 8,
        video_color_primaries="bt2020" if hdr is not HdrFormat.NONE else "bt709",
        video_transfer_characteristics="smpte2084" if hdr is not HdrFormat.NONE else "bt709",
        hdr_format=hdr,
        width=width,
        height=height,
        video_fps=23.976,
        scan_type="Progressive",
        audio_format=audio[0],
        audio_codec_id="",
        audio_profile=audio[1],
        audio_bitrate=rng.choice((640_000, 768_000, 1_509_000, 224_000)),
        audio_channels=audio[2],
        audio_channel_positions=audio[3],
        audio_stream_count=len(languages),
        audio_languages=languages,
        subtitles=subtitles,
    )
    return stored_media_info(info, scene_name)  # as RescanMovie stores it


def _weighted_quality(rng: random.Random) -> str:
    names, weights = zip(*_FILE_QUALITIES, strict=True)
    return rng.choices(names, weights=weights)[0]


def generate(
    shape: LibraryShape, profile_ids: Sequence[int], tag_ids: Sequence[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the movies, alternative titles and movie files tables (column name -> value)."""
    rng = random.Random(shape.seed)
    now = datetime.now(UTC).replace(microsecond=0)
    movies: list[dict[str, Any]] = []
    titles: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    paths: set[str] = set()
    for movie_id in range(1, shape.movies + 1):
        title = _title(rng)
        year = rng.choices(
            (rng.randint(1930, 1979), rng.randint(1980, 2019), rng.randint(2020, TODAY.year + 1)), (1, 5, 2)
        )[0]
        root = ROOTS[1] if rng.random() < 0.1 else ROOTS[0]
        folder = build_folder_name(NamedMovie(title, year, tmdb_id=0), NamingConfig())
        path = f"{root}/{folder}"
        while path in paths:  # same title and year twice: Radarr users add a suffix by hand
            folder += " [dup]"
            path = f"{root}/{folder}"
        paths.add(path)
        in_cinemas, digital, physical, status = _release_dates(rng, year)
        released = [d for d in (digital, physical) if d]
        collection = rng.random() < shape.in_collection
        added = now - timedelta(days=rng.randint(0, 3000), seconds=rng.randint(0, 86_400))
        movies.append(
            {
                "id": movie_id,
                "tmdb_id": 10_000 + movie_id * 7,
                "imdb_id": f"tt{rng.randint(100_000, 29_999_999):07d}" if rng.random() < 0.97 else None,
                "title": title,
                "original_title": title if rng.random() < 0.8 else _title(rng),
                "sort_title": sort_title(title),
                "clean_title": clean_title(title),
                "year": year,
                "secondary_year": None,
                "overview": _overview(rng),
                "runtime": rng.randint(75, 185),
                "tmdb_status": status,
                "studio": rng.choice(_STUDIOS),
                "certification": rng.choice(_CERTIFICATIONS),
                "website": f"https://www.example-studio.com/movies/{movie_id}"
                if rng.random() < 0.5
                else None,
                "youtube_trailer_id": "".join(rng.choices(string.ascii_letters + string.digits + "-_", k=11))
                if rng.random() < 0.8
                else None,
                "original_language_id": rng.choice(_LANGUAGE_IDS),
                "genres": rng.sample(_GENRES, rng.randint(1, 4)),
                "keywords": rng.sample(_KEYWORDS, rng.randint(0, 8)),
                "ratings": {
                    "tmdb": {"value": round(rng.uniform(3, 9), 1), "votes": rng.randint(0, 30_000)},
                    "imdb": {"value": round(rng.uniform(3, 9.3), 1), "votes": rng.randint(0, 2_500_000)},
                },
                "images": [
                    {"coverType": "poster", "remoteUrl": IMAGE_URL + _image_path(rng)},
                    {"coverType": "fanart", "remoteUrl": IMAGE_URL + _image_path(rng)},
                    {"coverType": "clearlogo", "remoteUrl": IMAGE_URL + _image_path(rng, ".png")},
                ],
                "recommendations": [rng.randint(1, 1_200_000) for _ in range(rng.randint(0, 20))],
                "popularity": round(rng.uniform(0.6, 250.0), 3),
                "collection_tmdb_id": rng.randint(10, 900_000) if collection else None,
                "collection_title": f"The {rng.choice(_NOUNS)} Collection" if collection else None,
                "in_cinemas": in_cinemas,
                "digital_release": digital,
                "physical_release": physical,
                "release_date": min(released) if released else None,
                "monitored": rng.random() < 0.85,
                "minimum_availability": rng.choices(("released", "inCinemas", "announced"), (8, 1, 1))[0],
                "quality_profile_id": rng.choice(profile_ids),
                "path": path,
                "root_folder_path": root,
                "tags": sorted(rng.sample(tag_ids, rng.randint(1, 3)))
                if rng.random() < shape.with_tags
                else [],
                "added": added,
                "last_info_sync": now - timedelta(hours=rng.randint(1, 20)),
                "last_search_time": added + timedelta(minutes=5) if rng.random() < 0.6 else None,
            }
        )
        if rng.random() < shape.with_alternative_titles:
            for _ in range(rng.randint(1, 5)):
                alt = _title(rng)
                titles.append(
                    {
                        "movie_id": movie_id,
                        "title": alt,
                        "clean_title": clean_title(alt),
                        "country": rng.choice(_COUNTRIES),
                        "source_type": "tmdb",
                    }
                )
        if rng.random() < shape.with_file:
            name = _weighted_quality(rng)
            found = quality(name)
            resolution = f"{found.resolution}p" if found.resolution else "480p"
            group = rng.choice(_RELEASE_GROUPS) if rng.random() < 0.9 else None
            scene = f"{folder.replace(' ', '.')}.{resolution}.{name.split('-')[0]}.x264-{group or 'NOGRP'}"
            model = QualityModel(
                quality=found,
                revision=Revision(2 if rng.random() < 0.05 else 1, 0, False),
                source_detection=DetectionSource.NAME,
                resolution_detection=rng.choice((DetectionSource.NAME, DetectionSource.MEDIA_INFO)),
            )
            scene_name = scene if rng.random() < 0.7 else None
            files.append(
                {
                    "movie_id": movie_id,
                    "relative_path": f"{folder} {{{name}}}.mkv",
                    "size": rng.randint(700_000_000, 80_000_000_000),
                    "date_added": added + timedelta(hours=rng.randint(1, 500)),
                    "scene_name": scene_name,
                    "release_group": group,
                    "edition": rng.choice(("Director's Cut", "Extended", "IMAX"))
                    if rng.random() < 0.05
                    else None,
                    "quality": quality_to_json(model),
                    "languages": [1] if rng.random() < 0.8 else [1, rng.choice((2, 3, 4))],
                    "media_info": _media_info(rng, resolution, "Remux" in name, scene_name)
                    if rng.random() < 0.97
                    else None,
                    "original_file_path": f"{scene}.mkv" if rng.random() < 0.5 else None,
                    "indexer_flags": 0,
                }
            )
    return movies, titles, files


def _chunks(rows: list[dict[str, Any]], size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


async def build(database_url: str, shape: LibraryShape) -> BuiltLibrary:
    """Migrate the database, seed Radarr's quality profiles, and write the library into the tables."""
    db = Database(database_url)
    try:
        await migrate(db)
        await QualityService(db, EventBus()).seed_defaults()
        async with db.write() as session:
            profile_ids = list(
                await session.scalars(select(QualityProfileRow.id).order_by(QualityProfileRow.id))
            )
            await session.execute(insert(TagRow), [{"label": label} for label in TAGS])
            tag_ids = list(await session.scalars(select(TagRow.id)))
        movies, titles, files = generate(shape, profile_ids, tag_ids)
        async with db.write() as session:
            for table, rows in ((MovieRow, movies), (AlternativeTitleRow, titles), (MovieFileRow, files)):
                for chunk in _chunks(rows):
                    await session.execute(insert(table), chunk)
            if db.dialect == "postgresql":  # ids were given: move the sequences past them
                for name in ("movies", "alternative_titles", "movie_files"):
                    sequence = f"pg_get_serial_sequence('{name}', 'id')"
                    await session.execute(text(f"select setval({sequence}, (select max(id) from {name}))"))
            assert await session.scalar(select(func.count()).select_from(MovieRow)) == shape.movies
        return BuiltLibrary(len(movies), len(files), len(titles))
    finally:
        await db.close()


def write_covers(cover_root: Path, shape: LibraryShape) -> int:
    """Cached covers as the image cache leaves them: each original and its smaller copies (tiny files)."""
    rng = random.Random(shape.seed + 1)
    written = 0
    names = [
        cover_file_name(kind, height)
        for kind in ("poster", "fanart")
        for height in (None, *RESIZE_HEIGHTS[kind])
    ] + [cover_file_name("clearlogo")]
    for movie_id in range(1, shape.movies + 1):
        if rng.random() >= shape.covers_cached:
            continue
        folder = cover_root / str(movie_id)
        folder.mkdir(parents=True)
        for name in names:
            (folder / name).write_bytes(b"\xff\xd8\xff")
            written += 1
    return written
