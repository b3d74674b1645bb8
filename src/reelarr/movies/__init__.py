"""Movies in the library: what they are (TMDB), what the user wants of them, where they live."""
