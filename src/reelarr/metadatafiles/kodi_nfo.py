"""The .nfo Radarr's XbmcMetadata writes for a film, element by element."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from reelarr.mediafiles.formatting import format_audio_codec, format_video_codec
from reelarr.mediafiles.model import HdrFormat, MediaInfo
from reelarr.metadata.models import CoverType
from reelarr.metadatafiles.base import FilmFacts
from reelarr.metadatafiles.xml import Element, document, dotnet_number, dotnet_single
from reelarr.movies.credits import Credit
from reelarr.movies.model import Movie, MovieFile, MovieStatus

_PUNCTUATION = re.compile(r"[^\w\s]")
_ARTICLE = re.compile(r"^(a|an|the)\s", re.IGNORECASE)
_SPACES = re.compile(r"\s{2,}")
_SPECIAL = re.compile(r"(\&|\:|\\|\/)+")
STATUS_NAMES = {
    MovieStatus.TBA: "TBA",
    MovieStatus.ANNOUNCED: "Announced",
    MovieStatus.IN_CINEMAS: "InCinemas",
    MovieStatus.RELEASED: "Released",
    MovieStatus.DELETED: "Deleted",
}
_DOLBY_VISION = {
    HdrFormat.DOLBY_VISION,
    HdrFormat.DOLBY_VISION_HDR10,
    HdrFormat.DOLBY_VISION_HDR10_PLUS,
    HdrFormat.DOLBY_VISION_HLG,
    HdrFormat.DOLBY_VISION_SDR,
}
_HDR10 = {HdrFormat.HDR10, HdrFormat.HDR10_PLUS, HdrFormat.PQ10}


def normalize_title(title: str) -> str:
    """Radarr's Parser.NormalizeTitle, which it writes as the sort title."""
    title = _PUNCTUATION.sub("", title)
    title = _ARTICLE.sub("", title)
    title = _SPACES.sub(" ", title)
    title = _SPECIAL.sub("", title)
    return title.strip().lower()


def _ratings(details: Element, movie: Movie) -> None:
    imdb, tmdb = movie.ratings.imdb, movie.ratings.tmdb
    if not ((imdb and imdb.votes > 0) or (tmdb and tmdb.votes > 0)):
        return
    ratings = details.add("ratings")
    if imdb and imdb.votes > 0:
        rating = ratings.add("rating", name="imdb", max="10", default="true")
        rating.add("value", dotnet_number(imdb.value))
        rating.add("votes", imdb.votes)
    if tmdb and tmdb.votes > 0:
        rating = ratings.add("rating", name="themoviedb", max="10")
        rating.add("value", dotnet_number(tmdb.value))
        rating.add("votes", tmdb.votes)
        if not (imdb and imdb.votes > 0):
            rating.attributes["default"] = "true"


def _images(details: Element, movie: Movie) -> None:
    for image in movie.images:
        if image.cover_type == CoverType.POSTER and image.remote_url:
            details.add("thumb", image.remote_url, aspect="poster", preview=image.remote_url)
    fanarts = [i for i in movie.images if i.cover_type == CoverType.FANART]
    if fanarts:
        fanart = details.add("fanart")
        for image in fanarts:
            if image.remote_url:
                fanart.add("thumb", image.remote_url, preview=image.remote_url)


def _hdr_type(hdr: HdrFormat) -> str | None:
    if hdr in _DOLBY_VISION:
        return "dolbyvision"
    if hdr in _HDR10:
        return "hdr10"
    if hdr is HdrFormat.HLG10:
        return "hlg"
    return "" if hdr is HdrFormat.NONE else None


def scene_or_file_name(file: MovieFile) -> str:
    """Radarr's GetSceneOrFileName: the scene name, else the file's name without its extension."""
    if file.scene_name:
        return file.scene_name
    return os.path.splitext(os.path.basename(file.relative_path))[0] if file.relative_path else ""


