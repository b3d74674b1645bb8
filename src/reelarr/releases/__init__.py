"""Releases as indexers report them: the plain data the decision engine, search and grabbing share."""
