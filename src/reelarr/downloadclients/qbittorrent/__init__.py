"""qBittorrent through its Web API (qbittorrent-api)."""
