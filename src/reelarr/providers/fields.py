"""How a settings attribute is drawn as a form field: label, type, help, advanced, privacy, options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import Field


class FieldType(StrEnum):
    """The kinds of form field Radarr's UI draws (its `FieldType`, camelCase)."""

    TEXTBOX = "textbox"
    NUMBER = "number"
    PASSWORD = "password"  # noqa: S105 (a field type, not a password)
    CHECKBOX = "checkbox"
    SELECT = "select"
    PATH = "path"
    FILE_PATH = "filePath"
    TAG = "tag"
    ACTION = "action"
    URL = "url"
    CAPTCHA = "captcha"
    OAUTH = "oAuth"
    DEVICE = "device"
    TAG_SELECT = "tagSelect"
    ROOT_FOLDER = "rootFolder"
    QUALITY_PROFILE = "qualityProfile"
    MOVIE_TAG = "movieTag"
    KEY_VALUE_LIST = "keyValueList"


class Privacy(StrEnum):
    """How secret a value is; passwords and API keys are masked on read."""

    NORMAL = "normal"
    PASSWORD = "password"  # noqa: S105 (a field type, not a password)
    API_KEY = "apiKey"
    USER_NAME = "userName"


SECRET = frozenset({Privacy.PASSWORD, Privacy.API_KEY})
# What a secret reads as; a client that sends it back leaves the stored secret as it is.
MASK = "********"


@dataclass(frozen=True, slots=True)
class SelectOption:
    """One choice of a select field."""

    value: int | str
    name: str
    order: int = 0
    hint: str | None = None
    parent_value: int | str | None = None
    divider_after: bool = False


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """Everything about a field but its name and value; kept in the pydantic field's metadata."""

    label: str
    type: FieldType = FieldType.TEXTBOX
    help_text: str | None = None
    help_text_warning: str | None = None
    help_link: str | None = None
    advanced: bool = False
    privacy: Privacy = Privacy.NORMAL
    unit: str | None = None
    placeholder: str | None = None
    section: str | None = None
    hidden: str | None = None  # "hidden" or "hiddenIfNotSet"
    options: Callable[[], Sequence[SelectOption]] | None = None
    options_action: str | None = None  # the provider action that lists the options instead

    @property
    def secret(self) -> bool:
        """Whether the value is masked when read."""
        return self.privacy in SECRET


def setting(
    default: Any = None,
    *,
    label: str,
    type: FieldType = FieldType.TEXTBOX,
    help: str | None = None,
    help_warning: str | None = None,
    help_link: str | None = None,
    advanced: bool = False,
    privacy: Privacy = Privacy.NORMAL,
    unit: str | None = None,
    placeholder: str | None = None,
    section: str | None = None,
    hidden: str | None = None,
    options: Callable[[], Sequence[SelectOption]] | None = None,
    options_action: str | None = None,
    alias: str | None = None,
    default_factory: Callable[[], Any] | None = None,
    in_repr: bool | None = None,
) -> Any:
    """A settings attribute that is also a form field; secrets stay out of reprs (and so of logs), as
    does any value with `in_repr=False` (a URL holding a token that the API still shows)."""
    spec = FieldSpec(
        label=label,
        type=type,
        help_text=help,
        help_text_warning=help_warning,
        help_link=help_link,
        advanced=advanced,
        privacy=privacy,
        unit=unit,
        placeholder=placeholder,
        section=section,
        hidden=hidden,
        options=options,
        options_action=options_action,
    )
    extra: dict[str, Any] = {"alias": alias} if alias else {}
    shown = not spec.secret if in_repr is None else in_repr
    if default_factory is not None:
        info = Field(default_factory=default_factory, repr=shown, **extra)
    else:
        info = Field(default, repr=shown, **extra)
    info.metadata.append(spec)
    return info


def enum_options(
    labels: Sequence[tuple[int, str]], *, hints: bool = True
) -> Callable[[], list[SelectOption]]:
    """Options from (value, label) pairs in the given order, hinted "(value)" as Radarr's FieldOption does."""

    def options() -> list[SelectOption]:
        return [
            SelectOption(value=value, name=name, order=order, hint=f"({value})" if hints else None)
            for order, (value, name) in enumerate(labels)
        ]

    return options
