"""Blocklist: releases that failed or were refused, never to be grabbed again for their film."""
