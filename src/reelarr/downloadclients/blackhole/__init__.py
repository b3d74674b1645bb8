"""Blackhole folders: releases are dropped in a folder another program watches."""
