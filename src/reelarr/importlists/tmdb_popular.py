"""Radarr's TMDbPopularImport: TMDB's in-theaters, popular, top-rated or upcoming films (discover), with
Radarr's filter criteria (votes, certification, genres, companies). Radarr's original-language filter
is not offered."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import ClassVar

from pydantic import Field

from reelarr.errors import ValidationFailure
from reelarr.importlists.tmdb import TMDbImportBase
from reelarr.providers.fields import FieldType, enum_options, setting
from reelarr.providers.settings import ProviderSettings

THEATERS, POPULAR, TOP, UPCOMING = 1, 2, 3, 4
_LIST_TYPES = [(THEATERS, "In Theaters"), (POPULAR, "Popular"), (TOP, "Top Rated"), (UPCOMING, "Upcoming")]
_VOTE_AVERAGE = re.compile(r"^(?!0\d)\d*(\.\d)?$")
_VOTES = re.compile(r"^[1-9][0-9]*$")
_CERTIFICATION = re.compile(r"^(NR|G|PG|PG-13|R|NC-17)$", re.IGNORECASE)
_IDS = re.compile(r"^\d+([,|]\d+)*$")
_ID_FILTERS = {
    "include_genre_ids": ("includeGenreIds", "with_genres", "Genre Ids"),
    "exclude_genre_ids": ("excludeGenreIds", "without_genres", "Genre Ids"),
    "include_company_ids": ("includeCompanyIds", "with_companies", "Company Ids"),
    "exclude_company_ids": ("excludeCompanyIds", "without_companies", "Company Ids"),
}


class TMDbFilterSettings(ProviderSettings):
    """Radarr's TMDbFilterSettings (flattened to filterCriteria.<name>)."""

    min_vote_average: str = setting(
        "5", label="Minimum Vote Average", help="Filter movies by votes (0.0-10.0)"
    )
    min_votes: str = setting("1", label="Minimum Number of Votes", help="Filter movies by number of votes")
    certification: str = setting(
        "", label="Certification", help="Filter movies by a single certification (NR,G,PG,PG-13,R,NC-17)"
    )
    include_genre_ids: str = setting(
        "", label="Include Genre Ids", help="Filter movies by TMDb Genre Ids (Comma Separated)"
    )
    exclude_genre_ids: str = setting(
        "", label="Exclude Genre Ids", help="Filter movies by TMDb Genre Ids (Comma Separated)"
    )
    include_company_ids: str = setting(
        "", label="Include Company Ids", help="Filter movies by TMDb Company Ids (Comma Separated)"
    )
    exclude_company_ids: str = setting(
        "", label="Exclude Company Ids", help="Filter movies by TMDb Company Ids (Comma Separated)"
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbFilterSettingsValidator."""
        found = []
        prefix = "filterCriteria."
        average, votes = self.min_vote_average.strip(), self.min_votes.strip()
        if average and not (_VOTE_AVERAGE.match(average) and float(average) <= 10):
            found.append(
                ValidationFailure(
                    prefix + "minVoteAverage", "Minimum vote average must be between 0 and 10", average
                )
            )
        if votes and not _VOTES.match(votes):
            found.append(
                ValidationFailure(prefix + "minVotes", "Minimum votes must be greater than 0", votes)
            )
        if self.certification.strip() and not _CERTIFICATION.match(self.certification.strip()):
            found.append(
                ValidationFailure(prefix + "certification", "Not a valid certification", self.certification)
            )
        for attribute, (name, _param, label) in _ID_FILTERS.items():
            value = getattr(self, attribute).strip()
            if value and not _IDS.match(value):
                message = f"{label} must be comma (,) or pipe (|) separated number ids"
                found.append(ValidationFailure(prefix + name, message, value))
        return found

    def params(self) -> dict[str, str | int]:
        """The discover parameters these filters make."""
        params: dict[str, str | int] = {}
        if self.certification.strip():
            params |= {"certification": self.certification.strip(), "certification_country": "US"}
        if self.min_votes.strip():
            params["vote_count.gte"] = self.min_votes.strip()
        if self.min_vote_average.strip():
            params["vote_average.gte"] = self.min_vote_average.strip()
        for attribute, (_name, param, _label) in _ID_FILTERS.items():
            if getattr(self, attribute).strip():
                params[param] = getattr(self, attribute).strip()
        return params


class TMDbPopularSettings(ProviderSettings):
    """Which of TMDB's lists, and its filters."""

    tmdb_list_type: int = setting(
        POPULAR,
        label="List Type",
        type=FieldType.SELECT,
        options=enum_options(_LIST_TYPES),
        help="Type of list your seeking to import from",
        alias="tMDbListType",
    )
    filter_criteria: TMDbFilterSettings = Field(default_factory=TMDbFilterSettings)

    def check(self) -> list[ValidationFailure]:
        """A known list type and valid filters."""
        found = self.filter_criteria.check()
        if self.tmdb_list_type not in dict(_LIST_TYPES):
            found.append(ValidationFailure("tMDbListType", "Not a valid list type", self.tmdb_list_type))
        return found


class TMDbPopularImport(TMDbImportBase):
    """Three pages of TMDB's discover, as Radarr reads them."""

    implementation: ClassVar[str] = "TMDbPopularImport"
    implementation_name: ClassVar[str] = "TMDb Popular"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbPopularSettings
    max_pages: ClassVar[int | None] = 3

    def query(self) -> tuple[str, dict[str, str | int]]:
        """`/discover/movie` with the list type's dates or order and the filters."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbPopularSettings)
        today = self.context.today()
        params: dict[str, str | int] = {}
        if settings.tmdb_list_type == THEATERS:
            params = {
                "primary_release_date.gte": (today - timedelta(days=91)).isoformat(),
                "primary_release_date.lte": today.isoformat(),
            }
        elif settings.tmdb_list_type == POPULAR:
            params = {"sort_by": "popularity.desc"}
        elif settings.tmdb_list_type == TOP:
            params = {"sort_by": "vote_average.desc"}
        elif settings.tmdb_list_type == UPCOMING:
            params = {
                "primary_release_date.gte": today.isoformat(),
                "primary_release_date.lte": (today + timedelta(days=91)).isoformat(),
            }
        return "/discover/movie", params | settings.filter_criteria.params()
