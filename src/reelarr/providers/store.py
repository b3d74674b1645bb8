"""Reading and writing the stored providers of one family."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Generic

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed
from reelarr.providers.family import Family, P
from reelarr.providers.model import OptionsT, ProviderDefinition
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.tables import ProviderRow

log = logging.getLogger(__name__)
_MAX_ID = 2**31 - 1


def _not_unique(name: str) -> ValidationFailed:
    return ValidationFailed.single("name", "Should be unique", name)


class ProviderStore(Generic[OptionsT, P]):
    """The providers of one family in the `providers` table."""

    def __init__(self, db: Database, family: Family[OptionsT, P], clock: Callable[[], datetime]) -> None:
        self._db = db
        self._family = family
        self._clock = clock

    def _definition(self, row: ProviderRow) -> ProviderDefinition[OptionsT] | None:
        implementation = self._family.registry.find(row.implementation)
        if implementation is None:
            log.warning(
                "%s %s uses %s, which is not installed", self._family.title, row.name, row.implementation
            )
            return None
        settings: ProviderSettings
        try:
            settings = implementation.settings_model.model_validate(row.settings)
        except PydanticValidationError:
            log.warning(
                "%s %s has settings that no longer fit; using the defaults", self._family.title, row.name
            )
            settings = implementation.settings_model()
        return ProviderDefinition(
            id=row.id,
            name=row.name,
            implementation=implementation.implementation,
            config_contract=implementation.config_contract(),
            settings=settings,
            options=self._family.options_type.model_validate(row.options),
            tags=tuple(sorted(set(row.tags or []))),
        )

    async def all(self) -> list[ProviderDefinition[OptionsT]]:
        """Every provider of the family whose implementation is installed, by name."""
        async with self._db.read() as session:
            rows = list(
                await session.scalars(select(ProviderRow).where(ProviderRow.family == self._family.key))
            )
        found = [d for d in map(self._definition, rows) if d is not None]
        return sorted(found, key=lambda d: (d.name.lower(), d.id))

    async def find(self, provider_id: int) -> ProviderDefinition[OptionsT] | None:
        """One provider, or None."""
        if not 0 < provider_id <= _MAX_ID:
            return None
        async with self._db.read() as session:
            row = await session.get(ProviderRow, provider_id)
        if row is None or row.family != self._family.key:
            return None
        return self._definition(row)

    async def get(self, provider_id: int) -> ProviderDefinition[OptionsT]:
        """One provider; NotFound when there is none."""
        found = await self.find(provider_id)
        if found is None:
            raise NotFound(f"{self._family.title} with ID {provider_id} does not exist")
        return found

    async def many(self, provider_ids: Iterable[int]) -> list[ProviderDefinition[OptionsT]]:
        """The providers with these ids; NotFound naming the first that does not exist."""
        return [await self.get(provider_id) for provider_id in dict.fromkeys(provider_ids)]

    async def name_taken(self, name: str, except_id: int) -> bool:
        """Whether another provider of the family has this name, ignoring case."""
        async with self._db.read() as session:
            other = await session.scalar(
                select(ProviderRow.id).where(
                    ProviderRow.family == self._family.key,
                    ProviderRow.name_key == name.lower(),
                    ProviderRow.id != except_id,
                )
            )
        return other is not None

    @staticmethod
    def _fill(row: ProviderRow, definition: ProviderDefinition[Any]) -> None:
        row.name = definition.name
        row.name_key = definition.name.lower()
        row.implementation = definition.implementation
        row.config_contract = definition.config_contract
        row.settings = definition.settings.model_dump(mode="json", by_alias=True)
        row.options = definition.options.model_dump(mode="json", by_alias=True)
        row.tags = sorted(set(definition.tags))

    async def insert(self, definition: ProviderDefinition[OptionsT]) -> int:
        """Store a new provider and return its id."""
        try:
            async with self._db.write() as session:
                row = ProviderRow(family=self._family.key, added=self._clock())
                self._fill(row, definition)
                session.add(row)
                await session.flush()
                return row.id
        except IntegrityError as error:
            raise _not_unique(definition.name) from error

    async def insert_missing(self, definitions: Iterable[ProviderDefinition[OptionsT]]) -> list[int]:
        """Store each definition whose implementation the family has no provider of yet, in one
        transaction serialized across processes; the new ids. One whose name is taken is left out."""
        async with self._db.write() as session:
            await self._db.serialize(session, f"providers.seed.{self._family.key}")
            present = (
                await session.execute(
                    select(ProviderRow.implementation, ProviderRow.name_key).where(
                        ProviderRow.family == self._family.key
                    )
                )
            ).all()
            implementations = {row.implementation for row in present}
            names = {row.name_key for row in present}
            added: list[ProviderRow] = []
            for definition in definitions:
                if definition.implementation in implementations:
                    continue
                if definition.name.lower() in names:
                    log.warning(
                        "%s %s not added: another provider has its name", self._family.title, definition.name
                    )
                    continue
                row = ProviderRow(family=self._family.key, added=self._clock())
                self._fill(row, definition)
                session.add(row)
                added.append(row)
                implementations.add(definition.implementation)
                names.add(row.name_key)
            await session.flush()
            return [row.id for row in added]

    async def replace(self, definitions: Iterable[ProviderDefinition[OptionsT]]) -> None:
        """Store new versions of existing providers in one transaction (NotFound if one went away)."""
        try:
            async with self._db.write() as session:
                for definition in definitions:
                    row = await session.get(ProviderRow, definition.id)
                    if row is None or row.family != self._family.key:
                        raise NotFound(f"{self._family.title} with ID {definition.id} does not exist")
                    self._fill(row, definition)
        except IntegrityError as error:
            raise ValidationFailed.single("name", "Should be unique") from error

    async def delete(self, provider_ids: Iterable[int]) -> list[int]:
        """Delete these providers; the ids that existed."""
        wanted = [i for i in set(provider_ids) if 0 < i <= _MAX_ID]
        if not wanted:
            return []
        async with self._db.write() as session:
            existing = list(
                await session.scalars(
                    select(ProviderRow.id).where(
                        ProviderRow.family == self._family.key, ProviderRow.id.in_(wanted)
                    )
                )
            )
            if existing:
                await session.execute(delete(ProviderRow).where(ProviderRow.id.in_(existing)))
        return sorted(existing)

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """The providers of the family that carry this tag."""
        return [d.id for d in await self.all() if tag_id in d.tags]
