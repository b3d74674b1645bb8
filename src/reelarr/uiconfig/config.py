"""Settings → UI's options (Radarr's UiConfig), in the configuration store."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailure
from reelarr.events import EventBus

# The choices Radarr's UI offers, each of which Reelarr's UI writes dates with.
SHORT_DATE_FORMATS = ("MMM D YYYY", "DD MMM YYYY", "MM/D/YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD")
LONG_DATE_FORMATS = ("dddd, MMMM D YYYY", "dddd, D MMMM YYYY")
TIME_FORMATS = ("h(:mm)a", "HH:mm")
THEMES = ("auto", "dark", "light")


@dataclass(frozen=True, slots=True)
class UiConfig:
    """Radarr's UI options with its defaults, except the week, which Reelarr's calendar starts on Monday."""

    first_day_of_week: int = 1
    short_date_format: str = "MMM D YYYY"
    long_date_format: str = "dddd, MMMM D YYYY"
    time_format: str = "h(:mm)a"
    show_relative_dates: bool = True
    theme: str = "auto"


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
    ]


def ui_section(store: ConfigStore, bus: EventBus) -> ConfigSection[UiConfig]:
    """Settings → UI in the configuration store."""
    return ConfigSection(store, bus, UiConfig, "ui.", check)
