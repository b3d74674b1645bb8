"""Releases as indexers report them, and what a search asks for: pure data, no I/O (the decision
engine imports this without importing any indexer)."""
