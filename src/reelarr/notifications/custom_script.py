"""Radarr's CustomScript: a script of the user's run for each event, told of it by `radarr_*`
environment variables; its output goes to the debug log, a non-zero exit is a failure."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from dataclasses import dataclass
from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.notifications.base import Notification, NotificationFailed
from reelarr.notifications.model import RAISED_KINDS, EventKind, NotificationEvent
from reelarr.notifications.script_env import Env, base_env, event_env
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.model import ProviderMessage
from reelarr.providers.settings import ProviderSettings

log = logging.getLogger(__name__)

# Radarr's SystemFolders on Linux: a script may not be one of them or below one.
SYSTEM_FOLDERS = ("/bin", "/boot", "/lib", "/sbin", "/proc", "/usr/bin")
_OUTPUT_LINES = 20  # the last lines of a script's output kept for the debug log
_LINE_LENGTH = 300


class CustomScriptSettings(ProviderSettings):
    """The script to run (Radarr's CustomScriptSettings; its arguments are no longer supported)."""

    path: str = setting("", label="Path", type=FieldType.FILE_PATH)
    arguments: str = setting(
        "", label="Arguments", help="Arguments to pass to the script", hidden="hiddenIfNotSet"
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's validator: a valid path, outside the system folders, and no arguments."""
        failures: list[ValidationFailure] = []
        if not self.path.strip() or not os.path.isabs(self.path) or "\x00" in self.path:
            failures.append(ValidationFailure("path", f"Invalid Path: '{self.path}'", self.path))
        else:
            folder = _system_folder_of(self.path)
            if folder is not None:
                failures.append(
                    ValidationFailure("path", f"Must not be a descendant of '{folder}'", self.path)
                )
        if self.arguments:
            failures.append(
                ValidationFailure(
                    "arguments", "Arguments are no longer supported for custom scripts", self.arguments
                )
            )
        return failures


def _system_folder_of(path: str) -> str | None:
    normal = os.path.normpath(path)
    for folder in SYSTEM_FOLDERS:
        if normal == folder or normal.startswith(folder + os.sep):
            return folder
    return None


@dataclass(frozen=True, slots=True)
class ScriptRun:
    """How a run ended: its exit code and the last lines it printed."""

    exit_code: int
    output: list[str]


async def run_script(path: str, env: Env, limit_seconds: float) -> ScriptRun:
    """Run the script with Reelarr's environment plus `env`, stdout and stderr together; killed (with
    what it started) after `limit_seconds`. NotificationFailed when it cannot start or times out."""
    try:
        process = await asyncio.create_subprocess_exec(
            path,
            env={**os.environ, **env},
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # its own process group, so a timeout ends its children too
        )
    except OSError as error:
        raise NotificationFailed(f"Unable to run the script: {error.strerror or error}") from None
    try:
        async with asyncio.timeout(limit_seconds):
            output, _ = await process.communicate()
    except TimeoutError:
        _kill_group(process.pid)
        await process.wait()
        raise NotificationFailed(f"The script did not finish within {limit_seconds:g} s") from None
    except BaseException:
        _kill_group(process.pid)
        raise
    lines = output.decode("utf-8", "replace").splitlines()[-_OUTPUT_LINES:]
    return ScriptRun(process.returncode or 0, [line[:_LINE_LENGTH] for line in lines])


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


class CustomScript(Notification):
    """Runs the user's script for each event Radarr's CustomScript tells of (all of them)."""

    implementation: ClassVar[str] = "CustomScript"
    implementation_name: ClassVar[str] = "Custom Script"
    settings_model: ClassVar[type[ProviderSettings]] = CustomScriptSettings
    supported: ClassVar[frozenset[EventKind]] = RAISED_KINDS
    message: ClassVar[ProviderMessage | None] = ProviderMessage(
        "Testing will execute the script with the EventType set to Test, ensure your script handles "
        "this correctly",
        "warning",
    )
    timeout: ClassVar[float] = 300.0  # Radarr waits for ever; a hung script must not hold a task

    @classmethod
    def link(cls) -> str:
        """Radarr's link: the wiki's Connections section."""
        return "https://wiki.servarr.com/radarr/settings#connections"

    @property
    def settings(self) -> CustomScriptSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, CustomScriptSettings)
        return settings

    async def send(self, event: NotificationEvent) -> None:
        """Run the script for the event; NotificationFailed when it fails to run or exits non-zero."""
        env = event_env(event, self.context.instance_name, self.context.application_url)
        run = await self._run(env)
        if run.exit_code != 0:
            raise NotificationFailed(f"Script exited with code: {run.exit_code}")

    async def test(self) -> list[ValidationFailure]:
        """Radarr's test: the file exists, and the script run for the Test event exits with 0."""
        if not await asyncio.to_thread(os.path.isfile, self.settings.path):
            return [ValidationFailure("path", "File does not exist", self.settings.path)]
        env = base_env("Test", self.context.instance_name, self.context.application_url)
        try:
            run = await self._run(env)
        except NotificationFailed as error:
            return [ValidationFailure("", str(error))]
        if run.exit_code != 0:
            return [ValidationFailure("", f"Script exited with code: {run.exit_code}")]
        return []

    async def _run(self, env: Env) -> ScriptRun:
        path = self.settings.path
        log.debug("Executing external script: %s", path)
        run = await run_script(path, env, self.timeout)
        log.debug("Executed external script: %s - Status: %d", path, run.exit_code)
        if run.output:
            log.debug("Script Output: \n%s", "\n".join(run.output))
        return run
