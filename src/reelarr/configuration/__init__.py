"""Settings kept in the database (shared by every process), as opposed to process settings."""
