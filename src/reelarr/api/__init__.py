"""HTTP: Radarr-compatible REST resources, the WebSocket, login pages and the UI's static files."""
