"""Movie covers cached locally and served at /MediaCover/{movieId}/{file}, as Radarr does.

covers = ImageCache.from_registry(remote, settings.data_dir, url_base=settings.url_base)  # app.py
result = await covers.ensure(movie.id, movie.images)    # on add / refresh: download, resize
images = covers.links(movie.id, movie.images)           # MovieResource.images: one stat per image
await covers.delete(movie.id)                           # on delete
"""

from reelarr.mediacover.cache import (
    IMAGES_POLICY,
    SERVICE_NAME,
    CoverFile,
    CoverOutcome,
    CoversResult,
    ImageCache,
)
from reelarr.mediacover.covers import (
    EXTENSIONS,
    RESIZE_HEIGHTS,
    CoverImage,
    cover_file_name,
    cover_links,
    last_write_ticks,
)

__all__ = [
    "EXTENSIONS",
    "IMAGES_POLICY",
    "RESIZE_HEIGHTS",
    "SERVICE_NAME",
    "CoverFile",
    "CoverImage",
    "CoverOutcome",
    "CoversResult",
    "ImageCache",
    "cover_file_name",
    "cover_links",
    "last_write_ticks",
]
