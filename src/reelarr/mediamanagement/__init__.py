"""Settings → Media Management: how files are imported, upgraded and kept."""
