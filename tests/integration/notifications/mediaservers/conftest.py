"""The fixture media servers for these tests (the library and sample media come from the parent)."""

from tests.fixtures.mediaservers.emby import emby
from tests.fixtures.mediaservers.kodi import kodi
from tests.fixtures.mediaservers.plex import plex

__all__ = ["emby", "kodi", "plex"]
