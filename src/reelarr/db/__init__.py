"""Database engine, sessions, the table base and migrations."""
