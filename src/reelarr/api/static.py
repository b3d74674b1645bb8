"""The built web UI: hashed assets cached for good, index.html (with the URL base) for every app page.

The build writes `.br` and `.gz` copies beside the text assets (frontend/scripts/precompress.mjs);
a browser that accepts one gets it as it is, with its own ETag, and others the plain file.
"""

from __future__ import annotations

import html
import mimetypes
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from reelarr.api.auth_middleware import is_program_path
from reelarr.api.compression import add_vary
from reelarr.api.content_coding import IDENTITY, preferred_coding
from reelarr.api.json import JsonResponse

UI_DIR = Path(str(files("reelarr") / "web"))
_IMMUTABLE = "public, max-age=31536000, immutable"
# Precompressed copies by coding, the server's preference first, and the suffix of their files.
_PRECOMPRESSED = {"br": ".br", "zstd": ".zst", "gzip": ".gz"}


class WebUi:
    """The files of the built UI, found once at start-up so requests never touch arbitrary paths."""

    def __init__(self, root: Path, url_base: str) -> None:
        self.root = root
        index = root / "index.html"
        self.files: dict[str, Path] = {}
        self.encoded: dict[str, dict[str, Path]] = {}
        self.index_html: str | None = None
        if index.is_file():
            found = {path for path in root.rglob("*") if path.is_file() and path != index}
            copies_of_files = {copy for plain in found for copy in _copies(plain, found).values()}
            for path in found - copies_of_files:
                url_path = "/" + path.relative_to(root).as_posix()
                self.files[url_path] = path
                if copies := _copies(path, found):
                    self.encoded[url_path] = copies
            base = f'<base href="{html.escape(url_base)}/">'
            self.index_html = index.read_text("utf-8").replace("<head>", f"<head>{base}", 1)

    @property
    def static_paths(self) -> frozenset[str]:
        """URL paths of the UI's files other than index.html (served without login)."""
        return frozenset(self.files)

    def router(self) -> APIRouter:
        """Routes for the UI's files and its pages; registered last so API routes win."""
        router = APIRouter(include_in_schema=False)

        @router.api_route("/{path:path}", methods=["GET", "HEAD"])
        async def serve(path: str, request: Request) -> Response:
            url_path = "/" + path
            # A rebuilt UI (new hashed names) leaves old names known but gone: those are a 404.
            if (file := self.files.get(url_path)) is not None and file.is_file():
                return self._asset(url_path, file, request)
            if is_program_path(url_path) or "." in url_path.rsplit("/", 1)[-1]:
                return JsonResponse({"message": "Not Found"}, status_code=404)
            if self.index_html is None:
                return JsonResponse({"message": "The web UI is not built; run `make ui`"}, status_code=503)
            return HTMLResponse(self.index_html, headers={"Cache-Control": "no-cache"})

        return router

    def _asset(self, url_path: str, file: Path, request: Request) -> Response:
        """The file, or its precompressed copy the client takes (not for ranges: those are of the file)."""
        headers = {"Cache-Control": _IMMUTABLE if url_path.startswith("/assets/") else "no-cache"}
        copies = self.encoded.get(url_path, {})
        coding = IDENTITY
        if copies and "range" not in request.headers:
            coding = preferred_coding(request.headers.get("accept-encoding"), list(copies))
        if coding != IDENTITY and copies[coding].is_file():
            headers["Content-Encoding"] = coding
            response = FileResponse(copies[coding], headers=headers, media_type=_media_type(file))
        else:
            response = FileResponse(file, headers=headers)
        if copies:
            add_vary(response.headers)
        return response


def _copies(path: Path, found: set[Path]) -> dict[str, Path]:
    """The precompressed copies of a file the build wrote beside it, by coding."""
    return {
        coding: copy
        for coding, suffix in _PRECOMPRESSED.items()
        if (copy := path.with_name(path.name + suffix)) in found
    }


def _media_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
