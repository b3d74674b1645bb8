"""Root folders (where the library lives), disk space, and the folder picker's file-system browser."""
