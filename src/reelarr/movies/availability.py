"""When a film counts as announced, in cinemas or released, and when it may be grabbed."""

from __future__ import annotations

from datetime import date, timedelta

from reelarr.movies.model import MinimumAvailability, MovieStatus

# Without digital or physical dates, a film counts as released this long after its cinema date.
ASSUMED_RELEASE_AFTER_CINEMAS = timedelta(days=90)


def movie_status(
    *, in_cinemas: date | None, digital: date | None, physical: date | None, tmdb_status: str, today: date
) -> MovieStatus:
    """The film's status on `today`, from its release dates (and TMDB's word when it has no dates)."""
    if (physical and physical <= today) or (digital and digital <= today):
        return MovieStatus.RELEASED
    if in_cinemas and in_cinemas < today:
        if not physical and not digital and in_cinemas + ASSUMED_RELEASE_AFTER_CINEMAS < today:
            return MovieStatus.RELEASED
        return MovieStatus.IN_CINEMAS
    if in_cinemas or digital or physical:
        return MovieStatus.ANNOUNCED
    if tmdb_status.lower() == "released":
        return MovieStatus.RELEASED
    return MovieStatus.TBA


def available_from(
    minimum: MinimumAvailability, *, in_cinemas: date | None, digital: date | None, physical: date | None
) -> date | None:
    """The first day the film may be grabbed; None when never (no date to go by)."""
    if minimum in (MinimumAvailability.TBA, MinimumAvailability.ANNOUNCED):
        return date.min
    if minimum == MinimumAvailability.IN_CINEMAS and in_cinemas:
        return in_cinemas
    home = [d for d in (digital, physical) if d is not None]
    if home:
        return min(home)
    return in_cinemas + ASSUMED_RELEASE_AFTER_CINEMAS if in_cinemas else None


def is_available(
    minimum: MinimumAvailability,
    *,
    in_cinemas: date | None,
    digital: date | None,
    physical: date | None,
    today: date,
    delay_days: int = 0,
) -> bool:
    """Whether the film has reached its minimum availability (plus a delay) by `today`."""
    start = available_from(minimum, in_cinemas=in_cinemas, digital=digital, physical=physical)
    if start is None:
        return False
    if start == date.min:
        return True
    return today >= start + timedelta(days=delay_days)
