"""Fixtures of the notification tests: the webhook receiver."""

from tests.fixtures.webhook.server import receiver

__all__ = ["receiver"]
