"""The OpenAPI document states the errors Reelarr really sends: 400 with Radarr's validation array.

FastAPI documents a 422 with its own error model on every operation that takes input, but the error
handlers (`api/errors.py`) answer 400 with Radarr's array instead, so a client generated from the
document would expect the wrong status and the wrong body.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

_FAILURE_SCHEMA: dict[str, Any] = {
    "title": "ValidationFailure",
    "description": "One failed rule, as Radarr writes it.",
    "type": "object",
    "properties": {
        "propertyName": {"type": "string"},
        "errorMessage": {"type": "string"},
        "attemptedValue": {},
        "severity": {"type": "string", "enum": ["error", "warning"]},
        "errorCode": {"type": "string", "nullable": True},
        "isWarning": {"type": "boolean"},
        "formattedMessagePlaceholderValues": {"type": "object"},
    },
    "required": ["propertyName", "errorMessage", "severity"],
}
_BAD_REQUEST: dict[str, Any] = {
    "description": "Validation failed: every broken rule, in Radarr's shape",
    "content": {
        "application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationFailure"}}
        }
    },
}
_FRAMEWORK_SCHEMAS = ("HTTPValidationError", "ValidationError")


def radarr_error_responses(document: dict[str, Any]) -> dict[str, Any]:
    """The document with each 422 replaced by the 400 Reelarr sends and FastAPI's error models gone."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses") if isinstance(operation, dict) else None
            if responses is None:
                continue
            # FastAPI promises a 422 for what it validates; an input read by hand (a multipart upload
            # declared in openapi_extra) is refused with the same 400 array.
            takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
            if responses.pop("422", None) is not None or takes_input:
                responses.setdefault("400", _BAD_REQUEST)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name in _FRAMEWORK_SCHEMAS:
        schemas.pop(name, None)
    schemas["ValidationFailure"] = _FAILURE_SCHEMA
    return document


def install_radarr_error_responses(api: FastAPI) -> None:
    """Make `api` build its OpenAPI document with Radarr's error responses (once, then cached)."""
    build = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            api.openapi_schema = radarr_error_responses(build())
        return api.openapi_schema

    api.openapi = openapi  # type: ignore[method-assign]
