"""Act as the web UI does: cookies from login, the CSRF header on every change."""

from __future__ import annotations

import httpx

USERNAME = "admin"
PASSWORD = "correct horse battery"


async def create_first_account(
    client: httpx.AsyncClient, username: str = USERNAME, password: str = PASSWORD
) -> None:
    """Create the first account through /setup; the client keeps the session cookies."""
    response = await client.post("/setup", json={"username": username, "password": password})
    assert response.status_code == 201, response.text
    use_csrf_cookie(client)


def use_csrf_cookie(client: httpx.AsyncClient) -> None:
    """Send the CSRF cookie's value in the header, as the UI does."""
    token = client.cookies.get("reelarr_csrf")
    assert token, "no CSRF cookie was set"
    client.headers["X-CSRF-Token"] = token
