"""Every error becomes Radarr's error shape here, once for all endpoints."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic.alias_generators import to_camel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelarr.api.json import JsonResponse
from reelarr.errors import (
    Conflict,
    NotAllowed,
    NotFound,
    ReelarrError,
    RemoteRejected,
    RemoteUnavailable,
    ValidationFailed,
    ValidationFailure,
)
from reelarr.integers import INT64_MAX, INT64_MIN

log = logging.getLogger(__name__)
_LOCATIONS = {"body", "query", "path", "header", "cookie"}
# Pydantic's bound errors, as Radarr (FluentValidation) words and names them.
_BOUND_ERRORS = {
    "less_than_equal": ("le", "less than or equal to", "LessThanOrEqualValidator"),
    "greater_than_equal": ("ge", "greater than or equal to", "GreaterThanOrEqualValidator"),
    "less_than": ("lt", "less than", "LessThanValidator"),
    "greater_than": ("gt", "greater than", "GreaterThanValidator"),
}


def _printable(value: Any) -> Any:
    # A lone surrogate (valid in JSON input, not in UTF-8) cannot be written back out, nor can an
    # integer wider than 64 bits.
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        return str(value)
    return value


def validation_failure_json(failure: ValidationFailure) -> dict[str, Any]:
    """One failure as Radarr writes it (a warning also says `isWarning`, as Radarr's do)."""
    return {
        "propertyName": failure.property_name,
        "errorMessage": _printable(failure.error_message),
        "attemptedValue": _printable(failure.attempted_value),
        "severity": failure.severity,
        "errorCode": failure.error_code,
        **({"isWarning": True} if failure.severity == "warning" else {}),
        **({"formattedMessagePlaceholderValues": failure.placeholders} if failure.placeholders else {}),
    }


def validation_entries(failures: Sequence[ValidationFailure]) -> list[dict[str, Any]]:
    """Radarr's validation array."""
    return [validation_failure_json(f) for f in failures]


def validation_response(failures: Sequence[ValidationFailure]) -> JsonResponse:
    """400 with Radarr's validation array."""
    return JsonResponse(validation_entries(failures), status_code=400)


def message_response(status_code: int, message: str, description: str | None = None) -> JsonResponse:
    """Radarr's `{message}` error body."""
    body: dict[str, Any] = {"message": _printable(message)}
    if description:
        body["description"] = description
    return JsonResponse(body, status_code=status_code)


def _property_name(loc: Sequence[int | str]) -> str:
    parts = list(loc)
    if parts and parts[0] in _LOCATIONS:
        parts = parts[1:]
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + (part if part[:1].islower() else to_camel(part))
    return name


def _attempted(error: dict[str, Any]) -> Any:
    value = error.get("input")
    # Echo scalars only: a whole rejected object would repeat the request back.
    return value if isinstance(value, str | int | float | bool) or value is None else None


def request_validation_failures(exc: RequestValidationError) -> list[ValidationFailure]:
    """Translate FastAPI/pydantic errors into Radarr validation failures."""
    failures = []
    for error in exc.errors():
        kind = str(error.get("type", "invalid"))
        loc = error.get("loc", ())
        if kind == "json_invalid":
            detail = error.get("ctx", {}).get("error", "")
            failures.append(
                ValidationFailure("", f"The request body is not valid JSON: {detail}", None, "error", kind)
            )
            continue
        prop = _property_name(loc)
        if kind == "missing" and not prop:
            message = "A request body is required"
        elif kind == "missing":
            message = f"'{prop}' must not be empty."
        elif kind in _BOUND_ERRORS:
            bound, words, kind = _BOUND_ERRORS[kind]
            message = f"'{prop or 'Value'}' must be {words} '{error.get('ctx', {}).get(bound)}'."
        else:
            message = str(error.get("msg", "Invalid value"))
        failures.append(ValidationFailure(prop, message, _attempted(error), "error", kind))
    return failures


def _out_of_range_id(exc: RequestValidationError) -> bool:
    """True when the only problem is a path integer outside what the database stores: no such thing."""
    errors = exc.errors()
    return bool(errors) and all(
        e.get("loc", ())[:1] == ("path",) and e.get("type") in _BOUND_ERRORS for e in errors
    )


def install_error_handlers(app: FastAPI) -> None:
    """Map Reelarr's errors and the framework's to Radarr's shapes."""

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(_request: Request, exc: RequestValidationError) -> Response:
        if _out_of_range_id(exc):
            return message_response(404, "NotFound")
        return validation_response(request_validation_failures(exc))

    @app.exception_handler(ValidationFailed)
    async def _validation_failed(_request: Request, exc: ValidationFailed) -> Response:
        return validation_response(exc.failures)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> Response:
        return message_response(404, str(exc) or "NotFound")

    @app.exception_handler(Conflict)
    async def _conflict(_request: Request, exc: Conflict) -> Response:
        return message_response(409, str(exc))

    @app.exception_handler(NotAllowed)
    async def _not_allowed(_request: Request, exc: NotAllowed) -> Response:
        return message_response(405, str(exc))

    @app.exception_handler(RemoteRejected)
    async def _remote_rejected(_request: Request, exc: RemoteRejected) -> Response:
        return message_response(502, str(exc))

    @app.exception_handler(RemoteUnavailable)
    async def _remote_unavailable(_request: Request, exc: RemoteUnavailable) -> Response:
        return message_response(503, str(exc))

    @app.exception_handler(ReelarrError)
    async def _reelarr_error(_request: Request, exc: ReelarrError) -> Response:
        return message_response(400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 401:
            return Response(status_code=401, headers=exc.headers)
        message = exc.detail if isinstance(exc.detail, str) else "Error"
        response = message_response(exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return internal_error_response(f"{request.method} {request.url.path}", exc)


def internal_error_response(what: str, exc: BaseException) -> JsonResponse:
    """A 500 that names a reference to the logged error, never the error's own text."""
    reference = uuid.uuid4().hex[:12]
    log.error("Unexpected error on %s (reference %s)", what, reference, exc_info=exc)
    return message_response(500, f"An unexpected error occurred (reference {reference}); see the log.")


class ErrorBoundary:
    """The outermost layer: an error that escapes the app is a 500, and the connection stays usable.

    Starlette's ServerErrorMiddleware answers 500 and then raises the error again for the server to
    see; uvicorn then closes the connection, so a keep-alive client's next request failed with a
    reset. A response already sent in full is kept and the error, logged by the handler, ends here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "complete": False}

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                state["complete"] = True
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            if state["complete"]:
                return
            if state["started"]:
                raise  # half a response: only closing the connection ends it
            await internal_error_response(f"{scope.get('method')} {scope.get('path')}", exc)(
                scope, receive, send
            )
