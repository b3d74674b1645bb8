"""Radarr's movie collections: the TMDB collections of the library's films, monitored to add their films."""
