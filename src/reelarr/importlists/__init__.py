"""Import lists: the provider family of lists that add films to the library on their own (Radarr's Lists)."""
