"""A restored settings file keeps the installation's own database and data dir."""

from __future__ import annotations

from reelarr.backups.settings_file import merged_settings


def test_the_backups_database_url_gives_way_to_the_installations() -> None:
    backup = 'database_url = "sqlite:///old.db"\nport = 8000\n'
    current = 'database_url = "postgresql://reelarr@db/reelarr"\nport = 7878\n'
    assert (
        merged_settings(backup, current) == 'port = 8000\ndatabase_url = "postgresql://reelarr@db/reelarr"\n'
    )


def test_without_a_settings_file_here_the_backup_names_no_database() -> None:
    assert merged_settings('database_url = "x"\ndata_dir = "/y"\nport = 8000\n', None) == "port = 8000\n"


def test_local_lines_go_before_the_first_table() -> None:
    backup = "port = 8000\n[extra]\nkey = 1\n"
    merged = merged_settings(backup, 'database_url = "here"\n')
    assert merged == 'port = 8000\ndatabase_url = "here"\n[extra]\nkey = 1\n'
