"""Paths are matched to routes ignoring case, without touching parameter values."""

from __future__ import annotations

import pytest

from reelarr.api.routing import PathCanonicalizer

ROUTES = PathCanonicalizer(
    [
        "/api/v3/qualityprofile",
        "/api/v3/qualityprofile/{id}",
        "/api/v3/qualityprofile/schema",
        "/api/v3/mediacover/{movie_id}/{filename}",
        "/{path:path}",
    ]
)


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/api/v3/qualityProfile", "/api/v3/qualityprofile"),
        ("/API/V3/QualityProfile/7", "/api/v3/qualityprofile/7"),
        ("/api/v3/qualityProfile/Schema", "/api/v3/qualityprofile/schema"),
        ("/api/v3/MediaCover/12/Poster.JPG", "/api/v3/mediacover/12/Poster.JPG"),
        ("/api/v3/qualityprofile", "/api/v3/qualityprofile"),
        ("/Movies/Blade-Runner", "/Movies/Blade-Runner"),
    ],
)
def test_canonical_path(path: str, canonical: str) -> None:
    assert ROUTES.canonical(path) == canonical
