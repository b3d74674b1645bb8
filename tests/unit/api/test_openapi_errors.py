"""The OpenAPI document states Reelarr's real error answers and gives every operation its own id."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from reelarr.app import create_app
from reelarr.settings import Settings


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    app = create_app(Settings(data_dir=Path(tmp_path_factory.mktemp("openapi"))))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # FastAPI warns of a duplicate operation id
        built: dict[str, Any] = app.api.openapi()
    return built


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for methods in document["paths"].values() for op in methods.values() if isinstance(op, dict)]


def test_no_operation_promises_fastapis_422(document: dict[str, Any]) -> None:
    assert [op["operationId"] for op in operations(document) if "422" in op["responses"]] == []
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_an_operation_with_input_documents_radarrs_validation_array(document: dict[str, Any]) -> None:
    with_input = [op for op in operations(document) if op.get("parameters") or op.get("requestBody")]
    assert len(with_input) > 50
    for op in with_input:
        schema = op["responses"]["400"]["content"]["application/json"]["schema"]
        assert schema == {"type": "array", "items": {"$ref": "#/components/schemas/ValidationFailure"}}
    failure = document["components"]["schemas"]["ValidationFailure"]
    assert {"propertyName", "errorMessage", "severity"} <= set(failure["required"])


def test_operation_ids_are_unique(document: dict[str, Any]) -> None:
    ids = [op["operationId"] for op in operations(document)]
    assert len(ids) == len(set(ids))
