"""Renaming a film's existing files to what the naming settings say (Radarr's RenameMovieFileService)."""
