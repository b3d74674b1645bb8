"""Discord's messages of each event (Radarr's Discord embeds), built from the webhook payload and the film.

Pure functions: no clock (the caller passes the timestamp), no settings object, no I/O. Nulls are left
out as Radarr's serializer leaves them out; past Radarr's own cuts (title 256, overview 300) Discord's
limits cut what would make Discord refuse the whole message.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reelarr.movies.model import Movie
from reelarr.notifications.discord_fields import (
    GRAB_NAMES,
    IMPORT_NAMES,
    MANUAL_INTERACTION_NAMES,
    Color,
    GrabField,
    ImportField,
    ManualInteractionField,
)
from reelarr.parsing import parse_release_group

ICON_URL = "https://raw.githubusercontent.com/Radarr/Radarr/develop/Logo/256.png"
# Discord's limits (a message over any of them is refused with 400).
MAX_TITLE, MAX_DESCRIPTION, MAX_FIELD_NAME, MAX_FIELD_VALUE, MAX_CONTENT = 256, 4096, 256, 1024, 2000
MAX_OVERVIEW = 300  # Radarr's own cut of the overview
MAX_TAGS = 5
MAX_GENRES = 5


@dataclass(frozen=True, slots=True)
class Look:
    """What every embed shares: the author's name, the time to stamp, the fields chosen."""

    author: str
    timestamp: str
    grab_fields: Sequence[int] = ()
    import_fields: Sequence[int] = ()
    manual_interaction_fields: Sequence[int] = ()


def cut(text: str, most: int) -> str:
    """The text, cut to `most` characters with "..." when longer."""
    return text if len(text) <= most else text[: most - 3] + "..."


def title_of(title: str, year: int) -> str:
    """Radarr's GetTitle: "Title (Year)", backticks escaped, at most 256 characters."""
    text = (f"{title} ({year})" if year > 0 else title).replace("`", "\\`")
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 3].rstrip("\\") + "..."


def overview_of(text: str | None) -> str:
    """The overview cut after 300 characters, as Radarr cuts it."""
    text = text or ""
    return text if len(text) <= MAX_OVERVIEW else text[:MAX_OVERVIEW] + "..."


def number(value: float) -> str:
    """A number as .NET writes a decimal or a double: no trailing ".0"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def size_text(byte_count: int) -> str:
    """Radarr's BytesToString: 1024-based, one decimal ("1.5 GB", "700 MB", "0 B")."""
    units = ("B", "KB", "MB", "GB", "TB", "PB", "EB")
    if byte_count == 0:
        return "0 B"
    place = min(math.floor(math.log(abs(byte_count), 1024)), len(units) - 1)
    value = round(abs(byte_count) / 1024**place, 1)
    return f"{number(math.copysign(value, byte_count))} {units[place]}"


def links_of(tmdb_id: int, imdb_id: str | None, movie: Movie | None) -> str:
    """Radarr's GetLinksString: TMDb, Trakt, then IMDb, YouTube and the website when known."""
    links = [
        f"[TMDb](https://themoviedb.org/movie/{tmdb_id})",
        f"[Trakt](https://trakt.tv/search/tmdb/{tmdb_id}?id_type=movie)",
    ]
    if imdb_id and imdb_id.strip():
        links.append(f"[IMDb](https://imdb.com/title/{imdb_id}/)")
    if movie is not None and (movie.youtube_trailer_id or "").strip():
        links.append(f"[YouTube](https://www.youtube.com/watch?v={movie.youtube_trailer_id})")
    if movie is not None and (movie.website or "").strip():
        links.append(f"[Website]({movie.website})")
    return " / ".join(links)


def rating_of(movie: Movie | None) -> str:
    """The TMDB rating ("" when unknown)."""
    if movie is None or movie.ratings.tmdb is None:
        return ""
    return number(movie.ratings.tmdb.value)


def image_url(film: Mapping[str, Any], cover_type: str) -> str | None:
    """The remote URL of the film's first image of this type."""
    for image in film.get("images") or ():
        if image.get("coverType") == cover_type:
            return image.get("remoteUrl") or None
    return None


def field(name: str, value: str | None, *, inline: bool = False) -> dict[str, Any] | None:
    """A DiscordField, or None when its value is blank (Radarr leaves those out)."""
    if not value or not value.strip():
        return None
    return {"name": cut(name, MAX_FIELD_NAME), "value": cut(value, MAX_FIELD_VALUE), "inline": inline}


def _author(look: Look) -> dict[str, str]:
    return {"name": look.author, "icon_url": ICON_URL}


def _film_embed(
    film: Mapping[str, Any], look: Look, *, title: str, description: str, color: Color
) -> dict[str, Any]:
    return {
        "author": _author(look),
        "url": f"https://www.themoviedb.org/movie/{film.get('tmdbId', 0)}",
        "title": title,
        "description": cut(description, MAX_DESCRIPTION),
        "color": int(color),
    }


