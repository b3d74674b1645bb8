"""Every error becomes Radarr's error shape here, once for all endpoints."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic.alias_generators import to_camel
from starlette.exceptions import HTTPException as StarletteHTTPException

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

log = logging.getLogger(__name__)
_LOCATIONS = {"body", "query", "path", "header", "cookie"}


def _printable(value: Any) -> Any:
    # A lone surrogate (valid in JSON input, not in UTF-8) cannot be written back out.
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
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


def validation_response(failures: Sequence[ValidationFailure]) -> JsonResponse:
    """400 with Radarr's validation array."""
    return JsonResponse([validation_failure_json(f) for f in failures], status_code=400)


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
        else:
            message = str(error.get("msg", "Invalid value"))
        failures.append(ValidationFailure(prop, message, _attempted(error), "error", kind))
    return failures


def install_error_handlers(app: FastAPI) -> None:
    """Map Reelarr's errors and the framework's to Radarr's shapes."""

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(_request: Request, exc: RequestValidationError) -> Response:
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
        log.exception("Unhandled error on %s %s", request.method, request.url.path)
        return message_response(500, f"{type(exc).__name__}: {exc}")
