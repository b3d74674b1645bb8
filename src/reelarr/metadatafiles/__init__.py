"""Metadata files for media centres (Radarr's Extras/Metadata): the "metadata" provider family, its
writers (Kodi's .nfo and images), and the service that writes them on import and refresh."""
