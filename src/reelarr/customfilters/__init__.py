"""The UI's saved filters (Radarr's custom filters): a label and the filter conditions of one list."""
