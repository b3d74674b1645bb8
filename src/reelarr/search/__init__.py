"""Searching: RSS syncs and searches turn indexers' releases into decisions about the library's films."""
