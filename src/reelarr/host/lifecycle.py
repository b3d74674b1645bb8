"""How the process ends when asked to over the API, and the exit codes service managers act on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# `reelarr serve` exit codes: 0 after a shutdown, RESTART_EXIT_CODE after a restart was
# asked for. The README's systemd unit (RestartForceExitStatus=) and a container's restart policy
# (on-failure) start the server again on the latter.
SHUTDOWN_EXIT_CODE = 0
RESTART_EXIT_CODE = 3


@dataclass
class Lifecycle:
    """Asks the HTTP server to stop gracefully and remembers the exit code to end with."""

    stop_server: Callable[[], None] | None = None
    exit_code: int = SHUTDOWN_EXIT_CODE
    requested: list[str] = field(default_factory=list)

    @property
    def can_stop(self) -> bool:
        """True when this process runs under `reelarr serve`, which can end it."""
        return self.stop_server is not None

    def request(self, action: str) -> None:
        """Stop the server (finishing requests, commands finished or requeued) and exit with the code."""
        assert self.stop_server is not None
        self.exit_code = RESTART_EXIT_CODE if action == "restart" else SHUTDOWN_EXIT_CODE
        self.requested.append(action)
        self.stop_server()
