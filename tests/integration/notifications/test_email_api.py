"""Radarr's Email through /api/v3/notification, on SQLite and PostgreSQL (the `server` fixture), sending
to a real SMTP server on 127.0.0.1: plain, STARTTLS and implicit TLS, logins, recipients, failures."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from reelarr.notifications import smtp as smtp_client
from tests.fixtures.smtp.server import SmtpServer, SmtpServers, smtp
from tests.support.live import LiveServer
from tests.support.net import free_port
from tests.support.notification_forms import blank, field_of, notification_resource
from tests.support.shared_server import delete_all, shared_server

server = shared_server(reset=delete_all("/api/v3/notification"))

__all__ = ["smtp"]

PASSWORD = "S3cret-smtp-pass"
TEST_BODY = "Success! You have properly configured your email notification settings"
PREFERRED, ALWAYS, NEVER = 0, 1, 2


def email_fields(server: SmtpServer | None, **values: Any) -> dict[str, Any]:
    """Fields sending through `server` from one address to one recipient."""
    return {
        "server": "127.0.0.1",
        "port": server.port if server else free_port(),
        "from": "reelarr@example.org",
        "to": ["me@example.org"],
        **values,
    }


async def _test(client: Any, fields: dict[str, Any]) -> Any:
    body = await notification_resource(client, "Email", fields, switches=("onGrab",))
    return await client.post("/api/v3/notification/test", json=body)


async def test_the_schema_offers_email_with_radarrs_fields(server: LiveServer) -> None:
    entry = await blank(server.client, "Email")
    assert (entry["configContract"], entry["implementationName"]) == ("EmailSettings", "Email")
    assert [(f["name"], f["label"], f["type"]) for f in entry["fields"]] == [
        ("server", "Server", "textbox"),
        ("port", "Port", "textbox"),
        ("useEncryption", "Use Encryption", "select"),
        ("username", "Username", "textbox"),
        ("password", "Password", "password"),
        ("from", "From Address", "textbox"),
        ("to", "Recipient Address(es)", "textbox"),
        ("cc", "CC Address(es)", "textbox"),
        ("bcc", "BCC Address(es)", "textbox"),
    ]
    assert [f["advanced"] for f in entry["fields"]] == [False] * 7 + [True, True]
    assert (field_of(entry, "username")["privacy"], field_of(entry, "password")["privacy"]) == (
        "userName",
        "password",
    )
    assert field_of(entry, "server")["placeholder"] == "smtp.gmail.com"
    assert field_of(entry, "port")["value"] == 587
    encryption = field_of(entry, "useEncryption")
    assert encryption["value"] == PREFERRED
    assert [(o["value"], o["name"]) for o in encryption["selectOptions"]] == [
        (0, "Preferred"),
        (1, "Always"),
        (2, "Never"),
    ]
    assert [field_of(entry, n)["value"] for n in ("to", "cc", "bcc")] == [[], [], []]
    supported = {k: v for k, v in entry.items() if k.startswith("supportsOn")}
    assert supported == {
        "supportsOnGrab": True,
        "supportsOnDownload": True,
        "supportsOnUpgrade": True,
        "supportsOnRename": False,
        "supportsOnMovieAdded": True,
        "supportsOnMovieDelete": True,
        "supportsOnMovieFileDelete": True,
        "supportsOnMovieFileDeleteForUpgrade": True,
        "supportsOnHealthIssue": True,
        "supportsOnHealthRestored": True,
        "supportsOnApplicationUpdate": True,
        "supportsOnManualInteractionRequired": True,
    }


async def test_a_test_email_reaches_every_recipient_and_bcc_stays_out_of_the_headers(
    server: LiveServer, smtp: SmtpServers
) -> None:
    mail_server = smtp.start()
    fields = email_fields(
        mail_server, to="me@example.org, you@example.org", cc=["cc@example.org"], bcc=["hidden@example.org"]
    )
    response = await _test(server.client, fields)
    assert response.status_code == 200, response.text
    (mail,) = mail_server.mails
    assert mail.mail_from == "reelarr@example.org"
    assert sorted(mail.rcpt_tos) == sorted(
        ["me@example.org", "you@example.org", "cc@example.org", "hidden@example.org"]
    )
    assert mail.message["Subject"] == "Radarr - Test Notification"
    assert (mail.message["From"], mail.message["To"]) == (
        "reelarr@example.org",
        "me@example.org, you@example.org",
    )
    assert mail.message["Cc"] == "cc@example.org"
    assert mail.message["Bcc"] is None
    assert mail.message.get_content_type() == "text/plain"
    assert mail.body == TEST_BODY
    assert (mail.authenticated_as, mail.encrypted) == (None, False)


@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
async def test_a_username_logs_in_with_the_mechanism_the_server_offers(
    server: LiveServer, smtp: SmtpServers, mechanism: str
) -> None:
    mail_server = smtp.start(login=("reelarr", PASSWORD), mechanisms=(mechanism,))
    response = await _test(server.client, email_fields(mail_server, username="reelarr", password=PASSWORD))
    assert response.status_code == 200, response.text
    (mail,) = mail_server.mails
    assert mail.authenticated_as == "reelarr"


async def test_a_wrong_password_is_a_400_that_names_no_password(
    server: LiveServer, smtp: SmtpServers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mail_server = smtp.start(login=("reelarr", PASSWORD))
    response = await _test(
        server.client, email_fields(mail_server, username="reelarr", password="wrong-Pa55")
    )
    assert response.status_code == 400, response.text
    (failure,) = response.json()
    assert failure["propertyName"] == "server"
    assert (
        failure["errorMessage"]
        == "Unable to send test message: Authentication failed: the server answered 535"
    )
    assert mail_server.mails == []
    assert "wrong-Pa55" not in response.text
    assert [r for r in caplog.records if "wrong-Pa55" in r.getMessage()] == []


async def test_starttls_is_used_when_offered_and_the_certificate_is_verified(
    server: LiveServer, smtp: SmtpServers, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail_server = smtp.start(tls="starttls", login=("reelarr", PASSWORD), require_starttls=True)
    fields = email_fields(mail_server, username="reelarr", password=PASSWORD)
    untrusted = await _test(server.client, fields)
    assert untrusted.status_code == 400, untrusted.text
    refusal = "certificate was refused: unable to get local issuer certificate"
    assert refusal in untrusted.json()[0]["errorMessage"]
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp.ca_file))
    response = await _test(server.client, fields)
    assert response.status_code == 200, response.text
    (mail,) = mail_server.mails
    assert (mail.encrypted, mail.authenticated_as) == (True, "reelarr")


async def test_always_refuses_a_server_without_starttls_and_never_does_not_use_it(
    server: LiveServer, smtp: SmtpServers
) -> None:
    plain = smtp.start()
    refused = await _test(server.client, email_fields(plain, useEncryption=ALWAYS))
    assert refused.status_code == 400, refused.text
    assert refused.json()[0]["errorMessage"] == (
        "Unable to send test message: The SMTP server does not support STARTTLS"
    )
    offering = smtp.start(tls="starttls")
    response = await _test(server.client, email_fields(offering, useEncryption=NEVER))
    assert response.status_code == 200, response.text
    (mail,) = offering.mails
    assert mail.encrypted is False


async def test_the_implicit_tls_port_connects_over_tls(
    server: LiveServer, smtp: SmtpServers, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail_server = smtp.start(tls="implicit")
    # Radarr connects over TLS from the first byte on port 465; a test cannot listen there.
    monkeypatch.setattr(smtp_client, "IMPLICIT_TLS_PORT", mail_server.port)
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp.ca_file))
    for encryption in (PREFERRED, ALWAYS):
        response = await _test(server.client, email_fields(mail_server, useEncryption=encryption))
        assert response.status_code == 200, response.text
    assert [m.encrypted for m in mail_server.mails] == [True, True]


async def test_a_server_that_is_down_is_a_400_naming_it(server: LiveServer) -> None:
    response = await _test(server.client, email_fields(None))
    assert response.status_code == 400, response.text
    message = response.json()[0]["errorMessage"]
    assert message.startswith("Unable to send test message: Unable to connect to 127.0.0.1:"), message
    assert "Connection refused" in message


async def test_radarrs_rules_refuse_an_email_without_server_sender_or_recipient(server: LiveServer) -> None:
    body = await notification_resource(
        server.client, "Email", {"server": "", "from": "", "to": [], "port": 0}, switches=("onGrab",)
    )
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("server", "'Server' must not be empty."),
        ("port", "'Port' must be between 1 and 65535. You entered 0."),
        ("from", "'From' must not be empty."),
        ("to", "'To' must not be empty."),
        ("cc", "'Cc' must not be empty."),
        ("bcc", "'Bcc' must not be empty."),
    ]


async def test_a_malformed_address_is_refused_and_a_cc_alone_is_enough(server: LiveServer) -> None:
    fields = email_fields(None, to=[], cc=["cc@example.org", "nobody"])
    body = await notification_resource(server.client, "Email", fields, switches=("onGrab",))
    response = await server.client.post("/api/v3/notification", json=body)
    assert response.status_code == 400, response.text
    assert [(f["propertyName"], f["errorMessage"]) for f in response.json()] == [
        ("cc[1]", "'Cc' is not a valid email address.")
    ]


async def test_the_password_is_masked_on_read_and_kept_when_sent_back_masked(
    server: LiveServer, smtp: SmtpServers
) -> None:
    mail_server = smtp.start(login=("reelarr", PASSWORD))
    fields = email_fields(mail_server, username="reelarr", password=PASSWORD)
    body = await notification_resource(server.client, "Email", fields, switches=("onGrab",))
    created = await server.client.post("/api/v3/notification", json=body)
    assert created.status_code == 201, created.text
    assert PASSWORD not in created.text
    stored = (await server.client.get(f"/api/v3/notification/{created.json()['id']}")).json()
    assert field_of(stored, "password")["value"] == "********"
    assert field_of(stored, "from")["value"] == "reelarr@example.org"
    again = await server.client.post("/api/v3/notification/test", json=stored)
    assert again.status_code == 200, again.text
    assert [m.authenticated_as for m in mail_server.mails] == ["reelarr", "reelarr"]
