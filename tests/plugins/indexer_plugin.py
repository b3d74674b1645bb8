"""A third-party indexer, registered the way plugins register theirs: a plain torrent RSS address."""

from __future__ import annotations

from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.indexers.base import Indexer
from reelarr.indexers.requests import IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.rss import TorrentRssParser
from reelarr.plugins import PluginHost
from reelarr.providers.fields import setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.releases.model import DownloadProtocol, Release


class PluginFeedSettings(ProviderSettings):
    """Where the feed is."""

    feed_url: str = setting("", label="Feed URL", help="The address of the feed")

    def check(self) -> list[ValidationFailure]:
        """The address must be one."""
        return valid_root_url("feedUrl", self.feed_url, "Feed URL")


class PluginFeed(Indexer):
    """Reads a torrent feed whose enclosures are the downloads."""

    implementation = "PluginFeed"
    implementation_name = "Plugin Feed"
    settings_model = PluginFeedSettings
    protocol = DownloadProtocol.TORRENT
    supports_search: ClassVar[bool] = False

    async def rss_requests(self) -> RequestChain:
        """The feed itself."""
        chain = RequestChain()
        settings = self.definition.settings
        assert isinstance(settings, PluginFeedSettings)
        chain.add([IndexerRequest(settings.feed_url)])
        return chain

    def parse(self, response: IndexerResponse) -> list[Release]:
        """Plain torrent RSS with enclosures."""
        return TorrentRssParser(use_enclosure_url=True, use_enclosure_length=True).parse(response, self.stamp)


def setup(host: PluginHost) -> None:
    """Register the indexer."""
    host.indexers.register(PluginFeed)
