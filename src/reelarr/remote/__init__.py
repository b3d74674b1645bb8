"""The one way out: every call to a remote service goes through a RemoteService of a RemoteRegistry.

remote = RemoteRegistry()                                   # once, in app.py
tmdb = remote.service("TMDB", ServicePolicy(rate_limit=RateLimit(20, burst=20)))
response = await tmdb.request("GET", url, params=...)       # timeouts, retries, breaker, rate limit
states = remote.states()                                    # for the health page
"""

from reelarr.remote.breaker import BackedOff, CircuitBreaker, ServiceState, ServiceStatus
from reelarr.remote.policy import BreakerPolicy, Clock, RateLimit, RetryPolicy, ServicePolicy, Sleep
from reelarr.remote.ratelimit import TokenBucket
from reelarr.remote.registry import RemoteRegistry, default_user_agent, new_client
from reelarr.remote.service import (
    IDEMPOTENT_METHODS,
    RemoteService,
    ResponseTooLarge,
    TransientFailure,
    describe_rejection,
    parse_retry_after,
)

__all__ = [
    "IDEMPOTENT_METHODS",
    "BackedOff",
    "BreakerPolicy",
    "CircuitBreaker",
    "Clock",
    "RateLimit",
    "RemoteRegistry",
    "RemoteService",
    "ResponseTooLarge",
    "RetryPolicy",
    "ServicePolicy",
    "ServiceState",
    "ServiceStatus",
    "Sleep",
    "TokenBucket",
    "TransientFailure",
    "default_user_agent",
    "describe_rejection",
    "new_client",
    "parse_retry_after",
]
