"""The command line's account and API-key work over a direct connection (see `db/direct.py`).

Each function does what its service does (`Users`, `ApiKeys`), with the same rules from
`auth/credentials.py` and the same hashing from `auth/hashing.py`; tests run both against one
database to keep them in step.
"""

from __future__ import annotations

from datetime import datetime

from reelarr.auth.credentials import API_KEY_CONFIG_KEY, validate_credentials
from reelarr.auth.hashing import new_hasher
from reelarr.db.direct import DirectConnection
from reelarr.errors import NotFound, ValidationFailed


def stored_api_key(conn: DirectConnection) -> str | None:
    """The generated API key, or None before the first one is made."""
    rows = conn.rows("select value from config where key = ?", API_KEY_CONFIG_KEY)
    return str(rows[0][0]) if rows else None


def usernames(conn: DirectConnection) -> list[str]:
    """Every account's name, oldest first."""
    return [str(row[0]) for row in conn.rows("select username from users order by id")]


def create_user(conn: DirectConnection, username: str, password: str, now: datetime) -> None:
    """Create an account, refusing a name that is taken in any case (as `Users.create`)."""
    validate_credentials(username, password)
    password_hash = new_hasher().hash(password)
    with conn.transaction():
        if conn.rows("select id from users where lower(username) = ?", username.lower()):
            raise ValidationFailed.single("username", "A user with this name already exists", username)
        conn.run(
            "insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
            username,
            password_hash,
            now,
            now,
        )


def set_password(conn: DirectConnection, username: str, password: str, now: datetime) -> None:
    """Change an account's password and end its sessions (as `Users.set_password`)."""
    validate_credentials(username, password)
    password_hash = new_hasher().hash(password)
    with conn.transaction():
        found = conn.rows("select id from users where lower(username) = ?", username.lower())
        if not found:
            raise NotFound(f"User {username} does not exist")
        user_id = found[0][0]
        conn.run(
            "update users set password_hash = ?, updated_at = ? where id = ?", password_hash, now, user_id
        )
        conn.run("delete from user_sessions where user_id = ?", user_id)