def _pictures(embed: dict[str, Any], film: Mapping[str, Any], poster: bool, fanart: bool) -> None:
    if poster and (url := image_url(film, "poster")):
        embed["thumbnail"] = {"url": url}
    if fanart and (url := image_url(film, "fanart")):
        embed["image"] = {"url": url}


def _film_title(film: Mapping[str, Any]) -> str:
    return title_of(str(film.get("title", "")), int(film.get("year") or 0))


def _common(film: Mapping[str, Any], movie: Movie | None) -> dict[str, str]:
    """The values grab and import fields share, by field name."""
    return {
        "Overview": overview_of(film.get("overview")),
        "Rating": rating_of(movie),
        "Genres": ", ".join(list(film.get("genres") or ())[:MAX_GENRES]),
        "Links": links_of(int(film.get("tmdbId") or 0), film.get("imdbId"), movie),
        "Tags": ", ".join(list(film.get("tags") or ())[:MAX_TAGS]),
    }


def _fields(
    chosen: Iterable[int], names: Mapping[int, tuple[str, bool]], values: Mapping[str, str]
) -> list[Any]:
    found = []
    for choice in chosen:
        if choice not in names:
            continue
        name, inline = names[choice]
        made = field(name, values.get(name), inline=inline)
        if made is not None:
            found.append(made)
    return found


def grab_embed(payload: Mapping[str, Any], movie: Movie | None, look: Look) -> dict[str, Any]:
    """Radarr's OnGrab embed: "Movie Grabbed", with the chosen grab fields."""
    film, release = payload.get("movie", {}), payload.get("release", {})
    embed = _film_embed(
        film, look, title=_film_title(film), description="Movie Grabbed", color=Color.STANDARD
    )
    chosen = list(look.grab_fields)
    _pictures(embed, film, GrabField.POSTER in chosen, GrabField.FANART in chosen)
    values = {
        **_common(film, movie),
        "Quality": str(release.get("quality") or ""),
        "Group": str(release.get("releaseGroup") or ""),
        "Size": size_text(int(release.get("size") or 0)),
        "Release": f"```{release.get('releaseTitle') or ''}```",
        "Custom Formats": "|".join(release.get("customFormats") or ()),
        "Custom Format Score": str(int(release.get("customFormatScore") or 0)),
        "Indexer": str(release.get("indexer") or ""),
    }
    embed["fields"] = _fields(chosen, GRAB_NAMES, values)
    embed["timestamp"] = look.timestamp
    return embed


def codecs_of(media_info: Mapping[str, Any] | None) -> str:
    """Radarr's "video / audio channels" ("" when the file's media info was not read)."""
    if not media_info:
        return ""
    channels = media_info.get("audioChannels")
    shown = number(float(channels)) if isinstance(channels, int | float) else ""
    return f"{media_info.get('videoCodec') or ''} / {media_info.get('audioCodec') or ''} {shown}"


def import_embed(payload: Mapping[str, Any], movie: Movie | None, look: Look) -> dict[str, Any]:
    """Radarr's OnDownload embed: "Movie Imported" (or "Movie Upgraded"), with the chosen import fields."""
    film, file = payload.get("movie", {}), payload.get("movieFile", {})
    upgrade = bool(payload.get("isUpgrade"))
    embed = _film_embed(
        film,
        look,
        title=_film_title(film),
        description="Movie Upgraded" if upgrade else "Movie Imported",
        color=Color.UPGRADE if upgrade else Color.SUCCESS,
    )
    chosen = list(look.import_fields)
    _pictures(embed, film, ImportField.POSTER in chosen, ImportField.FANART in chosen)
    media = file.get("mediaInfo") or {}
    formats = payload.get("customFormatInfo") or {}
    values = {
        **_common(film, movie),
        "Quality": str(file.get("quality") or ""),
        "Codecs": codecs_of(media),
        "Group": str(file.get("releaseGroup") or ""),
        "Size": size_text(int(file.get("size") or 0)),
        "Languages": "/".join(media.get("audioLanguages") or ()),
        "Subtitles": "/".join(media.get("subtitles") or ()),
        "Release": f"```{file.get('sceneName') or ''}```",
        "Custom Formats": "|".join(f.get("name", "") for f in formats.get("customFormats") or ()),
        "Custom Format Score": str(int(formats.get("customFormatScore") or 0)),
    }
    embed["fields"] = _fields(chosen, IMPORT_NAMES, values)
    embed["timestamp"] = look.timestamp
    return embed


def manual_interaction_embed(payload: Mapping[str, Any], movie: Movie | None, look: Look) -> dict[str, Any]:
    """Radarr's OnManualInteractionRequired embed: "Manual interaction needed", with the chosen fields
    (the group read from the download's title, as Radarr reads it)."""
    film, info = payload.get("movie", {}), payload.get("downloadInfo", {})
    embed: dict[str, Any] = {"author": _author(look)}
    if int(film.get("tmdbId") or 0) > 0:
        embed["url"] = f"https://www.themoviedb.org/movie/{film['tmdbId']}"
    embed.update(description="Manual interaction needed", title=_film_title(film), color=int(Color.STANDARD))
    chosen = list(look.manual_interaction_fields)
    poster, fanart = ManualInteractionField.POSTER in chosen, ManualInteractionField.FANART in chosen
    _pictures(embed, film, poster, fanart)
    title = str(info.get("title") or "")
    values = {
        **_common(film, movie),
        "Quality": str(info.get("quality") or ""),
        "Group": (parse_release_group(title) if title else None) or "",
        "Size": size_text(int(info.get("size") or 0)),
        "Download": f"```{title}```",
    }
    embed["fields"] = _fields(chosen, MANUAL_INTERACTION_NAMES, values)
    embed["timestamp"] = look.timestamp
    return embed


