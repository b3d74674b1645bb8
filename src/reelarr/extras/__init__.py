"""Extra files beside a film's video: subtitles and other files the user asked to keep (Radarr's Extras)."""
