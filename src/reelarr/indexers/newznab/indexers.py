"""The Newznab and Torznab indexers (Radarr's `Newznab` and `Torznab`)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, ClassVar, cast

from reelarr.errors import RemoteUnavailable, ValidationFailure
from reelarr.indexers.base import Indexer, redact
from reelarr.indexers.errors import IndexerError
from reelarr.indexers.newznab.caps import Capabilities, Category, parse_caps
from reelarr.indexers.newznab.parser import NewznabParser, TorznabParser, check_error
from reelarr.indexers.newznab.queries import rss_chain, search_chain
from reelarr.indexers.newznab.settings import NewznabSettings, TorznabSettings
from reelarr.indexers.requests import IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.rss import ParserCall
from reelarr.indexers.xml import parse_xml
from reelarr.providers.model import Preset
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.settings import warning as settings_warning
from reelarr.releases.model import DownloadProtocol, Release
from reelarr.releases.search import MovieSearch

log = logging.getLogger(__name__)
_IGNORED_CATEGORIES = frozenset({1000, 3000, 4000, 6000, 7000})  # not films
_UNIMPORTANT_CATEGORIES = frozenset({0, 5000})  # listed last
_DEFAULT_CATEGORIES = (
    Category(
        2000,
        "Movies",
        subcategories=tuple(
            Category(i, n)
            for i, n in (
                (2010, "Foreign"),
                (2020, "Other"),
                (2030, "SD"),
                (2040, "HD"),
                (2045, "UHD"),
                (2050, "BluRay"),
                (2060, "3D"),
            )
        ),
    ),
)
_JACKETT_ALL = ("/torznab/all", "/api/v2.0/indexers/all/results/torznab")
NO_MOVIE_SEARCH = (
    "This indexer does not support searching for movies :(. Tell your indexer staff to enable this or force "
    "add the indexer by disabling search, adding the indexer and then enabling it again."
)


def category_options(categories: tuple[Category, ...] | None) -> list[dict[str, Any]]:
    """The categories a form offers (Radarr's NewznabCategoryFieldOptionsConverter)."""
    listed = categories if categories else _DEFAULT_CATEGORIES
    options: list[dict[str, Any]] = []
    ordered = sorted(
        (c for c in listed if c.id not in _IGNORED_CATEGORIES),
        key=lambda c: (c.id in _UNIMPORTANT_CATEGORIES, c.id),
    )
    for category in ordered:
        options.append({"value": category.id, "name": category.name, "order": 0, "hint": f"({category.id})"})
        for sub in sorted(category.subcategories, key=lambda c: c.id):
            options.append(
                {
                    "value": sub.id,
                    "name": sub.name,
                    "order": 0,
                    "hint": f"({sub.id})",
                    "parentValue": category.id,
                }
            )
    return options


class NabIndexer(Indexer):
    """What Newznab and Torznab share: capabilities, queries and tests."""

    implementation_name: ClassVar[str]

    @property
    def settings(self) -> NewznabSettings:
        """The site's settings."""
        return cast(NewznabSettings, self.definition.settings)

    def _caps_key(self) -> tuple[str, ...]:
        s = self.settings
        return (type(s).__name__, s.base_url, s.api_path, s.api_key, s.additional_parameters)

    async def capabilities(self) -> Capabilities:
        """The site's capabilities, asked once a week."""
        return await self.context.caps.get(self._caps_key(), self._fetch_capabilities)

    async def _fetch_capabilities(self) -> Capabilities:
        s = self.settings
        url = f"{s.base_url.strip().rstrip('/')}{s.api_path.strip().rstrip('/')}?t=caps"
        if s.api_key.strip():
            url += "&apikey=" + s.api_key.strip()
        response = await self.send(IndexerRequest(url))
        if response.status != 200 and "xml" not in response.content_type.lower():
            response.ensure_ok()
        if response.is_html:
            raise IndexerError("Indexer responded with html content. Site is likely blocked or unavailable.")
        root = parse_xml(response.body, response.charset)
        check_error(root, response, torznab=self.protocol == DownloadProtocol.TORRENT)
        response.ensure_ok()
        return parse_caps(root)

    async def current_page_size(self) -> int:
        """The site's page size, or 100 when it cannot say."""
        try:
            return (await self.capabilities()).page_size
        except (IndexerError, RemoteUnavailable):
            return 100

    async def rss_requests(self) -> RequestChain:
        """The newest releases in the chosen categories."""
        caps = await self.capabilities()
        return rss_chain(self.settings, caps, caps.page_size)

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """One film, by id where the site can, else by title and year."""
        caps = await self.capabilities()
        return search_chain(self.settings, caps, caps.page_size, search)

    async def test(self) -> list[ValidationFailure]:
        """The connection test, then what Radarr checks of the capabilities."""
        failures = await super().test()
        if any(f.severity != "warning" for f in failures):
            return failures
        return failures + self._extra_checks() + await self._test_capabilities()

    def _extra_checks(self) -> list[ValidationFailure]:
        return []

    async def _test_capabilities(self) -> list[ValidationFailure]:
        try:
            caps = await self.capabilities()
        except (IndexerError, RemoteUnavailable) as error:
            text = redact(getattr(error, "message", str(error)), self.secrets())
            return [
                ValidationFailure(
                    "",
                    f"Unable to connect to indexer: {text}. Check the log surrounding this error for details",
                )
            ]
        unsupported = [c for c in self.settings.categories if c not in caps.category_ids()]
        if unsupported:
            log.warning("%s does not support categories %s", self.definition.name, unsupported)
            if len(unsupported) == len(self.settings.categories):
                return [
                    ValidationFailure(
                        "",
                        "This indexer does not support any of the selected categories! "
                        "(You may need to turn on advanced settings to see them)",
                    )
                ]
        if caps.supports_search or any(caps.supports_movie(p) for p in ("q", "tmdbid", "imdbid")):
            return []
        return [ValidationFailure("", NO_MOVIE_SEARCH)]

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """`newznabCategories`: the categories the site offers, for the form."""
        if name != "newznabCategories":
            return await super().action(name, query)
        categories = None
        if self.settings.base_url.strip() and self.settings.api_path.strip():
            try:
                categories = (await self.capabilities()).categories
            except (IndexerError, RemoteUnavailable) as error:
                log.info(
                    "Using the default categories for %s: %s", self.definition.name, type(error).__name__
                )
        return {"options": category_options(categories)}


class Newznab(NabIndexer):
    """A Newznab usenet indexer."""

    implementation = "Newznab"
    implementation_name = "Newznab"
    settings_model = NewznabSettings
    protocol = DownloadProtocol.USENET

    @classmethod
    def presets(cls) -> list[Preset]:
        """Radarr's known Newznab sites."""
        sites: list[tuple[str, dict[str, Any]]] = [
            ("DOGnzb", {"base_url": "https://api.dognzb.cr"}),
            ("DrunkenSlug", {"base_url": "https://drunkenslug.com"}),
            ("Nzb.su", {"base_url": "https://api.nzb.su"}),
            ("NZBCat", {"base_url": "https://nzb.cat"}),
            (
                "NZBFinder.ws",
                {"base_url": "https://nzbfinder.ws", "categories": [2030, 2040, 2045, 2050, 2060, 2070]},
            ),
            ("NZBgeek", {"base_url": "https://api.nzbgeek.info"}),
            ("nzbplanet.net", {"base_url": "https://api.nzbplanet.net"}),
            ("SimplyNZBs", {"base_url": "https://simplynzbs.com"}),
            ("Tabula Rasa", {"base_url": "https://www.tabula-rasa.pw", "api_path": "/api/v1/api"}),
            ("Usenet Crawler", {"base_url": "https://www.usenet-crawler.com"}),
        ]
        return [_preset(name, NewznabSettings(**values)) for name, values in sites]

    def parse(self, response: IndexerResponse) -> list[Release]:
        """A Newznab feed."""
        return self.feed_parse()(response)

    def feed_parse(self) -> ParserCall:
        """The Newznab reader with this indexer's stamp."""
        return ParserCall(NewznabParser, self.stamp)


class Torznab(NabIndexer):
    """A Torznab torrent indexer (Jackett, Prowlarr and the like)."""

    implementation = "Torznab"
    implementation_name = "Torznab"
    settings_model = TorznabSettings
    protocol = DownloadProtocol.TORRENT

    @classmethod
    def presets(cls) -> list[Preset]:
        """Radarr's Jackett example."""
        url = "http://localhost:9117/api/v2.0/indexers/YOURINDEXER/results/torznab/"
        return [_preset("Jackett", TorznabSettings(base_url=url))]

    def parse(self, response: IndexerResponse) -> list[Release]:
        """A Torznab feed."""
        return self.feed_parse()(response)

    def feed_parse(self) -> ParserCall:
        """The Torznab reader with this indexer's stamp."""
        return ParserCall(TorznabParser, self.stamp)

    def _extra_checks(self) -> list[ValidationFailure]:
        s = self.settings
        if any(marker in value.lower() for marker in _JACKETT_ALL for value in (s.api_path, s.base_url)):
            message = "Jackett's all endpoint is not supported, please add indexers individually"
            return [settings_warning("apiPath", message)]
        return []


def _preset(name: str, settings: ProviderSettings) -> Preset:
    return Preset(
        name=name,
        settings=settings,
        options={"enableRss": False, "enableAutomaticSearch": False, "enableInteractiveSearch": False},
    )
