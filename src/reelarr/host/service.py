"""Settings → General as one page: read it, check all of it, then keep each part where it lives."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from collections.abc import Callable
from dataclasses import dataclass

from reelarr.auth.api_keys import API_KEY_FORM, ApiKeys
from reelarr.auth.credentials import MIN_PASSWORD_LENGTH, valid_username
from reelarr.auth.users import Users
from reelarr.configuration.backup import BackupConfig, backup_section
from reelarr.configuration.backup import check as check_backup
from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, EventsMissed
from reelarr.host.config import HostConfig, HostConfigChanged, check, python_level
from reelarr.host.startup import StartupConfig, StartupFile
from reelarr.settings import Settings


@dataclass(frozen=True, slots=True)
class Credentials:
    """The account shown on the page; an empty password leaves the password as it is."""

    username: str
    password: str = ""
    password_confirmation: str = ""


@dataclass(frozen=True, slots=True)
class GeneralSettings:
    """Everything on Settings → General."""

    host: HostConfig
    startup: StartupConfig
    backup: BackupConfig
    api_key: str
    username: str
    pending_restart: list[str]


def _credential_failures(credentials: Credentials, has_account: bool) -> list[ValidationFailure]:
    found: list[ValidationFailure] = []
    if credentials.username and not valid_username(credentials.username):
        found.append(
            ValidationFailure(
                "username",
                "Username must be 1 to 64 characters without spaces, / \\ or :",
                credentials.username,
            )
        )
    if not credentials.username and credentials.password:
        found.append(ValidationFailure("username", "'Username' must not be empty."))
    if credentials.password and len(credentials.password) < MIN_PASSWORD_LENGTH:
        found.append(
            ValidationFailure("password", f"Password must be at least {MIN_PASSWORD_LENGTH} characters long")
        )
    if credentials.username and not credentials.password and not has_account:
        found.append(ValidationFailure("password", "'Password' must not be empty."))
    if credentials.password != credentials.password_confirmation:
        found.append(ValidationFailure("passwordConfirmation", "Must match Password"))
    return found


def apply_log_levels(file_level: int, console_level: int) -> None:
    """Set the file's and the console's levels at once (the root logger lets the lower through)."""
    root = logging.getLogger()
    for handler in root.handlers:
        is_file = isinstance(handler, logging.FileHandler)
        handler.setLevel(file_level if is_file else console_level)
    root.setLevel(min(file_level, console_level))


class HostService:
    """Reads and saves Settings → General; the options that apply at once are applied on save."""

    def __init__(
        self,
        store: ConfigStore,
        bus: EventBus,
        settings: Settings,
        api_keys: ApiKeys,
        users: Users,
    ) -> None:
        self._settings = settings
        self._api_keys = api_keys
        self._users = users
        self._section: ConfigSection[HostConfig] = ConfigSection(
            store, bus, HostConfig, "host.", check, HostConfigChanged
        )
        self._backup = backup_section(store, bus)
        self.startup_file = StartupFile(settings.data_dir, StartupConfig.of(settings))
        self.current = HostConfig()
        self._listeners: list[Callable[[], None]] = []
        bus.subscribe(HostConfigChanged, self._on_changed, remote=True)
        bus.subscribe(EventsMissed, self._on_changed)

    @property
    def instance_name(self) -> str:
        """The name the installation shows and sends (the process setting until one is saved)."""
        return self.current.instance_name or self._settings.instance_name

    @property
    def application_url(self) -> str:
        """The public address used in notification links ("" when unset)."""
        return self.current.application_url

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener` whenever the options in force change (in this or another process)."""
        self._listeners.append(listener)

    async def load(self) -> None:
        """Read the options in force and apply them."""
        self.current = await self._section.get()
        self._apply()

    async def _on_changed(self, _event: Event) -> None:
        await self.load()

    def _apply(self) -> None:
        default = self._settings.log_level.lower()
        default = "warn" if default == "warning" else default
        file_level = self.current.log_level or default
        console_level = self.current.console_log_level or file_level
        # A process log level Radarr has no name for stays as configure_logging set it.
        with contextlib.suppress(KeyError):
            apply_log_levels(python_level(file_level), python_level(console_level))
        for listener in self._listeners:
            listener()

    async def get(self) -> GeneralSettings:
        """The whole page: options in force, the next start's options, and which of those await it."""
        users = await self._users.all()
        return GeneralSettings(
            host=await self._section.get(),
            startup=self.startup_file.next_start(),
            backup=await self._backup.get(),
            api_key=await self._api_keys.current(),
            username=users[0].username if users else "",
            pending_restart=self.startup_file.pending(),
        )

    async def save(
        self,
        host: HostConfig,
        startup: StartupConfig,
        backup: BackupConfig,
        api_key: str,
        credentials: Credentials,
    ) -> GeneralSettings:
        """Check every part first (a 400 naming each broken rule, nothing kept), then keep them all."""
        users = await self._users.all()
        found = [
            *check(host),
            *self.startup_file.check(startup),
            *check_backup(backup),
            *_credential_failures(credentials, bool(users)),
        ]
        key_changes = api_key != await self._api_keys.current()
        if key_changes and self._api_keys.is_fixed:
            found.append(
                ValidationFailure("apiKey", "The API key is set by REELARR_API_KEY; change it there instead")
            )
        elif key_changes and not API_KEY_FORM.match(api_key):
            found.append(ValidationFailure("apiKey", "The API key must be 20 to 64 letters or digits"))
        if found:
            raise ValidationFailed(found)
        if key_changes:
            await self._api_keys.replace(api_key)
        await self._save_credentials(
            credentials, users[0].id if users else None, users[0].username if users else ""
        )
        self.startup_file.save(startup)
        await self._backup.save(backup)
        await self._section.save(host)
        await self.load()
        return await self.get()

    async def _save_credentials(
        self, credentials: Credentials, user_id: int | None, current_name: str
    ) -> None:
        if user_id is None:
            if not credentials.username:
                return  # no account yet, and none asked for: the setup page creates the first
            await self._users.create(credentials.username, credentials.password, only_if_first=True)
            return
        if credentials.username and credentials.username != current_name:
            await self._users.rename(user_id, credentials.username)
        if credentials.password:
            await self._users.set_password(credentials.username or current_name, credentials.password)
