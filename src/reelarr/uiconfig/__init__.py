"""Settings → UI: the theme and how dates and times are written, for every browser of the installation."""
