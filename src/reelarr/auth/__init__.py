"""Users, sessions, API keys and login throttling."""
