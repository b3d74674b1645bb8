"""What clients send to /api/v3/movie: lenient about extra fields, strict about the ones that matter."""

from __future__ import annotations

from pydantic import Field, field_validator

from reelarr.api.resource import Resource
from reelarr.errors import ValidationFailed
from reelarr.movies.changes import MovieChanges
from reelarr.movies.editor import ApplyTags, EditorRequest
from reelarr.movies.model import AddMethod, MinimumAvailability, Movie
from reelarr.movies.service import AddMovie

_AVAILABILITY_BY_NUMBER = ["tba", "announced", "inCinemas", "released"]


def parse_availability(value: object, field: str = "minimumAvailability") -> MinimumAvailability:
    """Radarr's availability from its name in any case, or its number."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(_AVAILABILITY_BY_NUMBER):
        value = _AVAILABILITY_BY_NUMBER[value]
    if isinstance(value, str):
        wanted = value.strip().lower()
        if wanted == "predb":
            return MinimumAvailability.RELEASED
        for option in MinimumAvailability:
            if option.value.lower() == wanted:
                return option
    raise ValidationFailed.single(field, f"'{value}' is not a valid minimum availability", value)


class AddOptionsInput(Resource):
    """What to do right after adding."""

    search_for_movie: bool = False
    monitor: str | None = None
    add_method: str | int | None = None

    def method(self) -> AddMethod:
        """Radarr's addMethod by name in any case or by number; manual when not given."""
        value = self.add_method
        if value is None:
            return AddMethod.MANUAL
        methods = list(AddMethod)
        if isinstance(value, int) and 0 <= value < len(methods):
            return methods[value]
        for method in methods:
            if isinstance(value, str) and method.value == value.strip().lower():
                return method
        raise ValidationFailed.single("addOptions.addMethod", f"'{value}' is not a valid add method", value)


class AddMovieInput(Resource):
    """A movie to add: at least tmdbId, a profile and a root folder (or a path)."""

    tmdb_id: int = 0
    quality_profile_id: int = 0
    profile_id: int = 0
    root_folder_path: str | None = None
    path: str | None = None
    monitored: bool = True
    minimum_availability: str | int = "released"
    tags: list[int] | None = None
    add_options: AddOptionsInput | None = None

    @field_validator("tags", mode="before")
    @classmethod
    def _no_tags(cls, value: object) -> object:
        return [] if value is None else value

    def to_request(self) -> AddMovie:
        """The add request this body describes."""
        options = self.add_options or AddOptionsInput()
        monitored = self.monitored and (options.monitor or "").lower() != "none"
        return AddMovie(
            tmdb_id=self.tmdb_id,
            quality_profile_id=self.quality_profile_id or self.profile_id,
            root_folder_path=self.root_folder_path or None,
            path=self.path or None,
            monitored=monitored,
            minimum_availability=parse_availability(self.minimum_availability),
            tags=tuple(self.tags or ()),
            search_for_movie=options.search_for_movie,
            monitor_collection=(options.monitor or "").lower() == "movieandcollection",
            add_method=options.method(),
        )


class MovieUpdateInput(Resource):
    """A whole MovieResource sent back; only the user's settings are taken from it."""

    id: int = 0
    monitored: bool | None = None
    minimum_availability: str | int | None = None
    quality_profile_id: int | None = None
    profile_id: int | None = None
    path: str | None = None
    root_folder_path: str | None = None
    tags: list[int] | None = None

    def to_changes(self, current: Movie) -> MovieChanges:
        """The changes to apply to `current`."""
        path = self.path if self.path and self.path != current.path else None
        return MovieChanges(
            monitored=self.monitored,
            minimum_availability=(
                parse_availability(self.minimum_availability)
                if self.minimum_availability is not None
                else None
            ),
            quality_profile_id=self.quality_profile_id or self.profile_id or None,
            path=path,
            root_folder_path=self.root_folder_path or None,
            tags=tuple(self.tags) if self.tags is not None else None,
        )


class EditorInput(Resource):
    """A change to several movies."""

    movie_ids: list[int] = Field(default_factory=list)
    monitored: bool | None = None
    quality_profile_id: int | None = None
    minimum_availability: str | int | None = None
    root_folder_path: str | None = None
    tags: list[int] | None = None
    apply_tags: str = "add"
    move_files: bool = False

    def to_request(self) -> EditorRequest:
        """The bulk edit this body describes."""
        try:
            apply = ApplyTags(self.apply_tags.lower())
        except ValueError as error:
            raise ValidationFailed.single(
                "applyTags", "Must be add, remove or replace", self.apply_tags
            ) from error
        return EditorRequest(
            movie_ids=tuple(self.movie_ids),
            monitored=self.monitored,
            quality_profile_id=self.quality_profile_id,
            minimum_availability=(
                parse_availability(self.minimum_availability)
                if self.minimum_availability is not None
                else None
            ),
            root_folder_path=self.root_folder_path or None,
            tags=tuple(self.tags) if self.tags is not None else None,
            apply_tags=apply,
            move_files=self.move_files,
        )


class EditorDeleteInput(Resource):
    """Several movies to remove."""

    movie_ids: list[int] = Field(default_factory=list)
    delete_files: bool = False
    add_import_exclusion: bool = False
