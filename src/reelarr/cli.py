"""The `reelarr` command line."""

from __future__ import annotations

import typer

from reelarr import __version__

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


def main() -> None:
    """Run the command line."""
    app()
