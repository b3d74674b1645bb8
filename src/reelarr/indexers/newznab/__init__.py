"""Newznab (usenet) and Torznab (torrent) indexers: the same API, two protocols."""
