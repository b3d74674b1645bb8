"""Reelarr: a movie collection manager compatible with Radarr's API v3."""

# Kept equal to pyproject.toml's version by a test; a literal because reading the installed
# package's metadata costs every command ~60 ms before it does anything.
__version__ = "0.1.0"

# The Radarr API level Reelarr answers as: clients (Recyclarr, Prowlarr, arrapi) gate features on it.
RADARR_VERSION = "6.1.0.0"
