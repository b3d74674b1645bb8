"""Health checks: what is wrong, said plainly, for the health page and the API."""
