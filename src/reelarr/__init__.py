"""Reelarr: a movie collection manager compatible with Radarr's API v3."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reelarr")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

# The Radarr API level Reelarr answers as: clients (Recyclarr, Prowlarr, arrapi) gate features on it.
RADARR_VERSION = "6.1.0.0"
