"""Delay profiles: how long to wait for a better release, per protocol and per tag."""
