"""The indexer family: Newznab, Torznab, HDBits, RSS feeds and Radarr's other direct indexers."""
