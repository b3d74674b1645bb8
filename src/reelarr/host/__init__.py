"""Settings → General: how the server is reached, secured and logged, and its restart and shutdown."""
