"""The resources every provider family shares (Radarr's ProviderResource and ProviderControllerBase):
`fields`, schema, CRUD with `forceSave`, bulk edit and delete, test, testall and actions."""

# No `from __future__ import annotations` here: the route handlers are made per family, and FastAPI
# must see their body types as objects, not as names it cannot resolve.
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Body, Depends, Query, Request, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.errors import validation_failure_json
from reelarr.api.json import JsonResponse, deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.providers.fields import SelectOption
from reelarr.providers.model import ApplyTags, BulkEdit, ProviderDefinition, ProviderInput, ProviderOptions
from reelarr.providers.schema import to_fields
from reelarr.providers.service import ProviderService
from reelarr.providers.status import ProviderStatus
from reelarr.services import Services

ServicesDep = Annotated[Services, Depends(get_services)]


class SelectOptionResource(Resource):
    """One choice of a select field."""

    value: int | str
    name: str
    order: int = 0
    hint: str | None = None
    parent_value: int | str | None = None
    divider_after: bool | None = None


class FieldResource(Resource):
    """One form field: how to draw it and its value (a set secret reads as "********")."""

    order: int = 0
    name: str = ""
    label: str | None = None
    unit: str | None = None
    help_text: str | None = None
    help_text_warning: str | None = None
    help_link: str | None = None
    value: Any = None
    type: str | None = None
    advanced: bool = False
    select_options: list[SelectOptionResource] | None = None
    select_options_provider_action: str | None = None
    section: str | None = None
    hidden: str | None = None
    privacy: str = "normal"
    placeholder: str | None = None
    is_float: bool = False


class MessageResource(Resource):
    """A note shown on an implementation's form."""

    message: str
    type: str


class ProviderStatusResource(Resource):
    """Reelarr's: how a provider has been failing (absent while it works)."""

    escalation_level: int
    initial_failure: datetime | None = None
    most_recent_failure: datetime | None = None
    disabled_till: datetime | None = None
    last_error: str | None = None


def status_resource(status: ProviderStatus | None) -> ProviderStatusResource | None:
    """The API view of a provider's status; None for one that never failed or has recovered."""
    if status is None or status.escalation_level == 0:
        return None
    return ProviderStatusResource(
        escalation_level=status.escalation_level,
        initial_failure=status.initial_failure,
        most_recent_failure=status.most_recent_failure,
        disabled_till=status.disabled_till,
        last_error=status.last_error,
    )


class ProviderResource(Resource):
    """What every provider resource has, in and out."""

    id: int = 0
    name: str | None = None
    fields: list[FieldResource] | None = None
    implementation_name: str | None = None
    implementation: str | None = None
    config_contract: str | None = None
    info_link: str | None = None
    message: MessageResource | None = None
    tags: list[int] | None = None
    presets: list[Any] | None = None
    status: ProviderStatusResource | None = None


class ProviderBulkResource(Resource):
    """A change to several providers at once."""

    ids: list[int] = Field(default_factory=list)
    tags: list[int] | None = None
    apply_tags: ApplyTags = ApplyTags.ADD


def _option(option: SelectOption) -> SelectOptionResource:
    return SelectOptionResource(
        value=option.value,
        name=option.name,
        order=option.order,
        hint=option.hint,
        parent_value=option.parent_value,
        divider_after=option.divider_after or None,
    )


def field_resources(definition: ProviderDefinition[Any]) -> list[FieldResource]:
    """The definition's settings as Radarr's `fields`."""
    fields = []
    for field in to_fields(definition.settings):
        spec = field.spec
        options = spec.options() if spec.options is not None else None
        fields.append(
            FieldResource(
                order=field.order,
                name=field.name,
                label=spec.label,
                unit=spec.unit,
                help_text=spec.help_text,
                help_text_warning=spec.help_text_warning,
                help_link=spec.help_link,
                value=field.value,
                type=spec.type.value,
                advanced=spec.advanced,
                select_options=[_option(o) for o in options] if options is not None else None,
                select_options_provider_action=spec.options_action,
                section=spec.section,
                hidden=spec.hidden,
                privacy=spec.privacy.value,
                placeholder=spec.placeholder,
                is_float=field.is_float,
            )
        )
    return fields


def base_resource(
    service: ProviderService[Any, Any], definition: ProviderDefinition[Any], status: ProviderStatus | None
) -> dict[str, Any]:
    """The shared properties of a provider resource, by attribute name."""
    implementation = service.implementation(definition)
    message = implementation.message
    return {
        "id": definition.id,
        "name": definition.name,
        "fields": field_resources(definition),
        "implementation_name": implementation.implementation_name,
        "implementation": implementation.implementation,
        "config_contract": definition.config_contract,
        "info_link": implementation.info_link(),
        "message": MessageResource(message=message.message, type=message.type) if message else None,
        "tags": list(definition.tags),
        "status": status_resource(status),
    }


R = TypeVar("R", bound=ProviderResource)
B = TypeVar("B", bound=ProviderBulkResource)


def sent_options(resource: Resource, options_type: type[ProviderOptions]) -> dict[str, Any]:
    """The family's options a client sent (by camelCase name); absent or null ones are kept as stored."""
    sent: dict[str, Any] = {}
    for attribute, info in options_type.model_fields.items():
        if attribute in resource.model_fields_set and getattr(resource, attribute, None) is not None:
            sent[info.alias or attribute] = getattr(resource, attribute)
    return sent


def provider_input(resource: ProviderResource, options_type: type[ProviderOptions]) -> ProviderInput:
    """What the service takes from a client's resource."""
    return ProviderInput(
        id=resource.id,
        name=resource.name,
        implementation=resource.implementation,
        config_contract=resource.config_contract,
        fields={f.name: f.value for f in resource.fields} if resource.fields is not None else None,
        tags=tuple(resource.tags) if resource.tags is not None else None,
        options=sent_options(resource, options_type),
    )