def added_embed(payload: Mapping[str, Any], movie: Movie | None, look: Look) -> dict[str, Any]:
    """Radarr's OnMovieAdded embed: the title without its year, the links, no time stamp."""
    film = payload.get("movie", {})
    embed = _film_embed(
        film,
        look,
        title=cut(str(film.get("title", "")), MAX_TITLE),
        description="Movie Added",
        color=Color.SUCCESS,
    )
    embed["fields"] = _fields([0], {0: ("Links", False)}, _common(film, movie))
    chosen = list(look.import_fields)
    _pictures(embed, film, ImportField.POSTER in chosen, ImportField.FANART in chosen)
    return embed


def deleted_embed(payload: Mapping[str, Any], movie: Movie | None, look: Look) -> dict[str, Any]:
    """Radarr's OnMovieDelete embed: what was deleted, the links, no time stamp."""
    film = payload.get("movie", {})
    description = (
        "Movie removed and all files were deleted"
        if payload.get("deletedFiles")
        else "Movie removed, files were not deleted"
    )
    embed = _film_embed(
        film,
        look,
        title=cut(str(film.get("title", "")), MAX_TITLE),
        description=description,
        color=Color.DANGER,
    )
    embed["fields"] = _fields([0], {0: ("Links", False)}, _common(film, movie))
    chosen = list(look.import_fields)
    _pictures(embed, film, ImportField.POSTER in chosen, ImportField.FANART in chosen)
    return embed


def file_deleted_embed(payload: Mapping[str, Any], look: Look) -> dict[str, Any]:
    """Radarr's OnMovieFileDelete embed: the reason (its enum name) and the file's path."""
    film, file = payload.get("movie", {}), payload.get("movieFile", {})
    reason = str(payload.get("deleteReason") or "")
    embed = _film_embed(
        film, look, title=_film_title(film), description="Movie File Deleted", color=Color.DANGER
    )
    embed["fields"] = [
        made
        for made in (
            field("Reason", reason[:1].upper() + reason[1:]),
            field("File name", f"```{file.get('path') or ''}```"),
        )
        if made is not None
    ]
    embed["timestamp"] = look.timestamp
    return embed


def renamed_embeds(payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Radarr's OnMovieRename embeds: one per file, "old renamed to new" (no author, colour or time)."""
    title = cut(str(payload.get("movie", {}).get("title", "")), MAX_TITLE)
    return [
        {
            "title": title,
            "description": cut(
                f"{f.get('previousRelativePath', '')} renamed to {f.get('relativePath', '')}", MAX_DESCRIPTION
            ),
            "color": 0,
        }
        for f in payload.get("renamedMovieFiles") or ()
    ]


def health_embed(payload: Mapping[str, Any], look: Look, *, restored: bool) -> dict[str, Any]:
    """Radarr's OnHealthIssue / OnHealthRestored embed."""
    source, message = str(payload.get("type", "")), str(payload.get("message", ""))
    if restored:
        title, description = (
            f"Health Issue Resolved: {source}",
            f"The following issue is now resolved: {message}",
        )
        color = Color.SUCCESS
    else:
        title, description = source, message
        color = Color.WARNING if payload.get("level") == "warning" else Color.DANGER
    return {
        "author": _author(look),
        "title": cut(title, MAX_TITLE),
        "description": cut(description, MAX_DESCRIPTION),
        "timestamp": look.timestamp,
        "color": int(color),
    }


def application_update_embed(payload: Mapping[str, Any], look: Look) -> dict[str, Any]:
    """Radarr's OnApplicationUpdate embed: the version before and the one now."""
    found = [
        field("Previous Version", str(payload.get("previousVersion", ""))),
        field("New Version", str(payload.get("newVersion", ""))),
    ]
    return {
        "author": _author(look),
        "title": "Application Updated",
        "timestamp": look.timestamp,
        "color": int(Color.STANDARD),
        "fields": [f for f in found if f is not None],
    }


def message(
    *, username: str, avatar: str, content: str | None = None, embeds: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    """Radarr's DiscordPayload: content and embeds; the username and avatar only when set."""
    found: dict[str, Any] = {}
    if content is not None:
        found["content"] = cut(content, MAX_CONTENT)
    if username.strip():
        found["username"] = username
    if avatar.strip():
        found["avatar_url"] = avatar
    if embeds:
        found["embeds"] = list(embeds)
    return found
