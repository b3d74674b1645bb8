"""The rules of a provider family's resource, as Radarr's ProviderControllerBase applies them.

Create and update validate the settings of an enabled provider and test it for real before
saving; `forceSave` saves anyway (Prowlarr retries with it after a 400). Secrets come back masked
and a masked secret sent back keeps the stored one.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Generic

from pydantic import ValidationError as PydanticValidationError

from reelarr.db.engine import Database
from reelarr.errors import NotFound, ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus, EventsMissed
from reelarr.providers.events import ProviderChanged
from reelarr.providers.family import Family, P
from reelarr.providers.model import (
    ApplyTags,
    BulkEdit,
    OptionsT,
    ProviderDefinition,
    ProviderInput,
    TestResult,
)
from reelarr.providers.schema import read_fields
from reelarr.providers.settings import ProviderSettings
from reelarr.providers.status import ProviderStatuses
from reelarr.providers.store import ProviderStore

log = logging.getLogger(__name__)
ExistingTags = Callable[[Iterable[int]], Awaitable[set[int]]]


@dataclass(frozen=True, slots=True)
class Template:
    """An implementation's blank definition and its presets, for the schema."""

    definition: ProviderDefinition[Any]
    presets: tuple[ProviderDefinition[Any], ...]


def _raise_if(failures: list[ValidationFailure], *, include_warnings: bool) -> None:
    errors = [f for f in failures if f.severity != "warning"]
    if errors or (include_warnings and failures):
        raise ValidationFailed(failures if include_warnings else errors)


