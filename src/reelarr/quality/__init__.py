"""Qualities, revisions and quality profiles (pure models; storage lives elsewhere)."""
