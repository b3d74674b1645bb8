"""The `reelarr` command line."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from reelarr import __version__
from reelarr.auth.users import Users
from reelarr.errors import ReelarrError
from reelarr.settings import Settings

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Reelarr movie collection manager.")


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reelarr {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Reelarr movie collection manager."""


user_app = typer.Typer(no_args_is_help=True, help="Manage the accounts that can log in to the UI.")
app.add_typer(user_app, name="user")


def _settings(data_dir: Path | None) -> Settings:
    return Settings(data_dir=data_dir) if data_dir is not None else Settings()


DataDirOption = Annotated[
    Path | None, typer.Option("--data-dir", help="Data directory (default REELARR_DATA_DIR or ./data).")
]


@app.command()
def serve(
    data_dir: DataDirOption = None,
    port: Annotated[int | None, typer.Option(help="Port (default REELARR_PORT or 7878).")] = None,
    bind: Annotated[str | None, typer.Option(help="Address (default REELARR_BIND or 127.0.0.1).")] = None,
) -> None:
    """Serve the UI and the API; migrations run first."""
    import uvicorn

    from reelarr.app import create_app
    from reelarr.observability.logs import configure_logging

    overrides: dict[str, Any] = {
        k: v for k, v in {"data_dir": data_dir, "port": port, "bind": bind}.items() if v
    }
    settings = Settings(**overrides)
    configure_logging(settings.log_level, settings.resolved_log_file)
    uvicorn.run(
        create_app(settings),
        host=settings.bind,
        port=settings.port,
        log_config=None,
        proxy_headers=True,
        forwarded_allow_ips=settings.trusted_proxies,
        timeout_graceful_shutdown=15,
        ws="websockets-sansio",
    )


@app.command()
def migrate(data_dir: DataDirOption = None) -> None:
    """Bring the database schema up to date and exit."""
    from reelarr.db.engine import Database
    from reelarr.db.migrate import current_revision
    from reelarr.db.migrate import migrate as run_migrations

    async def run() -> str | None:
        db = Database(_settings(data_dir).resolved_database_url)
        try:
            await run_migrations(db)
            return await current_revision(db)
        finally:
            await db.close()

    typer.echo(f"Database is at migration {asyncio.run(run())}")


@app.command("api-key")
def api_key(data_dir: DataDirOption = None) -> None:
    """Print the API key clients must send (generating it on first use)."""
    from reelarr.auth.api_keys import ApiKeys
    from reelarr.configuration.store import ConfigStore
    from reelarr.db.engine import Database
    from reelarr.db.migrate import migrate as run_migrations
    from reelarr.events import EventBus

    settings = _settings(data_dir)

    async def read() -> str:
        db = Database(settings.resolved_database_url)
        try:
            await run_migrations(db)
            fixed = settings.api_key.get_secret_value() if settings.api_key else None
            return await ApiKeys(ConfigStore(db), EventBus(), fixed).current()
        finally:
            await db.close()

    typer.echo(asyncio.run(read()))


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


async def _with_users(settings: Settings, action: Callable[[Users], Awaitable[str]]) -> str:
    from reelarr.auth.passwords import Passwords
    from reelarr.db.base import utcnow
    from reelarr.db.engine import Database
    from reelarr.db.migrate import migrate as run_migrations

    db = Database(settings.resolved_database_url)
    try:
        await run_migrations(db)
        return await action(Users(db, Passwords(), utcnow))
    finally:
        await db.close()


def _run_user_action(settings: Settings, action: Callable[[Users], Awaitable[str]]) -> None:
    try:
        typer.echo(asyncio.run(_with_users(settings, action)))
    except ReelarrError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(1) from error


@user_app.command("create")
def user_create(
    username: str,
    data_dir: DataDirOption = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
) -> None:
    """Create an account (prompts for the password)."""
    password = _read_password(password_stdin)

    async def create(users: Users) -> str:
        user = await users.create(username, password)
        return f"Created user {user.username}"

    _run_user_action(_settings(data_dir), create)


@user_app.command("passwd")
def user_passwd(
    username: str,
    data_dir: DataDirOption = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
) -> None:
    """Set an account's password and log out its sessions."""
    password = _read_password(password_stdin)

    async def change(users: Users) -> str:
        await users.set_password(username, password)
        return f"Password changed for {username}"

    _run_user_action(_settings(data_dir), change)


@user_app.command("list")
def user_list(data_dir: DataDirOption = None) -> None:
    """List the accounts."""

    async def names(users: Users) -> str:
        return "\n".join(u.username for u in await users.all()) or "(no users)"

    _run_user_action(_settings(data_dir), names)


@app.command("parse")
def parse(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Release titles (file paths with --path); none: read stdin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per input.")] = False,
    as_path: Annotated[bool, typer.Option("--path", help="Treat each input as a file path.")] = False,
) -> None:
    """Parse release titles or file paths, one line of output per input."""
    from reelarr.parsing.cli import run_parse

    raise typer.Exit(run_parse(inputs or [], as_json=as_json, as_path=as_path))


def main() -> None:
    """Run the command line."""
    app()
