"""Resources several endpoints share: qualities, quality models, revisions and languages."""

from __future__ import annotations

from reelarr.api.resource import Resource
from reelarr.languages import Language
from reelarr.quality.catalogue import Modifier, Quality, QualitySource
from reelarr.quality.revision import QualityModel


class QualityResource(Resource):
    """A quality as Radarr names it; source and modifier are Radarr's camelCase enum values."""

    id: int
    name: str = ""
    source: str = "unknown"
    resolution: int = 0
    modifier: str = "none"


class RevisionResource(Resource):
    """A release's revision."""

    version: int = 1
    real: int = 0
    is_repack: bool = False


class QualityModelResource(Resource):
    """A quality with its revision."""

    quality: QualityResource
    revision: RevisionResource = RevisionResource()


class LanguageResource(Resource):
    """A language by id and name."""

    id: int
    name: str = ""


def source_name(source: QualitySource) -> str:
    """Radarr's JSON name of a quality source (e.g. `webdl`, `bluray`)."""
    return source.name.lower()


def modifier_name(modifier: Modifier) -> str:
    """Radarr's JSON name of a quality modifier (e.g. `remux`, `none`)."""
    return modifier.name.lower()


def quality_resource(quality: Quality) -> QualityResource:
    """The API view of a catalogue quality."""
    return QualityResource(
        id=quality.id,
        name=quality.name,
        source=source_name(quality.source),
        resolution=quality.resolution,
        modifier=modifier_name(quality.modifier),
    )


def quality_model_resource(model: QualityModel) -> QualityModelResource:
    """The API view of a quality with its revision."""
    revision = model.revision
    return QualityModelResource(
        quality=quality_resource(model.quality),
        revision=RevisionResource(version=revision.version, real=revision.real, is_repack=revision.is_repack),
    )


def language_resource(language: Language) -> LanguageResource:
    """The API view of a language."""
    return LanguageResource(id=language.id, name=language.name)
