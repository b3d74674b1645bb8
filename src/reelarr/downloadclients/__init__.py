"""Download clients: the provider family that takes grabbed releases (qBittorrent, Transmission)."""
