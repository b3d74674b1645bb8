"""Release profiles: terms a release title must contain or must not contain, per tag and indexer."""
