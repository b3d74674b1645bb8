"""Naming: the stored naming settings and the folder and file names built from them (Radarr's Organizer)."""
