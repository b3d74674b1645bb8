"""Remote path mappings: where a download client's paths are on this machine."""