class ProviderRoutes(Generic[R, B]):
    """The routes of one family's resource, translating to its ProviderService."""

    def __init__(
        self,
        router: ApiRouter,
        resource_type: type[R],
        bulk_type: type[B],
        service_of: Callable[[Services], ProviderService[Any, Any]],
        to_resource: Callable[[ProviderService[Any, Any], ProviderDefinition[Any], ProviderStatus | None], R],
    ) -> None:
        self.router = router
        self.resource_type = resource_type
        self.bulk_type = bulk_type
        self.service_of = service_of
        self.to_resource = to_resource
        self._add_routes()

    async def _resources(
        self, service: ProviderService[Any, Any], definitions: list[ProviderDefinition[Any]]
    ) -> list[R]:
        statuses = await service.statuses.of(d.id for d in definitions)
        return [self.to_resource(service, d, statuses[d.id]) for d in definitions]

    async def _resource(self, service: ProviderService[Any, Any], definition: ProviderDefinition[Any]) -> R:
        return (await self._resources(service, [definition]))[0]

    def _input(self, service: ProviderService[Any, Any], resource: ProviderResource) -> ProviderInput:
        return provider_input(resource, service.family.options_type)

    def _add_routes(self) -> None:
        routes = self
        resource_type, bulk_type = self.resource_type, self.bulk_type

        async def list_all(services: ServicesDep) -> list[Any]:
            service = routes.service_of(services)
            return await routes._resources(service, await service.all())

        async def schema(services: ServicesDep) -> list[Any]:
            service = routes.service_of(services)
            found = []
            for template in service.templates():
                resource = routes.to_resource(service, template.definition, None)
                resource.presets = [routes.to_resource(service, p, None) for p in template.presets]
                found.append(resource)
            return found

        async def get_one(id: int, services: ServicesDep) -> Any:
            service = routes.service_of(services)
            return await routes._resource(service, await service.get(id))

        async def create(
            services: ServicesDep,
            body: Annotated[ProviderResource, Body()],
            force_save: Annotated[bool, Query(alias="forceSave")] = False,
        ) -> Any:
            service = routes.service_of(services)
            created = await service.create(routes._input(service, body), force_save=force_save)
            return await routes._resource(service, created)

        async def update(
            services: ServicesDep,
            body: Annotated[ProviderResource, Body()],
            id: int | None = None,
            force_save: Annotated[bool, Query(alias="forceSave")] = False,
        ) -> Any:
            service = routes.service_of(services)
            updated = await service.update(id, routes._input(service, body), force_save=force_save)
            return await routes._resource(service, updated)

        async def bulk_update(
            services: ServicesDep, body: Annotated[ProviderBulkResource, Body()]
        ) -> list[Any]:
            service = routes.service_of(services)
            edit = BulkEdit(
                ids=tuple(body.ids),
                tags=tuple(body.tags) if body.tags is not None else None,
                apply_tags=body.apply_tags,
                options=sent_options(body, service.family.options_type),
            )
            return await routes._resources(service, await service.bulk_update(edit))

        async def bulk_delete(
            services: ServicesDep, body: Annotated[ProviderBulkResource, Body()]
        ) -> Response:
            await routes.service_of(services).delete(body.ids)
            return deleted()

        async def delete_one(id: int, services: ServicesDep) -> Response:
            await routes.service_of(services).delete_one(id)
            return deleted()

        async def test(
            services: ServicesDep,
            body: Annotated[ProviderResource, Body()],
            force_test: Annotated[bool, Query(alias="forceTest")] = False,
        ) -> Response:
            service = routes.service_of(services)
            await service.test(routes._input(service, body), force_test=force_test)
            return JsonResponse({})

        async def test_all(services: ServicesDep) -> Response:
            results = await routes.service_of(services).test_all()
            body = [
                {
                    "id": r.id,
                    "isValid": r.is_valid,
                    "validationFailures": [validation_failure_json(f) for f in r.failures],
                }
                for r in results
            ]
            return JsonResponse(body, status_code=200 if all(r.is_valid for r in results) else 400)

        async def action(
            name: str,
            request: Request,
            services: ServicesDep,
            body: Annotated[ProviderResource, Body()],
        ) -> Response:
            service = routes.service_of(services)
            query = dict(request.query_params.items())
            return JsonResponse(await service.action(name, routes._input(service, body), query))

        # FastAPI reads the body type from the annotations: make them this family's resources.
        handler: Any
        for handler in (create, update, test, action):
            handler.__annotations__["body"] = Annotated[resource_type, Body()]
        for handler in (bulk_update, bulk_delete):
            handler.__annotations__["body"] = Annotated[bulk_type, Body()]
        many: Any = list[resource_type]  # type: ignore[valid-type]
        router = self.router
        router.add_api_route("", list_all, methods=["GET"], response_model=many)
        router.add_api_route("/schema", schema, methods=["GET"], response_model=many)
        router.add_api_route("/testall", test_all, methods=["POST"])
        router.add_api_route("/test", test, methods=["POST"])
        router.add_api_route("/action/{name}", action, methods=["POST"])
        router.add_api_route("/bulk", bulk_update, methods=["PUT"], status_code=202, response_model=many)
        router.add_api_route("/bulk", bulk_delete, methods=["DELETE"])
        router.add_api_route("/{id}", get_one, methods=["GET"], response_model=resource_type)
        router.add_api_route("", create, methods=["POST"], status_code=201, response_model=resource_type)
        put_with_optional_id(router, "", status_code=202, response_model=resource_type)(update)
        router.add_api_route("/{id}", delete_one, methods=["DELETE"])
