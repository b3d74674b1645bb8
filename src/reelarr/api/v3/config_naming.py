"""/api/v3/config/naming: how films' folders and files are named, and examples of the names."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import Body, Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.errors import ValidationFailed
from reelarr.naming.config import ColonReplacement, NamingConfig, colon_replacement
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/naming", tags=["NamingConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]


class NamingConfigResource(Resource):
    """Radarr's NamingConfigResource; fields a client leaves out keep their stored values."""

    id: int = 1
    rename_movies: bool | None = None
    replace_illegal_characters: bool | None = None
    colon_replacement_format: ColonReplacement | str | int | None = None
    standard_movie_format: str | None = None
    movie_folder_format: str | None = None


class NamingExampleResource(Resource):
    """The sample film's names; a format left empty has no example."""

    movie_example: str | None = None
    movie_folder_example: str | None = None


def _resource(config: NamingConfig) -> NamingConfigResource:
    return NamingConfigResource(
        id=1,
        rename_movies=config.rename_movies,
        replace_illegal_characters=config.replace_illegal_characters,
        colon_replacement_format=config.colon_replacement_format,
        standard_movie_format=config.standard_movie_format,
        movie_folder_format=config.movie_folder_format,
    )


def _colon(value: object) -> ColonReplacement:
    found = colon_replacement(value) if isinstance(value, str | int) else None
    if found is None:
        raise ValidationFailed.single(
            "colonReplacementFormat", f"'{value}' is not a valid colon replacement format", value
        )
    return found


def _merged(current: NamingConfig, sent: dict[str, Any]) -> NamingConfig:
    """The stored settings with what a client sent laid over them."""
    values = {name: value for name, value in sent.items() if value is not None}
    if "colon_replacement_format" in values:
        values["colon_replacement_format"] = _colon(values["colon_replacement_format"])
    return replace(current, **values)


@router.get("")
async def get_naming_config(services: ServicesDep) -> NamingConfigResource:
    """The settings in force."""
    return _resource(await services.naming.config())


@router.get("/examples")
async def get_naming_examples(
    services: ServicesDep,
    rename_movies: Annotated[bool | None, Query(alias="renameMovies")] = None,
    replace_illegal_characters: Annotated[bool | None, Query(alias="replaceIllegalCharacters")] = None,
    colon_replacement_format: Annotated[str | None, Query(alias="colonReplacementFormat")] = None,
    standard_movie_format: Annotated[str | None, Query(alias="standardMovieFormat")] = None,
    movie_folder_format: Annotated[str | None, Query(alias="movieFolderFormat")] = None,
) -> NamingExampleResource:
    """The sample film named under the saved settings with those the query names laid over them
    (the settings page sends its unsaved form so)."""
    config = _merged(
        await services.naming.config(),
        {
            "rename_movies": rename_movies,
            "replace_illegal_characters": replace_illegal_characters,
            "colon_replacement_format": colon_replacement_format,
            "standard_movie_format": standard_movie_format,
            "movie_folder_format": movie_folder_format,
        },
    )
    examples = await services.naming.examples(config)
    return NamingExampleResource(
        movie_example=examples.movie_example, movie_folder_example=examples.movie_folder_example
    )


@router.get("/{id}")
async def get_naming_config_by_id(id: int, services: ServicesDep) -> NamingConfigResource:
    """The settings in force (there is one set, whatever the id)."""
    return _resource(await services.naming.config())


@put_with_optional_id(router, "", status_code=202)
async def save_naming_config(
    services: ServicesDep, body: Annotated[NamingConfigResource, Body()], id: int | None = None
) -> NamingConfigResource:
    """Save the settings sent (Recyclarr and pyarr send the whole resource back); a 400 in Radarr's
    shape when a format breaks a rule."""
    sent = body.model_dump(exclude={"id"})
    return _resource(await services.naming.save(_merged(await services.naming.config(), sent)))
