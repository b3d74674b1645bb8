"""Movie files on disk: media info, folder scans, sample detection and quality from media info."""
