"""rTorrent: its XML-RPC, its torrents and the client Radarr calls RTorrent."""
