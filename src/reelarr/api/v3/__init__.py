"""REST resources under /api/v3, compatible with Radarr's API v3."""
