"""A pydantic base for data exchanged with Radarr clients: camelCase names, matched ignoring case."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import CoreSchema

from reelarr.integers import bound_integers


class CamelModel(BaseModel):
    """camelCase aliases; input names match ignoring case (Radarr matches them so) and extras are ignored.

    Integer fields fit 32 bits unless declared wider (`reelarr.integers.Int64`), as the database
    stores them.
    """

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")

    _lower_names: ClassVar[dict[str, str]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        names: dict[str, str] = {}
        for name, field in cls.model_fields.items():
            alias = field.alias or name
            names[name.lower()] = alias
            names[alias.lower()] = alias
        cls._lower_names = names

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema: CoreSchema = handler(source)
        kept: object = cls.__dict__.get("__pydantic_core_schema__")
        if schema is kept:
            # The class's own schema, bounded when the class was built. FastAPI makes a TypeAdapter
            # per route of each app, and bounding a resource's schema again took two thirds of that.
            return schema
        return bound_integers(schema)

    @model_validator(mode="before")
    @classmethod
    def _match_names_ignoring_case(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not cls._lower_names:
            return data
        matched: dict[str, Any] = {}
        for key, value in data.items():
            canonical = cls._lower_names.get(key.lower(), key) if isinstance(key, str) else key
            if canonical not in matched or canonical == key:
                matched[canonical] = value
        return matched
