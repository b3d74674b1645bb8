"""Notifications: the provider family that tells other programs what happened (Radarr's Connect)."""
