"""Settings → UI's options (Radarr's UiConfig), in the configuration store."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import Event, EventBus, shared
from reelarr.languages import language_by_id, tmdb_language

# The choices Radarr's UI offers, each of which Reelarr's UI writes dates with.
SHORT_DATE_FORMATS = ("MMM D YYYY", "DD MMM YYYY", "MM/D/YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD")
LONG_DATE_FORMATS = ("dddd, MMMM D YYYY", "dddd, D MMMM YYYY")
TIME_FORMATS = ("h(:mm)a", "HH:mm")
THEMES = ("auto", "dark", "light")


@shared("ui.config.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class UiConfigChanged(Event):
    """Settings → UI was saved; every process's TMDB client takes up the film information language."""


@dataclass(frozen=True, slots=True)
class UiConfig:
    """Radarr's UI options with its defaults, except the week, which Reelarr's calendar starts on Monday."""

    first_day_of_week: int = 1
    short_date_format: str = "MMM D YYYY"
    long_date_format: str = "dddd, MMMM D YYYY"
    time_format: str = "h(:mm)a"
    show_relative_dates: bool = True
    theme: str = "auto"
    movie_info_language: int = 1  # the Radarr language TMDB is asked for titles and overviews in


def _one_of(name: str, value: object, allowed: tuple[object, ...]) -> list[ValidationFailure]:
    if value in allowed:
        return []
    return [ValidationFailure(name, f"Must be one of: {', '.join(map(str, allowed))}", value)]


def check(config: UiConfig) -> list[ValidationFailure]:
    """Only the choices the UI knows how to show."""
    return [
        *_one_of("firstDayOfWeek", config.first_day_of_week, (0, 1)),
        *_one_of("shortDateFormat", config.short_date_format, SHORT_DATE_FORMATS),
        *_one_of("longDateFormat", config.long_date_format, LONG_DATE_FORMATS),
        *_one_of("timeFormat", config.time_format, TIME_FORMATS),
        *_one_of("theme", config.theme, THEMES),
        *_info_language(config.movie_info_language),
    ]


def _info_language(language_id: int) -> list[ValidationFailure]:
    language = language_by_id(language_id)
    if language is not None and tmdb_language(language) is not None:
        return []
    reason = "Must be a language TMDB translates into (a Radarr language with an ISO 639-1 code)"
    return [ValidationFailure("movieInfoLanguage", reason, language_id)]


def ui_section(store: ConfigStore, bus: EventBus) -> ConfigSection[UiConfig]:
    """Settings → UI in the configuration store."""
    return ConfigSection(store, bus, UiConfig, "ui.", check, UiConfigChanged)
