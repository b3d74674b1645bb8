"""`reelarr import-radarr`: bring a running Radarr's settings and library over through its v3 API."""
