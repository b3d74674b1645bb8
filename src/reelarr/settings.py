"""Process settings: environment variables `REELARR_*`, then `config.toml` in the data dir, then defaults."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

CONFIG_FILE_NAME = "config.toml"
_API_KEY_PATTERN = re.compile(r"^[A-Za-z0-9]{20,64}$")


# The largest backup upload any installation may allow (`max_backup_upload_bytes` is checked below it).
BACKUP_UPLOAD_CEILING = 64 * 1024**3


class _DataDirTomlSource(PydanticBaseSettingsSource):
    """Reads `config.toml` from the data dir chosen by the init arguments or the environment."""

    def __init__(self, settings_cls: type[BaseSettings], data_dir: Path) -> None:
        super().__init__(settings_cls)
        path = data_dir / CONFIG_FILE_NAME
        self._values: dict[str, Any] = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self._values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._values.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    """Everything a Reelarr process needs to know before it opens its database."""

    model_config = SettingsConfigDict(env_prefix="REELARR_", extra="ignore", validate_default=True)

    data_dir: Path = Field(Path("data"), description="Where the database, logs and caches live.")
    port: int = Field(7878, ge=1, le=65535)
    bind: str = Field(
        "127.0.0.1", description="Address to listen on; 0.0.0.0 exposes Reelarr to the network."
    )
    database_url: str | None = Field(None, description="sqlite:///path or postgresql://user@host/db.")
    api_key: SecretStr | None = Field(None, description="Fixed API key; generated and stored when unset.")
    url_base: str = Field("", description="Path prefix when served behind a reverse proxy, e.g. /reelarr.")
    enable_ssl: bool = Field(False, description="Also serve HTTPS on ssl_port.")
    ssl_port: int = Field(9898, ge=1, le=65535)
    ssl_cert_path: Path | None = Field(None, description="A PEM file holding the certificate and its key.")
    ssl_cert_password: SecretStr | None = Field(None, description="Password of the key in ssl_cert_path.")
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Addresses or networks of reverse proxies whose X-Forwarded-* headers are believed.",
    )
    instance_name: str = "Reelarr"
    admin_user: str | None = None
    admin_password: SecretStr | None = None
    log_level: str = "info"
    log_file: Path | None = Field(None, description="Defaults to logs/reelarr.log in the data dir.")
    metrics_anonymous: bool = Field(False, description="Serve /metrics without authentication.")
    run_commands: bool = Field(True, description="Run the command queue and scheduler in this process.")
    command_workers: int = Field(3, ge=1, le=32)
    command_poll_seconds: float = Field(1.0, gt=0)
    download_watch_seconds: float = Field(
        2.0, gt=0, description="How often the download clients are read while a download is under way."
    )
    scheduler_interval_seconds: float = Field(30.0, gt=0)
    worker_heartbeat_seconds: float = Field(5.0, gt=0)
    worker_stale_seconds: float = Field(30.0, gt=0)
    command_max_attempts: int = Field(5, ge=1)
    command_retry_base_seconds: float = Field(2.0, gt=0)
    command_retry_max_seconds: float = Field(600.0, gt=0)
    health_notification_grace_seconds: float = Field(
        900.0,
        ge=0,
        description="Notifications are told of health issues only this long after start (Radarr's grace).",
    )
    max_request_body_bytes: int = Field(10 * 1024 * 1024, ge=1024)
    max_backup_upload_bytes: int = Field(
        1024**3,
        ge=1024,
        le=BACKUP_UPLOAD_CEILING,
        description="The largest backup zip System → Backup's upload restores (streamed to the data dir).",
    )
    session_days: int = Field(7, ge=1, description="A session ends after this many days without use.")
    login_max_failures: int = Field(
        5, ge=1, description="Failed logins for one account from one address before it must wait."
    )
    login_max_address_failures: int = Field(
        20, ge=1, description="Failed logins from one address, for any accounts, before it must wait."
    )
    login_window_seconds: int = Field(900, ge=1)
    tmdb_api_key: SecretStr | None = Field(None, description="TMDB v3 API key or v4 read access token.")
    tmdb_api_url: str | None = Field(
        None, description="TMDB's API address (default https://api.themoviedb.org/3)."
    )
    tmdb_image_url: str | None = Field(None, description="TMDB's image address (default image.tmdb.org).")
    notifiarr_url: str | None = Field(
        None, description="Notifiarr's API address (default https://notifiarr.com)."
    )
    telegram_api_url: str | None = Field(
        None,
        description="Telegram's Bot API address for the Telegram notification (default https://api.telegram.org).",
    )
    imdb_url: str | None = Field(
        None,
        description="IMDb's address the IMDb list import reads list exports from (default https://www.imdb.com).",
    )
    trakt_api_url: str | None = Field(
        None, description="Trakt's API address for the Trakt import lists (default https://api.trakt.tv)."
    )
    trakt_client_id: str | None = Field(
        None, description="Client id of the Trakt application the Trakt import lists sign in with."
    )
    trakt_client_secret: SecretStr | None = Field(
        None, description="Client secret of the Trakt application the Trakt import lists sign in with."
    )
    simkl_api_url: str | None = Field(
        None, description="Simkl's API address for the Simkl import list (default https://api.simkl.com)."
    )
    simkl_client_id: str | None = Field(
        None, description="Client id of the Simkl application the Simkl import list signs in with."
    )
    plex_tv_url: str | None = Field(
        None, description="plex.tv's address for the Plex watchlist list's sign-in (default https://plex.tv)."
    )
    plex_discover_url: str | None = Field(
        None,
        description="Plex's discover provider the Plex watchlist list reads (default https://discover.provider.plex.tv).",
    )
    pushover_api_url: str | None = Field(
        None,
        description="Pushover's API address for the Pushover notification (default https://api.pushover.net).",
    )
    indexer_timeout_seconds: float = Field(
        30.0, gt=0, description="Seconds an indexer may take per request (a whole search: twice that)."
    )
    import_list_timeout_seconds: float = Field(
        30.0, gt=0, description="Seconds an import list may take to answer."
    )
    indexer_request_interval_seconds: float | None = Field(
        None,
        ge=0,
        description="Seconds between two requests to one indexer (default: Radarr's, 2 s; PTP 4 s).",
    )
    feed_parse_workers: int | None = Field(
        None,
        ge=0,
        le=8,
        description="Worker processes that read big indexer answers beside the server, on other cores "
        "(default: 2 on a machine with two or more cores, else 0, reading them in the server).",
    )
    plugins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Extra modules to load, by import name."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        data_dir = init_settings().get("data_dir") or os.environ.get("REELARR_DATA_DIR") or "data"
        return init_settings, env_settings, _DataDirTomlSource(settings_cls, Path(data_dir))

    @field_validator("url_base")
    @classmethod
    def _normalise_url_base(cls, value: str) -> str:
        value = value.strip().strip("/")
        return f"/{value}" if value else ""

    @field_validator("api_key")
    @classmethod
    def _check_api_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not _API_KEY_PATTERN.match(value.get_secret_value()):
            raise ValueError("must be 20 to 64 letters or digits")
        return value

    @field_validator("plugins", "trusted_proxies", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [p.strip() for p in value.split(",") if p.strip()]
        return value

    @property
    def resolved_database_url(self) -> str:
        """The database URL to use, SQLite in the data dir unless one was given."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'reelarr.db').resolve()}"

    @property
    def resolved_log_file(self) -> Path:
        """The rotating log file's path."""
        return self.log_file or self.data_dir / "logs" / "reelarr.log"
