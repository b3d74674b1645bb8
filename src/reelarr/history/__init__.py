"""History: what happened to each film's releases and files (grabbed, imported, failed, ...)."""