def _file_info(info: MediaInfo, scene_name: str) -> Element:
    streams = Element("streamdetails")
    video = streams.add("video")
    aspect = info.width / info.height if info.height else float("nan")
    video.add("aspect", dotnet_single(aspect) if info.height else "NaN")
    video.add("bitrate", info.video_bitrate)
    video.add("codec", format_video_codec(info, scene_name))
    video.add("framerate", dotnet_number(info.video_fps))
    video.add("height", info.height)
    video.add("scantype", info.scan_type)
    video.add("width", info.width)
    if info.run_time.total_seconds() != 0:
        video.add("duration", dotnet_number(info.run_time.total_seconds() / 60))
        video.add("durationinseconds", dotnet_number(round(info.run_time.total_seconds())))
    hdr = _hdr_type(info.hdr_format)
    if hdr is not None:
        video.add("hdrtype", hdr)
    audio = streams.add("audio")
    audio.add("bitrate", info.audio_bitrate)
    audio.add("channels", info.audio_channels)
    audio.add("codec", format_audio_codec(info, scene_name))
    # Radarr hands XElement the list itself, which writes its items run together.
    audio.add("language", "".join(info.audio_languages) if info.audio_languages else None)
    for subtitle in info.subtitles:
        streams.add("subtitle").add("language", subtitle)
    file_info = Element("fileinfo")
    file_info.children.append(streams)
    return file_info


def _actors(details: Element, credits: Sequence[Credit]) -> None:
    for credit in credits:
        if credit.person_name and credit.character is not None:
            actor = details.add("actor")
            actor.add("name", credit.person_name)
            actor.add("role", credit.character)
            actor.add("order", credit.order)
            if credit.image:
                actor.add("thumb", credit.image)


def _head(details: Element, movie: Movie) -> None:
    details.add("title", movie.title)
    details.add("originaltitle", movie.original_title)
    details.add("sorttitle", normalize_title(movie.title))
    _ratings(details, movie)
    if movie.ratings.tmdb and movie.ratings.tmdb.votes > 0:
        details.add("rating", dotnet_number(movie.ratings.tmdb.value))
    for name in ("userrating", "top250", "outline"):
        details.add(name)
    details.add("plot", movie.overview)
    details.add("tagline")
    details.add("runtime", movie.runtime)
    _images(details, movie)
    if movie.certification and movie.certification.strip():
        details.add("mpaa", movie.certification)
    details.add("playcount")
    details.add("lastplayed")


def _ids(details: Element, movie: Movie, add_collection: bool, tags: Sequence[str]) -> None:
    details.add("id", movie.tmdb_id)
    details.add("uniqueid", movie.tmdb_id, type="tmdb", default="true")
    if movie.imdb_id and movie.imdb_id.strip():
        details.add("uniqueid", movie.imdb_id, type="imdb")
    for genre in movie.genres:
        details.add("genre", genre)
    details.add("country")
    if add_collection and movie.collection_title and movie.collection_title.strip():
        collection = details.add("set", tmdbcolid=str(movie.collection_tmdb_id or 0))
        collection.add("name", movie.collection_title)
        collection.add("overview")
    for label in tags:
        details.add("tag", label)


def kodi_nfo(facts: FilmFacts, *, add_collection_name: bool) -> str:
    """The XML of the film's .nfo as Radarr's XbmcMetadata.MovieMetadata writes it."""
    movie, credits = facts.movie, facts.credits
    details = Element("movie")
    _head(details, movie)
    _ids(details, movie, add_collection_name, facts.tag_labels)
    details.add("status", STATUS_NAMES[facts.status])
    for job, name in (("Screenplay", "credits"), ("Director", "director")):
        for credit in credits:
            if credit.person_name and credit.job == job:
                details.add(name, credit.person_name)
    if movie.in_cinemas is not None:
        details.add("premiered", movie.in_cinemas.isoformat())
    details.add("year", movie.year)
    details.add("studio", movie.studio)
    details.add("trailer", "plugin://plugin.video.youtube/play/?video_id=" + (movie.youtube_trailer_id or ""))
    details.add("watched", "true" if facts.watched else "false")
    if facts.media_info is not None:
        details.children.append(_file_info(facts.media_info, scene_or_file_name(facts.file)))
        _actors(details, credits)
    return document(details)


def metadata_urls(movie: Movie) -> str:
    """The links Radarr adds with movieMetadataURL: TMDB's page, then IMDb's."""
    return (
        f"https://www.themoviedb.org/movie/{movie.tmdb_id}\nhttps://www.imdb.com/title/{movie.imdb_id or ''}"
    )
