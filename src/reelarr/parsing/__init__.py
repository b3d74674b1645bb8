"""Release-title parsing: pure functions from names to movies, qualities, languages and groups."""

from reelarr.parsing.clean import clean_title, remove_accents, url_slug
from reelarr.parsing.edition import parse_edition
from reelarr.parsing.ids import normalize_imdb_id, parse_imdb_id, parse_tmdb_id
from reelarr.parsing.languages import parse_languages
from reelarr.parsing.movie import (
    keep_reading,
    parse_hardcoded_subs,
    parse_names,
    parse_path,
    parse_title,
    read_title,
)
from reelarr.parsing.quality import parse_quality
from reelarr.parsing.quality_marks import parse_resolution
from reelarr.parsing.reading import TitleReading
from reelarr.parsing.release_group import parse_release_group
from reelarr.parsing.result import MovieNames, ParsedMovieInfo
from reelarr.parsing.scene import is_scene_title, scene_title
from reelarr.parsing.subtitles import SubtitleInfo, parse_subtitle_info, parse_subtitle_language

__all__ = [
    "MovieNames",
    "ParsedMovieInfo",
    "SubtitleInfo",
    "TitleReading",
    "clean_title",
    "is_scene_title",
    "keep_reading",
    "normalize_imdb_id",
    "parse_edition",
    "parse_hardcoded_subs",
    "parse_imdb_id",
    "parse_languages",
    "parse_names",
    "parse_path",
    "parse_quality",
    "parse_release_group",
    "parse_resolution",
    "parse_subtitle_info",
    "parse_subtitle_language",
    "parse_title",
    "parse_tmdb_id",
    "read_title",
    "remove_accents",
    "scene_title",
    "url_slug",
]
