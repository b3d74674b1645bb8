"""SABnzbd through its HTTP API (`/api?mode=...&output=json`)."""
