"""Newznab's and Torznab's settings, field for field as Radarr's NewznabSettings and TorznabSettings."""

from __future__ import annotations

import re
from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.indexers.settings import (
    SeedCriteriaSettings,
    fail_downloads,
    minimum_seeders,
    multi_languages,
    reject_blocklisted_hashes,
    required_flags,
    seed_criteria,
)
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_root_url, valid_url_base

DEFAULT_CATEGORIES = [2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060]
_ADDITIONAL_PARAMETERS = re.compile(r"(&.+?=.+?)+")
# Sites that never answer without a key (Radarr's list).
_KEY_REQUIRED = ("nzbs.org", "nzb.su", "dognzb.cr", "nzbplanet.net", "nzbid.org", "nzbndx.com", "nzbindex.in")


class NewznabSettings(ProviderSettings):
    """A Newznab site: its address, API path and key, and the categories to search."""

    base_url: str = setting("", label="URL")
    api_path: str = setting("/api", label="API Path", help="Path to the api, usually /api", advanced=True)
    api_key: str = setting("", label="API Key", privacy=Privacy.API_KEY)
    categories: list[int] = setting(
        label="Categories",
        type=FieldType.SELECT,
        options_action="newznabCategories",
        help="Drop down list, at least one category must be selected.",
        default_factory=lambda: list(DEFAULT_CATEGORIES),
    )
    additional_parameters: str = setting(
        "", label="Additional Parameters", help="Additional Newznab parameters", advanced=True
    )
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    remove_year: bool = setting(
        False,
        label="Remove year from search query",
        type=FieldType.CHECKBOX,
        help="Should Reelarr remove the year after the title when searching this indexer?",
        advanced=True,
    )

    key_required_sites: ClassVar[tuple[str, ...]] = _KEY_REQUIRED

    def check(self) -> list[ValidationFailure]:
        """Radarr's NewznabSettingsValidator."""
        found: list[ValidationFailure] = []
        if not self.categories:
            found.append(ValidationFailure("categories", "'Categories' must be provided"))
        found += valid_root_url("baseUrl", self.base_url, "URL")
        found += valid_url_base("apiPath", self.api_path, "/api")
        if any(site in (self.base_url or "").lower() for site in self.key_required_sites):
            found += not_empty("apiKey", self.api_key, "API Key")
        if self.additional_parameters.strip() and not _ADDITIONAL_PARAMETERS.search(
            self.additional_parameters
        ):
            found.append(
                ValidationFailure(
                    "additionalParameters",
                    "'Additional Parameters' is not in the correct format.",
                    self.additional_parameters,
                )
            )
        return found


class TorznabSettings(NewznabSettings):
    """A Torznab site (Jackett, Prowlarr, ...): Newznab's settings plus the torrent ones."""

    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    required_flags: list[int] = required_flags()

    key_required_sites: ClassVar[tuple[str, ...]] = ()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TorznabSettingsValidator."""
        return super().check() + self.seed_criteria.check()
