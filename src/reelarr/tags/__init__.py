"""Tags: labels that tie movies to indexers, download clients, notifications and lists."""