class ProviderService(Generic[OptionsT, P]):
    """CRUD, schema, test and actions of one provider family.

    The family's definitions are kept in memory once read (every health check and search reads them);
    a change, here or in another process, drops them.
    """

    def __init__(
        self,
        db: Database,
        bus: EventBus,
        clock: Callable[[], datetime],
        family: Family[OptionsT, P],
        statuses: ProviderStatuses,
        existing_tags: ExistingTags,
    ) -> None:
        self.family = family
        self.store: ProviderStore[OptionsT, P] = ProviderStore(db, family, clock)
        self.statuses = statuses
        self._bus = bus
        self._existing_tags = existing_tags
        self._kept: tuple[ProviderDefinition[OptionsT], ...] | None = None
        self._generation = 0
        bus.subscribe(ProviderChanged, self._changed, remote=True)
        bus.subscribe(EventsMissed, self._forget, remote=True)

    async def _changed(self, event: ProviderChanged) -> None:
        if event.family == self.family.key:
            await self._forget(event)

    async def _forget(self, _event: Event) -> None:
        self._generation += 1
        self._kept = None

    # -- reading ------------------------------------------------------------------------------

    async def all(self) -> list[ProviderDefinition[OptionsT]]:
        """Every provider of the family, by name (read once until one changes)."""
        kept = self._kept
        if kept is None:
            generation = self._generation
            kept = tuple(await self.store.all())
            if generation == self._generation:
                self._kept = kept
        return list(kept)

    async def get(self, provider_id: int) -> ProviderDefinition[OptionsT]:
        """One provider; NotFound when there is none."""
        return await self.store.get(provider_id)

    async def exists(self, provider_id: int) -> bool:
        """Whether the family has a provider with this id."""
        try:
            await self.store.get(provider_id)
        except NotFound:
            return False
        return True

    def implementation(self, definition: ProviderDefinition[Any]) -> type[P]:
        """The class of a definition's implementation."""
        found = self.family.registry.find(definition.implementation)
        assert found is not None, definition.implementation
        return found

    def instance(self, definition: ProviderDefinition[OptionsT]) -> P:
        """A working provider for this definition."""
        return self.family.build(self.implementation(definition), definition)

    def templates(self) -> list[Template]:
        """Each implementation's blank definition with its presets (Radarr's `/schema`)."""
        templates = []
        for implementation in self.family.registry.all():
            settings = implementation.settings_model()
            blank = ProviderDefinition(
                id=0,
                name="",
                implementation=implementation.implementation,
                config_contract=implementation.config_contract(),
                settings=settings,
                options=self.family.template_options(implementation, settings),
            )
            presets = tuple(
                replace(
                    blank,
                    name=preset.name,
                    settings=preset.settings,
                    options=blank.options.model_copy(update=dict(preset.options)),
                )
                for preset in implementation.presets()
            )
            templates.append(Template(blank, presets))
        return templates

    # -- from a client's body to a definition ---------------------------------------------------

    def _options(self, body: ProviderInput, existing: ProviderDefinition[OptionsT] | None) -> OptionsT:
        base: dict[str, Any] = existing.options.model_dump(by_alias=True) if existing else {}
        try:
            return self.family.options_type.model_validate({**base, **body.options})
        except PydanticValidationError as error:
            raise ValidationFailed.from_pydantic(error) from error

    def planned(
        self, body: ProviderInput, existing: ProviderDefinition[OptionsT] | None
    ) -> ProviderDefinition[OptionsT]:
        """The provider `body` describes (over `existing` when given), checked field by field but
        not saved: what an update would store (a Radarr import compares it to tell a change)."""
        return self._definition(body, existing)

    def _definition(
        self, body: ProviderInput, existing: ProviderDefinition[OptionsT] | None
    ) -> ProviderDefinition[OptionsT]:
        name = body.implementation or (existing.implementation if existing else "")
        if not name:
            raise ValidationFailed.single("implementation", "'Implementation' must not be empty.")
        implementation = self.family.registry.find(name)
        if implementation is None:
            raise ValidationFailed.single(
                "implementation", f"{self.family.title} implementation '{name}' is not known", name
            )
        contract = implementation.config_contract()
        if body.config_contract is not None and body.config_contract.lower() != contract.lower():
            raise ValidationFailed.single(
                "configContract",
                f"{implementation.implementation} is configured with {contract}",
                body.config_contract,
            )
        if body.fields is None and existing is None:
            raise ValidationFailed.single("fields", "'Fields' must not be empty.")
        same = existing is not None and existing.implementation == implementation.implementation
        if body.fields is None and existing is not None and same:
            settings = existing.settings
        else:
            settings = read_fields(
                implementation.settings_model,
                body.fields or {},
                existing.settings if same and existing else None,
            )
        tags = body.tags if body.tags is not None else (existing.tags if existing else ())
        return ProviderDefinition(
            id=existing.id if existing else 0,
            name=(body.name if body.name is not None else (existing.name if existing else "")).strip(),
            implementation=implementation.implementation,
            config_contract=contract,
            settings=settings,
            options=self._options(body, existing),
            tags=tuple(sorted(set(tags))),
        )

    async def _check_shared(self, definition: ProviderDefinition[OptionsT]) -> None:
        """The rules no `forceSave` skips: a unique name, known tags, valid options."""
        failures: list[ValidationFailure] = []
        if not definition.name:
            failures.append(ValidationFailure("name", "'Name' must not be empty.", definition.name))
        elif await self.store.name_taken(definition.name, definition.id):
            failures.append(ValidationFailure("name", "Should be unique", definition.name))
        unknown = sorted(set(definition.tags) - await self._existing_tags(definition.tags))
        if unknown:
            failures.append(
                ValidationFailure("tags", f"Tags do not exist: {', '.join(map(str, unknown))}", None)
            )
        if self.family.check_options is not None:
            failures.extend(await self.family.check_options(definition.options))
        if failures:
            raise ValidationFailed(failures)

    async def _test_failures(self, definition: ProviderDefinition[OptionsT]) -> list[ValidationFailure]:
        try:
            failures = await self.instance(definition).test()
        except Exception as error:
            log.warning("Testing %s %s failed: %s", self.family.title, definition.name, type(error).__name__)
            failures = [ValidationFailure("", f"Test was aborted due to an error: {error}")]
        if definition.id > 0:
            errors = [f for f in failures if f.severity != "warning"]
            if errors:
                await self.statuses.record_failure(definition.id, errors[0].error_message)
            else:
                await self.statuses.record_success(definition.id)
        return failures

    async def _validate_and_test(self, definition: ProviderDefinition[OptionsT], *, force_save: bool) -> None:
        if force_save or not definition.enabled:
            return
        _raise_if(definition.settings.check(), include_warnings=True)
        _raise_if(await self._test_failures(definition), include_warnings=True)

    # -- writing ----------------------------------------------------------------------------------

    async def create(self, body: ProviderInput, *, force_save: bool = False) -> ProviderDefinition[OptionsT]:
        """Add a provider; an enabled one is validated and tested first unless `force_save`."""
        definition = self._definition(body, None)
        await self._check_shared(definition)
        await self._validate_and_test(definition, force_save=force_save)
        provider_id = await self.store.insert(definition)
        await self._bus.publish(
            ProviderChanged(family=self.family.key, provider_id=provider_id, action="created")
        )
        return await self.store.get(provider_id)

    async def update(
        self, provider_id: int | None, body: ProviderInput, *, force_save: bool = False
    ) -> ProviderDefinition[OptionsT]:
        """Change a provider (the id from the path, else the body's); tested again only when changed."""
        existing = await self.store.find(provider_id) if provider_id else None
        if existing is None:
            # Radarr falls back to the body's id; NotFound names the id asked for.
            existing = await self.store.find(body.id) if body.id else None
            if existing is None:
                existing = await self.store.get(provider_id or body.id)
        definition = self._definition(body, existing)
        await self._check_shared(definition)
        if definition == existing:
            return existing
        await self._validate_and_test(definition, force_save=force_save)
        await self.store.replace([definition])
        await self._bus.publish(
            ProviderChanged(family=self.family.key, provider_id=definition.id, action="updated")
        )
        return await self.store.get(definition.id)

    async def save_settings(self, provider_id: int, settings: ProviderSettings) -> None:
        """Store settings the provider changed itself (a refreshed token: Radarr's UpdateSettings),
        unchecked; told as action "settings", so caches forget it but its connections stay."""
        definition = await self.store.get(provider_id)
        await self.store.replace([replace(definition, settings=settings)])
        await self._bus.publish(
            ProviderChanged(family=self.family.key, provider_id=provider_id, action="settings")
        )

    async def bulk_update(self, edit: BulkEdit) -> list[ProviderDefinition[OptionsT]]:
        """Apply the same tags and options to several providers at once (no test, as Radarr)."""
        if not edit.ids:
            raise ValidationFailed.single("ids", "ids must be provided")
        changed = []
        for existing in await self.store.many(edit.ids):
            tags = set(existing.tags)
            if edit.tags is not None:
                if edit.apply_tags == ApplyTags.ADD:
                    tags |= set(edit.tags)
                elif edit.apply_tags == ApplyTags.REMOVE:
                    tags -= set(edit.tags)
                else:
                    tags = set(edit.tags)
            definition = replace(
                existing,
                tags=tuple(sorted(tags)),
                options=self._options(ProviderInput(options=edit.options), existing),
            )
            await self._check_shared(definition)
            changed.append(definition)
        await self.store.replace(changed)
        for definition in changed:
            await self._bus.publish(
                ProviderChanged(family=self.family.key, provider_id=definition.id, action="updated")
            )
        return [await self.store.get(d.id) for d in changed]

    async def delete(self, provider_ids: Iterable[int]) -> None:
        """Delete providers (ids that do not exist are skipped, as Radarr's bulk delete does)."""
        for provider_id in await self.store.delete(provider_ids):
            await self._bus.publish(
                ProviderChanged(family=self.family.key, provider_id=provider_id, action="deleted")
            )

    async def delete_one(self, provider_id: int) -> None:
        """Delete one provider; NotFound when there is none."""
        await self.store.get(provider_id)
        await self.delete([provider_id])

    # -- test and actions -------------------------------------------------------------------------

    async def test(self, body: ProviderInput, *, force_test: bool = False) -> None:
        """Validate and try a provider as sent (saved or not); ValidationFailed says what is wrong."""
        existing = await self.store.find(body.id) if body.id > 0 else None
        definition = self._definition(body, existing)
        _raise_if(definition.settings.check(), include_warnings=not force_test)
        _raise_if(await self._test_failures(definition), include_warnings=True)

    async def test_all(self) -> list[TestResult]:
        """Test every enabled provider whose settings are valid."""
        results = []
        for definition in await self.store.all():
            checked = definition.settings.check()
            if not definition.enabled or any(f.severity != "warning" for f in checked):
                continue
            results.append(TestResult(definition.id, tuple(await self._test_failures(definition))))
        return results

    async def action(self, name: str, body: ProviderInput, query: Mapping[str, str]) -> Any:
        """Run a provider's named action (e.g. list a Newznab site's categories) on the settings sent."""
        existing = await self.store.find(body.id) if body.id > 0 else None
        return await self.instance(self._definition(body, existing)).action(name, query)

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """The providers carrying a tag (for the tags page)."""
        return await self.store.ids_with_tag(tag_id)
