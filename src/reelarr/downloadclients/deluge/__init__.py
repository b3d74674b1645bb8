"""Deluge through its Web UI's JSON-RPC API (deluge-web), as Radarr talks to it."""
