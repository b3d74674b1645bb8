"""/api/v3/config/host: Settings → General (Radarr's HostConfigResource)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.configuration.backup import BackupConfig
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.host.config import HostConfig
from reelarr.host.service import Credentials, GeneralSettings
from reelarr.host.startup import StartupConfig, normalise_url_base
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/host", tags=["HostConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]
MASK = "********"

# Radarr options Reelarr does not have: answered with the one value Reelarr works by, and refused
# (400 with the reason) when a client asks for another, so that nothing is stored without effect.
FIXED: dict[str, tuple[Any, str]] = {
    "launch_browser": (False, "Reelarr does not open a browser"),
    "authentication_method": ("forms", "Reelarr signs in with forms (a login page) and the API key"),
    "analytics_enabled": (False, "Reelarr sends no analytics"),
    "log_size_limit": (10, "Log files rotate at 10 MB"),
    "branch": ("main", "Reelarr is upgraded with its package manager or image, not by branch"),
    "update_automatically": (False, "Reelarr is upgraded with its package manager or image"),
    "update_mechanism": ("external", "Reelarr is upgraded with its package manager or image"),
    "update_script_path": ("", "Reelarr runs no update script"),
    "proxy_enabled": (False, "Reelarr does not send its requests through a proxy"),
    "proxy_type": ("http", "Reelarr does not send its requests through a proxy"),
    "proxy_hostname": ("", "Reelarr does not send its requests through a proxy"),
    "proxy_port": (8080, "Reelarr does not send its requests through a proxy"),
    "proxy_username": ("", "Reelarr does not send its requests through a proxy"),
    "proxy_password": ("", "Reelarr does not send its requests through a proxy"),
    "proxy_bypass_filter": ("", "Reelarr does not send its requests through a proxy"),
    "proxy_bypass_local_addresses": (True, "Reelarr does not send its requests through a proxy"),
    "certificate_validation": ("enabled", "Reelarr always checks the certificates of the sites it calls"),
    "trust_cgnat_ip_addresses": (False, "Reelarr treats no address as local"),
}


class HostConfigResource(Resource):
    """Radarr's HostConfigResource; fields a client leaves out keep their stored values.

    `password` is never sent back (blank: unchanged), `sslCertPassword` is masked, and
    `pendingRestart` names the saved options that take effect at the next start.
    """

    id: int = 1
    bind_address: str | None = None
    port: int | None = None
    ssl_port: int | None = None
    enable_ssl: bool | None = None
    launch_browser: bool | None = None
    authentication_method: str | None = None
    authentication_required: str | None = None
    analytics_enabled: bool | None = None
    username: str | None = None
    password: str | None = None
    password_confirmation: str | None = None
    log_level: str | None = None
    log_size_limit: int | None = None
    console_log_level: str | None = None
    branch: str | None = None
    api_key: str | None = None
    ssl_cert_path: str | None = None
    ssl_cert_password: str | None = None
    url_base: str | None = None
    instance_name: str | None = None
    application_url: str | None = None
    update_automatically: bool | None = None
    update_mechanism: str | None = None
    update_script_path: str | None = None
    proxy_enabled: bool | None = None
    proxy_type: str | None = None
    proxy_hostname: str | None = None
    proxy_port: int | None = None
    proxy_username: str | None = None
    proxy_password: str | None = None
    proxy_bypass_filter: str | None = None
    proxy_bypass_local_addresses: bool | None = None
    certificate_validation: str | None = None
    backup_folder: str | None = None
    backup_interval: int | None = None
    backup_retention: int | None = None
    trust_cgnat_ip_addresses: bool | None = None
    pending_restart: list[str] | None = None


def _resource(page: GeneralSettings, log_level: str) -> HostConfigResource:
    host, startup = page.host, page.startup
    return HostConfigResource(
        bind_address=startup.bind,
        port=startup.port,
        ssl_port=startup.ssl_port,
        enable_ssl=startup.enable_ssl,
        authentication_required=host.authentication_required,
        username=page.username,
        password="",
        password_confirmation="",
        log_level=host.log_level or log_level,
        console_log_level=host.console_log_level,
        api_key=page.api_key,
        ssl_cert_path=startup.ssl_cert_path,
        ssl_cert_password=MASK if startup.ssl_cert_password else "",
        url_base=startup.url_base,
        instance_name=host.instance_name,
        application_url=host.application_url,
        backup_folder=page.backup.folder,
        backup_interval=page.backup.interval,
        backup_retention=page.backup.retention,
        pending_restart=page.pending_restart,
        **{name: value for name, (value, _) in FIXED.items()},
    )


def _process_log_level(services: Services) -> str:
    level = services.settings.log_level.lower()
    return "warn" if level == "warning" else level


def _fixed_failures(body: HostConfigResource) -> list[ValidationFailure]:
    found = []
    for name, (value, reason) in FIXED.items():
        sent = getattr(body, name)
        if sent is None:
            continue
        same = sent.lower() == value if isinstance(sent, str) and isinstance(value, str) else sent == value
        if not same:
            camel = HostConfigResource.model_fields[name].alias or name
            found.append(ValidationFailure(camel, reason, sent))
    return found


def _merge(current: Any, body: HostConfigResource, names: dict[str, str]) -> Any:
    sent = {field: getattr(body, attr) for field, attr in names.items() if getattr(body, attr) is not None}
    return replace(current, **sent)


@router.get("")
async def get_host_config(services: ServicesDep) -> HostConfigResource:
    """Settings → General as it is saved."""
    return _resource(await services.host.get(), _process_log_level(services))


@router.get("/{id}")
async def get_host_config_by_id(id: int, services: ServicesDep) -> HostConfigResource:
    """Settings → General (there is one, whatever the id)."""
    return await get_host_config(services)


@put_with_optional_id(router, "", status_code=202)
async def save_host_config(
    services: ServicesDep, body: Annotated[HostConfigResource, Body()], id: int | None = None
) -> HostConfigResource:
    """Save the page; a 400 in Radarr's shape naming every broken rule, and nothing saved, when one is."""
    failures = _fixed_failures(body)
    if failures:
        raise ValidationFailed(failures)
    page = await services.host.get()
    if body.bind_address == "*":
        body.bind_address = "0.0.0.0"  # noqa: S104 - Radarr's "*" is every interface, as the user chose
    if body.url_base is not None:
        body.url_base = normalise_url_base(body.url_base)
    if body.ssl_cert_password == MASK:
        body.ssl_cert_password = None
    startup: StartupConfig = _merge(
        page.startup,
        body,
        {
            "bind": "bind_address",
            "port": "port",
            "url_base": "url_base",
            "enable_ssl": "enable_ssl",
            "ssl_port": "ssl_port",
            "ssl_cert_path": "ssl_cert_path",
            "ssl_cert_password": "ssl_cert_password",
        },
    )
    body.log_level = body.log_level.lower() if body.log_level is not None else None
    body.console_log_level = body.console_log_level.lower() if body.console_log_level is not None else None
    host: HostConfig = _merge(
        page.host,
        body,
        {
            "instance_name": "instance_name",
            "application_url": "application_url",
            "log_level": "log_level",
            "console_log_level": "console_log_level",
            "authentication_required": "authentication_required",
        },
    )
    backup: BackupConfig = _merge(
        page.backup,
        body,
        {"folder": "backup_folder", "interval": "backup_interval", "retention": "backup_retention"},
    )
    credentials = Credentials(
        username=body.username if body.username is not None else page.username,
        password=body.password or "",
        password_confirmation=body.password_confirmation or "",
    )
    saved = await services.host.save(host, startup, backup, body.api_key or page.api_key, credentials)
    return _resource(saved, _process_log_level(services))
