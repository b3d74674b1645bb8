"""The `reelarr` command line.

Built on argparse and importing each command's modules only when that command runs, so that
`--version`, `parse`, `api-key` and `user` start in a fraction of the time the server's imports take;
`api-key` and `user` work on a direct driver connection when the database needs no migration.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelarr import __version__

if TYPE_CHECKING:
    from reelarr.auth.users import Users
    from reelarr.db.direct import DirectConnection
    from reelarr.settings import Settings


class CommandFailed(Exception):
    """A command could not do what was asked; its message is printed and the exit code is 1."""


def _settings(args: argparse.Namespace) -> Settings:
    from reelarr.settings import Settings

    overrides: dict[str, Any] = {
        name: value
        for name in ("data_dir", "port", "bind")
        if (value := getattr(args, name, None)) is not None
    }
    return Settings(**overrides)


def _serve(args: argparse.Namespace) -> int:
    import asyncio

    import uvicorn

    from reelarr.app import create_app
    from reelarr.host.lifecycle import Lifecycle
    from reelarr.observability.logs import configure_logging

    settings = _settings(args)
    configure_logging(settings.log_level, settings.resolved_log_file)
    lifecycle = Lifecycle()
    app = create_app(settings, lifecycle=lifecycle)
    common: dict[str, Any] = {
        "log_config": None,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.trusted_proxies,
        "timeout_graceful_shutdown": 15,
        "ws": "websockets-sansio",
    }
    servers = [uvicorn.Server(uvicorn.Config(app, host=settings.bind, port=settings.port, **common))]
    if settings.enable_ssl and settings.ssl_cert_path is not None:
        password = settings.ssl_cert_password.get_secret_value() if settings.ssl_cert_password else None
        secure = uvicorn.Config(
            app,
            host=settings.bind,
            port=settings.ssl_port,
            lifespan="off",  # the plain server runs the app's start and stop, once
            ssl_certfile=str(settings.ssl_cert_path),
            ssl_keyfile=str(settings.ssl_cert_path),
            ssl_keyfile_password=password,
            **common,
        )
        servers.append(uvicorn.Server(secure))

    def stop_servers() -> None:
        for server in servers:
            server.should_exit = True

    lifecycle.stop_server = stop_servers

    async def serve(server: uvicorn.Server) -> None:
        try:
            await server.serve()
        finally:
            stop_servers()  # when one stops (a signal, a restart, a failure), the other follows

    async def run() -> None:
        await asyncio.gather(*(serve(server) for server in servers))

    asyncio.run(run())
    return lifecycle.exit_code


def _migrate(args: argparse.Namespace) -> int:
    import asyncio

    from reelarr.db.engine import Database
    from reelarr.db.migrate import current_revision
    from reelarr.db.migrate import migrate as run_migrations

    async def run() -> str | None:
        db = Database(_settings(args).resolved_database_url)
        try:
            await run_migrations(db)
            return await current_revision(db)
        finally:
            await db.close()

    print(f"Database is at migration {asyncio.run(run())}")
    return 0


def _direct(settings: Settings) -> DirectConnection | None:
    from reelarr.db.direct import open_direct

    return open_direct(settings.resolved_database_url)


def _api_key(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if settings.api_key is not None:
        print(settings.api_key.get_secret_value())
        return 0
    if (conn := _direct(settings)) is not None:
        from reelarr.auth.direct import stored_api_key

        try:
            key = stored_api_key(conn)
        finally:
            conn.close()
        if key is not None:
            print(key)
            return 0
    return _api_key_through_services(settings)


def _api_key_through_services(settings: Settings) -> int:
    """Migrate the database if needed and print the key, generating and storing it on first use."""
    import asyncio

    from reelarr.auth.api_keys import ApiKeys
    from reelarr.configuration.store import ConfigStore
    from reelarr.db.engine import Database
    from reelarr.db.migrate import migrate as run_migrations
    from reelarr.events import EventBus

    async def read() -> str:
        db = Database(settings.resolved_database_url)
        try:
            await run_migrations(db)
            return await ApiKeys(ConfigStore(db), EventBus(), None).current()
        finally:
            await db.close()

    print(asyncio.run(read()))
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat for confirmation: ") != password:
        raise CommandFailed("the two passwords differ")
    return password


def _user_command(
    args: argparse.Namespace,
    direct: Callable[[DirectConnection], str],
    through_services: Callable[[Users], Awaitable[str]],
) -> int:
    """Run an account command on a direct connection to an up-to-date database, else through the services."""
    from reelarr.errors import ReelarrError

    settings = _settings(args)
    try:
        if (conn := _direct(settings)) is not None:
            try:
                print(direct(conn))
            finally:
                conn.close()
        else:
            print(_run_with_users(settings, through_services))
    except ReelarrError as error:
        raise CommandFailed(str(error)) from error
    return 0


def _run_with_users(settings: Settings, action: Callable[[Users], Awaitable[str]]) -> str:
    import asyncio

    from reelarr.auth.passwords import Passwords
    from reelarr.auth.users import Users
    from reelarr.db.base import utcnow
    from reelarr.db.engine import Database
    from reelarr.db.migrate import migrate as run_migrations

    async def run() -> str:
        db = Database(settings.resolved_database_url)
        try:
            await run_migrations(db)
            return await action(Users(db, Passwords(), utcnow))
        finally:
            await db.close()

    return asyncio.run(run())


def _now() -> datetime:
    return datetime.now(UTC)


def _user_create(args: argparse.Namespace) -> int:
    password = _read_password(args)
    done = f"Created user {args.username}"

    def direct(conn: DirectConnection) -> str:
        from reelarr.auth.direct import create_user

        create_user(conn, args.username, password, _now())
        return done

    async def through_services(users: Users) -> str:
        await users.create(args.username, password)
        return done

    return _user_command(args, direct, through_services)


def _user_passwd(args: argparse.Namespace) -> int:
    password = _read_password(args)
    done = f"Password changed for {args.username}"

    def direct(conn: DirectConnection) -> str:
        from reelarr.auth.direct import set_password

        set_password(conn, args.username, password, _now())
        return done

    async def through_services(users: Users) -> str:
        await users.set_password(args.username, password)
        return done

    return _user_command(args, direct, through_services)


def _user_list(args: argparse.Namespace) -> int:
    def direct(conn: DirectConnection) -> str:
        from reelarr.auth.direct import usernames

        return "\n".join(usernames(conn)) or "(no users)"

    async def through_services(users: Users) -> str:
        return "\n".join(u.username for u in await users.all()) or "(no users)"

    return _user_command(args, direct, through_services)


def _parse(args: argparse.Namespace) -> int:
    from reelarr.parsing.cli import run_parse

    return run_parse(args.inputs, as_json=args.as_json, as_path=args.as_path)


def _backups(args: argparse.Namespace) -> int:
    from reelarr.backups.manifest import BackupInvalid
    from reelarr.errors import ReelarrError

    try:
        print(args.backup_action(args, _settings(args)))
    except (BackupInvalid, ReelarrError, OSError) as error:
        raise CommandFailed(str(error)) from error
    return 0


def _add_backup_commands(commands: Any) -> None:
    from reelarr.backups import cli as backups

    backup = commands.add_parser(
        "backup", help="write a backup zip (settings and database), server running or not"
    )
    _add_data_dir(backup)
    backup.add_argument(
        "--to", type=Path, help="folder to write it to (default Backups/manual in the data dir)"
    )
    backup.set_defaults(run=_backups, backup_action=backups.run_backup)
    restore = commands.add_parser("restore", help="restore a backup zip into a stopped installation")
    restore.add_argument("file", type=Path)
    _add_data_dir(restore)
    restore.set_defaults(run=_backups, backup_action=backups.run_restore)
    db = commands.add_parser("db", help="database operations")
    db_commands = db.add_subparsers(title="commands", metavar="COMMAND")
    copy = db_commands.add_parser("copy", help="copy the database into another, e.g. SQLite into PostgreSQL")
    copy.add_argument(
        "--to", required=True, help="the target database, postgresql://user@host/db or sqlite:///path"
    )
    copy.add_argument("--replace", action="store_true", help="overwrite a target that already holds tables")
    _add_data_dir(copy)
    copy.set_defaults(run=_backups, backup_action=backups.run_copy)
    db.set_defaults(help_of=db)


def _import_radarr(args: argparse.Namespace) -> int:
    from reelarr.radarrimport.client import ImportFailed
    from reelarr.radarrimport.paths import parse_mapping
    from reelarr.radarrimport.run import ImportOptions, run_import

    try:
        options = ImportOptions(
            url=args.url or "",
            api_key=args.api_key or "",
            dry_run=args.dry_run,
            mappings=tuple(parse_mapping(text) for text in args.map_path),
            source_file=args.source_file,
        )
        summary = run_import(_settings(args), options)
    except ImportFailed as error:
        raise CommandFailed(str(error)) from error
    print("\n".join(summary.lines()))
    return 1 if summary.failures else 0


def _add_import_command(commands: Any) -> None:
    importer = commands.add_parser(
        "import-radarr",
        help="bring settings and movies over from a running Radarr (v4 or later) or its radarr.db or backup",
    )
    importer.add_argument("--url", help="Radarr's address, e.g. http://localhost:7878")
    importer.add_argument("--api-key", help="Radarr's API key (Settings → General)")
    importer.add_argument(
        "--from",
        dest="source_file",
        type=Path,
        metavar="FILE",
        help="read a radarr.db or a Radarr backup .zip instead of a running Radarr (not with --url)",
    )
    importer.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    importer.add_argument(
        "--map-path",
        action="append",
        default=[],
        metavar="FROM=TO",
        help="Radarr's folder FROM is TO here (repeatable; e.g. for containers)",
    )
    _add_data_dir(importer)
    importer.set_defaults(run=_import_radarr)


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="data directory (default REELARR_DATA_DIR or ./data)")


def _add_password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin instead of prompting"
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command and option, each command bound to its handler as `run`."""
    parser = argparse.ArgumentParser(prog="reelarr", description="Reelarr movie collection manager.")
    parser.add_argument("--version", action="version", version=f"reelarr {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    serve = commands.add_parser("serve", help="serve the UI and the API; migrations run first")
    _add_data_dir(serve)
    serve.add_argument("--port", type=int, help="port (default REELARR_PORT or 7878)")
    serve.add_argument("--bind", help="address (default REELARR_BIND or 127.0.0.1)")
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser("migrate", help="bring the database schema up to date and exit")
    _add_data_dir(migrate)
    migrate.set_defaults(run=_migrate)

    api_key = commands.add_parser(
        "api-key", help="print the API key clients must send (generating it on first use)"
    )
    _add_data_dir(api_key)
    api_key.set_defaults(run=_api_key)

    user = commands.add_parser("user", help="manage the accounts that can log in to the UI")
    user_commands = user.add_subparsers(title="commands", metavar="COMMAND")
    create = user_commands.add_parser("create", help="create an account (prompts for the password)")
    create.add_argument("username")
    _add_data_dir(create)
    _add_password_stdin(create)
    create.set_defaults(run=_user_create)
    passwd = user_commands.add_parser("passwd", help="set an account's password and log out its sessions")
    passwd.add_argument("username")
    _add_data_dir(passwd)
    _add_password_stdin(passwd)
    passwd.set_defaults(run=_user_passwd)
    listing = user_commands.add_parser("list", help="list the accounts")
    _add_data_dir(listing)
    listing.set_defaults(run=_user_list)
    user.set_defaults(help_of=user)

    parse = commands.add_parser(
        "parse", help="parse release titles or file paths, one line of output per input"
    )
    parse.add_argument("inputs", nargs="*", help="release titles (file paths with --path); none: read stdin")
    parse.add_argument("--json", dest="as_json", action="store_true", help="print one JSON object per input")
    parse.add_argument("--path", dest="as_path", action="store_true", help="treat each input as a file path")
    parse.set_defaults(run=_parse)
    _add_backup_commands(commands)
    _add_import_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        # A bare `reelarr` or `reelarr user`: show what can follow, as a usage error.
        help_of: argparse.ArgumentParser = getattr(args, "help_of", parser)
        help_of.print_help(sys.stderr)
        return 2
    try:
        return run(args)
    except CommandFailed as failure:
        print(f"Error: {failure}", file=sys.stderr)
        return 1
