"""The decision log: why each release of each film was taken or refused, kept for 30 days."""
