"""Radarr's direct torrent indexers: HDBits, PassThePopcorn, FileList.io, IP Torrents, Nyaa,
TorrentPotato and plain torrent RSS feeds."""
