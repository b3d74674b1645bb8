"""Why a grab did not happen, in the three ways Radarr tells apart."""

from __future__ import annotations


class GrabFailed(Exception):
    """A grab did not happen; the message says why, for the user."""


class ReleaseUnavailable(GrabFailed):
    """The indexer no longer has the release or sent something unusable: try the next release."""


class NoDownloadClient(GrabFailed):
    """No enabled download client takes this protocol (or the indexer's named client is gone)."""


class ClientUnavailable(GrabFailed):
    """The chosen client could not be reached: releases of its protocol wait for the next run."""
