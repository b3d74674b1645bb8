"""TMDB's JSON to Reelarr's metadata models: pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reelarr.metadata.models import (
    AlternativeTitle,
    CastMember,
    CollectionMetadata,
    CollectionRef,
    CoverType,
    CrewMember,
    Image,
    MovieMetadata,
    MovieSearchPage,
    MovieSearchResult,
    Rating,
    Ratings,
    ReleaseDate,
    ReleaseType,
)

Json = Mapping[str, Any]

THEATRICAL = frozenset({ReleaseType.THEATRICAL_LIMITED, ReleaseType.THEATRICAL})
_KNOWN_TYPES = frozenset(ReleaseType)
# Fallback for the certification when the preferred country has none.
DEFAULT_CERTIFICATION_COUNTRY = "US"


@dataclass(frozen=True, slots=True)
class MappingOptions:
    """Choices that shape the models: where images live, which country's dates and rating count."""

    image_url: str = "https://image.tmdb.org/t/p/original"
    language: str = "en-US"
    release_country: str | None = None  # None: the earliest date anywhere, as Radarr does
    certification_country: str = DEFAULT_CERTIFICATION_COUNTRY


def parse_date(value: object) -> date | None:
    """A date from TMDB's "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS.sssZ"; None when empty or bad."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(doc: Json, key: str) -> str:
    value = doc.get(key)
    return value if isinstance(value, str) else ""


def _items(doc: Json, key: str) -> list[Json]:
    value = doc.get(key)
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _part(doc: Json, key: str) -> Json:
    value = doc.get(key)
    return value if isinstance(value, Mapping) else {}


def _image(options: MappingOptions, cover_type: CoverType, path: object) -> Image | None:
    if not isinstance(path, str) or not path:
        return None
    return Image(cover_type, options.image_url.rstrip("/") + "/" + path.lstrip("/"))


def _language_rank(options: MappingOptions, item: Json) -> int:
    wanted = options.language.split("-")[0].lower()
    code = item.get("iso_639_1")
    return 0 if code == wanted else 1 if code in (None, "", "xx") else 2


def _best_image(options: MappingOptions, cover_type: CoverType, candidates: list[Json]) -> Image | None:
    ranked = sorted(
        candidates, key=lambda item: (_language_rank(options, item), -float(item.get("vote_average") or 0))
    )
    return next(
        (image for item in ranked if (image := _image(options, cover_type, item.get("file_path")))), None
    )


def _movie_images(options: MappingOptions, doc: Json) -> tuple[Image, ...]:
    extra = _part(doc, "images")
    poster = _image(options, CoverType.POSTER, doc.get("poster_path")) or _best_image(
        options, CoverType.POSTER, _items(extra, "posters")
    )
    fanart = _image(options, CoverType.FANART, doc.get("backdrop_path")) or _best_image(
        options, CoverType.FANART, _items(extra, "backdrops")
    )
    logo = _best_image(options, CoverType.CLEARLOGO, _items(extra, "logos"))
    return tuple(image for image in (poster, fanart, logo) if image)


def _ratings(doc: Json) -> Ratings:
    votes = doc.get("vote_count")
    if not isinstance(votes, int):
        return Ratings()
    return Ratings(tmdb=Rating(float(doc.get("vote_average") or 0.0), votes))


def release_dates(doc: Json) -> tuple[ReleaseDate, ...]:
    """Every dated release of `release_dates.results`, skipping unknown types and bad dates."""
    found: list[ReleaseDate] = []
    for country in _items(_part(doc, "release_dates"), "results"):
        code = _text(country, "iso_3166_1")
        for entry in _items(country, "release_dates"):
            when = parse_date(entry.get("release_date"))
            kind = entry.get("type")
            if when is None or not isinstance(kind, int) or kind not in _KNOWN_TYPES:
                continue
            found.append(
                ReleaseDate(
                    code, ReleaseType(kind), when, _text(entry, "certification"), _text(entry, "note")
                )
            )
    return tuple(found)


def earliest(dates: Iterable[ReleaseDate], types: Iterable[ReleaseType], country: str | None) -> date | None:
    """The earliest date of these types: in `country` when it has one, else anywhere."""
    wanted = frozenset(types)
    matching = [entry for entry in dates if entry.type in wanted]
    if country:
        local = [entry for entry in matching if entry.country == country]
        matching = local or matching
    return min((entry.date for entry in matching), default=None)


def certification(dates: Sequence[ReleaseDate], country: str) -> str | None:
    """The rating certificate in `country` (theatrical first), else in the US, else None."""
    for code in dict.fromkeys((country, DEFAULT_CERTIFICATION_COUNTRY)):
        local = sorted(
            (entry for entry in dates if entry.country == code and entry.certification),
            key=lambda entry: (entry.type not in THEATRICAL, entry.date),
        )
        if local:
            return local[0].certification
    return None


def youtube_trailer(doc: Json, language: str) -> str | None:
    """The key of the best YouTube trailer (official, in the language), else of a teaser."""
    wanted = language.split("-")[0].lower()
    videos = [v for v in _items(_part(doc, "videos"), "results") if _text(v, "site").lower() == "youtube"]
    for kind in ("Trailer", "Teaser"):
        ranked = sorted(
            (v for v in videos if v.get("type") == kind and _text(v, "key")),
            key=lambda v: (not v.get("official"), v.get("iso_639_1") != wanted, _text(v, "published_at")),
        )
        if ranked:
            return _text(ranked[0], "key")
    return None


@dataclass(frozen=True, slots=True)
class Wording:
    """A film's title, overview and tagline in the language asked for, and its English title when
    that title is another (kept among the alternative titles: releases are named in English)."""

    title: str
    overview: str
    tagline: str
    english_title: str | None = None


def _translation(translations: list[Json], language: str) -> Json:
    base, _, region = language.partition("-")
    found = [t for t in translations if _text(t, "iso_639_1") == base]
    exact = [t for t in found if region and _text(t, "iso_3166_1") == region]
    return _part((exact or found or [{}])[0], "data")


def wording(doc: Json, language: str) -> Wording:
    """What TMDB answered in `language` where it has a translation; else the English translation
    (TMDB falls back to the original title and an empty overview), else what it answered (Radarr's
    fallback: the asked language, English, the original)."""
    title, overview, tagline = _text(doc, "title"), _text(doc, "overview"), _text(doc, "tagline")
    translations = _items(_part(doc, "translations"), "translations")
    if language.split("-")[0] == "en" or not translations:
        return Wording(title, overview, tagline)
    asked = _translation(translations, language)
    english = _translation(translations, "en-US")
    english_title = _text(english, "title") or (
        _text(doc, "original_title") if _text(doc, "original_language") == "en" else ""
    )
    if not _text(asked, "title") and english_title:
        title = english_title
    if not _text(asked, "overview"):
        overview = _text(english, "overview") or overview
    if not _text(asked, "tagline"):
        tagline = _text(english, "tagline") or tagline
    keep_english = english_title and english_title.casefold() != title.casefold()
    return Wording(title, overview, tagline, english_title if keep_english else None)


def _alternative_titles(
    doc: Json, title: str, english_title: str | None = None
) -> tuple[AlternativeTitle, ...]:
    seen = {(title.casefold(), "")}
    titles: list[AlternativeTitle] = []
    if english_title:
        seen.add((english_title.casefold(), "US"))
        titles.append(AlternativeTitle(english_title, "US", "English title"))
    for item in _items(_part(doc, "alternative_titles"), "titles"):
        alt = AlternativeTitle(_text(item, "title").strip(), _text(item, "iso_3166_1"), _text(item, "type"))
        key = (alt.title.casefold(), alt.country)
        if alt.title and alt.title.casefold() != title.casefold() and key not in seen:
            seen.add(key)
            titles.append(alt)
    return tuple(titles)


def _collection(options: MappingOptions, doc: Json) -> CollectionRef | None:
    found = doc.get("belongs_to_collection")
    if not isinstance(found, Mapping) or not isinstance(found.get("id"), int):
        return None
    images = (
        _image(options, CoverType.POSTER, found.get("poster_path")),
        _image(options, CoverType.FANART, found.get("backdrop_path")),
    )
    return CollectionRef(found["id"], _text(found, "name"), tuple(image for image in images if image))


def _credits(options: MappingOptions, doc: Json) -> tuple[tuple[CastMember, ...], tuple[CrewMember, ...]]:
    credits = _part(doc, "credits")
    cast = sorted(
        (
            CastMember(
                int(item.get("id") or 0),
                _text(item, "name"),
                _text(item, "character"),
                int(item.get("order") or 0),
                _headshot(options, item),
                _text(item, "credit_id"),
            )
            for item in _items(credits, "cast")
        ),
        key=lambda member: member.order,
    )
    crew = tuple(
        CrewMember(
            int(item.get("id") or 0),
            _text(item, "name"),
            _text(item, "department"),
            _text(item, "job"),
            _headshot(options, item),
            _text(item, "credit_id"),
        )
        for item in _items(credits, "crew")
    )
    return tuple(cast), crew


def _headshot(options: MappingOptions, person: Json) -> str | None:
    image = _image(options, CoverType.HEADSHOT, person.get("profile_path"))
    return image.remote_url if image else None


def movie_from_tmdb(doc: Json, options: MappingOptions) -> MovieMetadata:
    """A MovieMetadata from `/movie/{id}` with its appended parts (each part is optional)."""
    words = wording(doc, options.language)
    title = words.title
    dates = release_dates(doc)
    primary = parse_date(doc.get("release_date"))
    country = options.release_country
    in_cinemas = earliest(dates, THEATRICAL, country) or (primary if not dates else None)
    digital = earliest(dates, [ReleaseType.DIGITAL], country)
    physical = earliest(dates, [ReleaseType.PHYSICAL], country)
    known = [day for day in (primary, in_cinemas, digital, physical) if day]
    imdb_id = _text(doc, "imdb_id") or _text(_part(doc, "external_ids"), "imdb_id")
    companies = _items(doc, "production_companies")
    cast, crew = _credits(options, doc)
    return MovieMetadata(
        tmdb_id=int(doc["id"]),
        imdb_id=imdb_id or None,
        title=title,
        original_title=_text(doc, "original_title") or title,
        original_language=_text(doc, "original_language"),
        overview=words.overview,
        year=(primary or min(known)).year if known else None,
        runtime=int(doc.get("runtime") or 0),
        status=_text(doc, "status"),
        release_date=primary,
        in_cinemas=in_cinemas,
        digital_release=digital,
        physical_release=physical,
        certification=certification(dates, options.certification_country),
        studio=_text(companies[0], "name") or None if companies else None,
        genres=tuple(_text(genre, "name") for genre in _items(doc, "genres")),
        ratings=_ratings(doc),
        alternative_titles=_alternative_titles(doc, title, words.english_title),
        release_dates=dates,
        images=_movie_images(options, doc),
        collection=_collection(options, doc),
        cast=cast,
        crew=crew,
        recommendations=tuple(
            int(item["id"])
            for item in _items(_part(doc, "recommendations"), "results")
            if isinstance(item.get("id"), int) and item.get("media_type", "movie") == "movie"
        ),
        keywords=tuple(_text(item, "name") for item in _items(_part(doc, "keywords"), "keywords")),
        popularity=float(doc.get("popularity") or 0.0),
        youtube_trailer_id=youtube_trailer(doc, options.language),
        website=_text(doc, "homepage") or None,
        tagline=words.tagline,
        adult=bool(doc.get("adult")),
    )


def search_result_from_tmdb(doc: Json, options: MappingOptions) -> MovieSearchResult:
    """A MovieSearchResult from one item of a search, find, collection or recommendations list."""
    title = _text(doc, "title")
    released = parse_date(doc.get("release_date"))
    images = (
        _image(options, CoverType.POSTER, doc.get("poster_path")),
        _image(options, CoverType.FANART, doc.get("backdrop_path")),
    )
    return MovieSearchResult(
        tmdb_id=int(doc["id"]),
        title=title,
        original_title=_text(doc, "original_title") or title,
        original_language=_text(doc, "original_language"),
        overview=_text(doc, "overview"),
        year=released.year if released else None,
        release_date=released,
        popularity=float(doc.get("popularity") or 0.0),
        ratings=_ratings(doc),
        images=tuple(image for image in images if image),
        adult=bool(doc.get("adult")),
    )


def search_page_from_tmdb(doc: Json, options: MappingOptions) -> MovieSearchPage:
    """A MovieSearchPage from `/search/movie`."""
    return MovieSearchPage(
        page=int(doc.get("page") or 1),
        total_pages=int(doc.get("total_pages") or 0),
        total_results=int(doc.get("total_results") or 0),
        results=tuple(
            search_result_from_tmdb(item, options)
            for item in _items(doc, "results")
            if isinstance(item.get("id"), int)
        ),
    )


def collection_from_tmdb(doc: Json, options: MappingOptions) -> CollectionMetadata:
    """A CollectionMetadata from `/collection/{id}`, parts oldest first (undated last)."""
    parts = [
        search_result_from_tmdb(item, options)
        for item in _items(doc, "parts")
        if isinstance(item.get("id"), int)
    ]
    parts.sort(key=lambda part: (part.release_date is None, part.release_date or date.min, part.tmdb_id))
    images = (
        _image(options, CoverType.POSTER, doc.get("poster_path")),
        _image(options, CoverType.FANART, doc.get("backdrop_path")),
    )
    return CollectionMetadata(
        tmdb_id=int(doc["id"]),
        name=_text(doc, "name"),
        overview=_text(doc, "overview"),
        images=tuple(image for image in images if image),
        parts=tuple(parts),
    )
