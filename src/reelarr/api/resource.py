"""The base of every API resource: camelCase out, case-insensitive in, unknown fields ignored."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict
from pydantic.alias_generators import to_camel

from reelarr.camel import CamelModel


class Resource(CamelModel):
    """A JSON resource as Radarr clients send and read it; responses omit null values.

    Radarr ignores request properties it does not know (Overseerr, for one, sends extra fields).
    """

    def dump(self) -> dict[str, Any]:
        """The resource as JSON-ready data, nulls left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class StrictResource(Resource):
    """A Reelarr-only request body: unknown fields are an error, not ignored."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")
