"""The registry of remote services: one per process, created by app.py and passed around."""

from __future__ import annotations

import asyncio
import functools
import ssl
import time
from collections.abc import Mapping

import httpx

from reelarr import __version__
from reelarr.remote.breaker import ServiceState
from reelarr.remote.policy import Clock, ServicePolicy, Sleep
from reelarr.remote.service import RemoteService


def default_user_agent() -> str:
    """The User-Agent Reelarr sends everywhere."""
    return f"Reelarr/{__version__}"


@functools.cache
def tls_context(verify: bool = True) -> ssl.SSLContext:
    """The process's TLS context for `verify`: loading the CA bundle costs ~20 ms of CPU each time,
    and every client made its own (several per server start)."""
    return httpx.create_ssl_context(verify=verify)


def new_client(
    policy: ServicePolicy,
    *,
    user_agent: str | None = None,
    headers: Mapping[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    verify: bool = True,
) -> httpx.AsyncClient:
    """An httpx.AsyncClient with the policy's timeouts and Reelarr's User-Agent."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(policy.timeout, connect=policy.connect_timeout),
        headers={"User-Agent": user_agent or default_user_agent(), **(headers or {})},
        transport=transport,
        verify=tls_context(verify),
        follow_redirects=True,
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
    )


class RemoteRegistry:
    """Holds every named remote service and reports their states for the health page."""

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        clock: Clock = time.time,
        sleep: Sleep = asyncio.sleep,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._user_agent = user_agent or default_user_agent()
        self._clock = clock
        self._sleep = sleep
        self._transport = transport  # tests: one transport (e.g. httpx.MockTransport) for every service
        self._services: dict[str, RemoteService] = {}

    def service(
        self,
        name: str,
        policy: ServicePolicy | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
    ) -> RemoteService:
        """The service called `name`, created on first use; a new policy replaces the old one."""
        existing = self._services.get(name)
        if existing is not None:
            if policy is not None:
                existing.set_policy(policy)
            return existing
        policy = policy or ServicePolicy()
        client = new_client(
            policy,
            user_agent=self._user_agent,
            headers=headers,
            transport=transport or self._transport,
            verify=verify,
        )
        service = RemoteService(name, policy, client, clock=self._clock, sleep=self._sleep)
        self._services[name] = service
        return service

    @property
    def clock(self) -> Clock:
        """The clock every service of this registry uses."""
        return self._clock

    def get(self, name: str) -> RemoteService:
        """The existing service called `name` (KeyError if none)."""
        return self._services[name]

    def __contains__(self, name: object) -> bool:
        return name in self._services

    def states(self) -> list[ServiceState]:
        """Every service's state, sorted by name."""
        return [self._services[name].state() for name in sorted(self._services)]

    async def remove(self, name: str) -> None:
        """Forget a service (e.g. a deleted indexer) and close its connections."""
        service = self._services.pop(name, None)
        if service is not None:
            await service.client.aclose()

    async def aclose(self) -> None:
        """Close every client; call once at shutdown."""
        services, self._services = list(self._services.values()), {}
        for service in services:
            await service.client.aclose()
