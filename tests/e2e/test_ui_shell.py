"""The UI shell in a real browser against a real server: first account, login, live shell, logout."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, Response, expect

from reelarr import __version__

if TYPE_CHECKING:
    from conftest import ReelarrServer

pytestmark = pytest.mark.e2e

USERNAME = "admin"
PASSWORD = "correct horse battery staple"


def create_first_account(page: Page, server: ReelarrServer) -> None:
    page.goto(f"{server.url}/")
    expect(page).to_have_url(re.compile(r"/setup$"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_in(page: Page, password: str) -> None:
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login(\?.*)?$"))
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def is_command_post(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/api/v3/command")


def test_first_account_login_live_shell_and_logout(reelarr_server: ReelarrServer, page: Page) -> None:
    create_first_account(page, reelarr_server)
    log_out(page)

    log_in(page, "not the password")
    expect(page.get_by_role("alert")).to_have_text("Incorrect username or password")
    expect(page).to_have_url(re.compile(r"/login"))

    log_in(page, PASSWORD)
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Status").click()
    expect(page).to_have_url(re.compile(r"/system/status$"))
    expect(page.get_by_role("heading", name="Status", level=1)).to_be_visible()
    expect(page.get_by_test_id("version")).to_have_text(__version__)

    log_out(page)
    page.goto(f"{reelarr_server.url}/system/status")
    expect(page).to_have_url(re.compile(r"/login\?returnUrl="))
    expect(page.get_by_role("button", name="Log in")).to_be_visible()


def test_short_password_is_refused_on_setup(reelarr_server: ReelarrServer, page: Page) -> None:
    page.goto(f"{reelarr_server.url}/setup")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Confirm password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("8")
    expect(page).to_have_url(re.compile(r"/setup$"))


def test_the_setup_form_names_every_problem_at_once(reelarr_server: ReelarrServer, page: Page) -> None:
    page.goto(f"{reelarr_server.url}/setup")
    username = page.get_by_label("Username")
    password = page.get_by_label("Password", exact=True)
    confirm = page.get_by_label("Confirm password")
    username.fill("my name")
    password.fill("short")
    confirm.fill("shorter")
    page.get_by_role("button", name="Create account").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("3 problems")
    for field, text in ((username, "spaces"), (password, "8 characters"), (confirm, "do not match")):
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(text))

    # Fixed, the same form creates the account.
    username.fill(USERNAME)
    password.fill(PASSWORD)
    confirm.fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_repeated_failed_logins_are_throttled_with_the_servers_message(
    reelarr_server: ReelarrServer, page: Page
) -> None:
    create_first_account(page, reelarr_server)
    log_out(page)
    alert = page.get_by_role("alert")
    for _ in range(10):
        log_in(page, "not the password")
        expect(alert).to_be_visible()
        if alert.text_content() != "Incorrect username or password":
            break
    expect(alert).to_contain_text("Too many")


def test_the_whole_ui_works_under_a_url_base(reelarr_behind_proxy: ReelarrServer, page: Page) -> None:
    create_first_account(page, reelarr_behind_proxy)
    expect(page).to_have_url(re.compile(rf"^{re.escape(reelarr_behind_proxy.url)}/?\?view=posters&"))
    expect(page.get_by_role("heading", name="Your library is empty")).to_be_visible()
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    page.get_by_role("link", name="Tasks").click()
    page.reload()  # a nested route straight from the server still finds its assets and the API
    expect(page.get_by_role("button", name=re.compile(r"^Run ")).first).to_be_visible()
    log_out(page)
    expect(page).to_have_url(f"{reelarr_behind_proxy.url}/login")


def test_connection_indicator_follows_the_server_going_away_and_coming_back(
    reelarr_server: ReelarrServer, page: Page
) -> None:
    create_first_account(page, reelarr_server)
    status = page.get_by_test_id("connection-status")
    expect(status).to_have_text("Connected")

    reelarr_server.stop()
    expect(status).to_have_text(re.compile(r"^(Reconnecting|Disconnected)$"))

    reelarr_server.start()
    expect(status).to_have_text("Connected", timeout=45_000)  # the backoff is capped at 30 s
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_login_returns_to_the_page_asked_for(reelarr_server: ReelarrServer, page: Page) -> None:
    create_first_account(page, reelarr_server)
    log_out(page)
    page.goto(f"{reelarr_server.url}/system/tasks")
    log_in(page, PASSWORD)
    expect(page).to_have_url(re.compile(r"/system/tasks$"))
    expect(page.get_by_role("heading", name="Tasks", level=1)).to_be_visible()


def test_running_a_task_shows_its_command_status_live(reelarr_server: ReelarrServer, page: Page) -> None:
    create_first_account(page, reelarr_server)
    page.get_by_role("link", name="Tasks").click()
    expect(page.get_by_test_id("connection-status")).to_have_text("Connected")
    run = page.get_by_role("button", name=re.compile(r"^Run ")).first
    row = page.get_by_role("row").filter(has=run)

    with page.expect_response(is_command_post) as posted:
        run.click()
    assert posted.value.status == 201
    command_id = posted.value.json()["id"]

    # No polling while the WebSocket is up: the change can only arrive as a pushed message.
    expect(row.locator(f'[data-command-id="{command_id}"]')).to_have_text(re.compile(r"^(Completed|Failed)"))
