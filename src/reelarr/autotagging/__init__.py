"""Auto tagging: rules that tag films (and untag them) by what the films are (Radarr's AutoTagging)."""
