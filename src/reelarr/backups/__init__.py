"""Backups: one zip of the settings file and a portable copy of the database, and their restore."""
