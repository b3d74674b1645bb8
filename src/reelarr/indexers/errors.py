"""What can go wrong with an indexer's answer, worded for the user."""

from __future__ import annotations

from datetime import timedelta


class IndexerError(Exception):
    """The indexer answered, but not with what was asked for (an error, HTML, a broken feed)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ApiKeyInvalid(IndexerError):
    """The indexer refused the API key (or wants one)."""


class RequestLimitReached(IndexerError):
    """The indexer's query or download limit is reached; it asks to wait."""

    def __init__(self, message: str, retry_after: timedelta | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def __reduce__(self) -> tuple[type[RequestLimitReached], tuple[str, timedelta | None]]:
        # Pickled whole: a page read in a worker process raises it in the server.
        return type(self), (self.message, self.retry_after)


class UnsupportedFeed(IndexerError):
    """The feed lacks what Reelarr needs (a publish date, a download link) or is of the wrong kind."""


class UnsafeFeed(IndexerError):
    """The answer tried something hostile (XML entities, a bomb) and was refused unread."""


class IndexerRejected(IndexerError):
    """The indexer answered with an error status (401, 403, 404...)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

    def __reduce__(self) -> tuple[type[IndexerRejected], tuple[int, str]]:
        return type(self), (self.status, self.message)
