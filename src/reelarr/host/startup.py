"""Settings → General options read when the server starts: kept in `config.toml` in the data dir.

The environment (`REELARR_*`) still wins over the file, so a value it sets cannot be changed here.
"""

from __future__ import annotations

import ipaddress
import os
import re
import ssl
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reelarr.errors import ValidationFailure
from reelarr.settings import CONFIG_FILE_NAME, Settings

_URL_BASE = re.compile(r"^(/[A-Za-z0-9._~-]+)*$")
_CAMEL = {
    "bind": "bindAddress",
    "port": "port",
    "url_base": "urlBase",
    "enable_ssl": "enableSsl",
    "ssl_port": "sslPort",
    "ssl_cert_path": "sslCertPath",
    "ssl_cert_password": "sslCertPassword",
}


@dataclass(frozen=True, slots=True)
class StartupConfig:
    """Where and how the server listens; a change takes effect at the next start."""

    bind: str
    port: int
    url_base: str
    enable_ssl: bool
    ssl_port: int
    ssl_cert_path: str
    ssl_cert_password: str

    @classmethod
    def of(cls, settings: Settings) -> StartupConfig:
        """The values a process started with."""
        password = settings.ssl_cert_password
        return cls(
            bind=settings.bind,
            port=settings.port,
            url_base=settings.url_base,
            enable_ssl=settings.enable_ssl,
            ssl_port=settings.ssl_port,
            ssl_cert_path=str(settings.ssl_cert_path or ""),
            ssl_cert_password=password.get_secret_value() if password else "",
        )


def normalise_url_base(value: str) -> str:
    """`reelarr/` and `/reelarr` both become `/reelarr`; blank stays blank."""
    value = value.strip().strip("/")
    return f"/{value}" if value else ""


def environment_name(field: str) -> str:
    """The environment variable that sets a field."""
    return f"REELARR_{field.upper()}"


class StartupFile:
    """Reads and writes the start-up options in the data dir's config.toml, other keys left as they are."""

    def __init__(self, data_dir: Path, running: StartupConfig) -> None:
        self.path = data_dir / CONFIG_FILE_NAME
        self._running = running

    def _stored(self) -> dict[str, Any]:
        if not self.path.is_file():
            return {}
        return tomllib.loads(self.path.read_text("utf-8"))

    def next_start(self) -> StartupConfig:
        """What the next start will use: the environment, else the file, else what runs now."""
        stored = self._stored()
        values = asdict(self._running)
        for field in fields(StartupConfig):
            if field.name in stored and environment_name(field.name) not in os.environ:
                values[field.name] = stored[field.name]
        values["ssl_cert_password"] = str(values["ssl_cert_password"])
        return StartupConfig(**values)

    def pending(self) -> list[str]:
        """The (camelCase) names whose next-start value differs from the running one."""
        upcoming = asdict(self.next_start())
        running = asdict(self._running)
        return [_CAMEL[name] for name in _CAMEL if upcoming[name] != running[name]]

    def check(self, wanted: StartupConfig) -> list[ValidationFailure]:
        """Radarr's rules, plus: a value the environment sets cannot be changed here."""
        found = _rules(wanted)
        current = asdict(self.next_start())
        for name, value in asdict(wanted).items():
            if value != current[name] and environment_name(name) in os.environ:
                found.append(
                    ValidationFailure(
                        _CAMEL[name], f"Set by {environment_name(name)}; change it there instead", value
                    )
                )
        return found

    def save(self, wanted: StartupConfig) -> None:
        """Write the options for the next start, atomically and readable by the owner only."""
        stored = self._stored()
        upcoming = asdict(self.next_start())
        for name, value in asdict(wanted).items():
            # Only what the file already holds or what changes: a value given on the command line
            # (`serve --port`) is not written down by saving another field.
            if environment_name(name) not in os.environ and (name in stored or value != upcoming[name]):
                stored[name] = value
        if not stored and not self.path.exists():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".toml.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(dump_toml(stored))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return f'"{text}"'


def dump_toml(values: dict[str, Any]) -> str:
    """A flat TOML document (strings, numbers, booleans and lists of them)."""
    return "".join(f"{key} = {_toml_value(value)}\n" for key, value in values.items())


def _valid_bind(value: str) -> bool:
    if value in ("localhost", "0.0.0.0", "::"):  # noqa: S104 - a choice the user makes knowingly
        return True
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _port_failure(name: str, value: int) -> list[ValidationFailure]:
    if 1 <= value <= 65535:
        return []
    return [
        ValidationFailure(name, "Must be between 1 and 65535", value, error_code="InclusiveBetweenValidator")
    ]


def certificate_problem(path: str, password: str) -> str | None:
    """Why the file is not a usable PEM certificate with its private key, or None when it is."""
    if not path:
        return "'SSL Cert Path' must not be empty."
    if not Path(path).is_file():
        return "File does not exist"
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(path, password=password or None)
    except (ssl.SSLError, OSError, ValueError):
        return "Invalid SSL certificate file or password (a PEM file holding the certificate and its key)"
    return None


def _rules(config: StartupConfig) -> list[ValidationFailure]:
    found: list[ValidationFailure] = []
    if not _valid_bind(config.bind):
        found.append(ValidationFailure("bindAddress", "Enter a valid IP address", config.bind))
    found += _port_failure("port", config.port)
    if not _URL_BASE.match(config.url_base):
        found.append(
            ValidationFailure("urlBase", "Must be a valid URL path, such as /radarr", config.url_base)
        )
    if config.enable_ssl:
        found += _port_failure("sslPort", config.ssl_port)
        if config.ssl_port == config.port:
            found.append(
                ValidationFailure("sslPort", "'SSL Port' must not be equal to 'Port'.", config.ssl_port)
            )
        problem = certificate_problem(config.ssl_cert_path, config.ssl_cert_password)
        if problem:
            found.append(ValidationFailure("sslCertPath", problem, config.ssl_cert_path))
    return found
