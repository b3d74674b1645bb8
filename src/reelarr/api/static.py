"""The built web UI: hashed assets cached for good, index.html (with the URL base) for every app page."""

from __future__ import annotations

import html
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from reelarr.api.auth_middleware import is_program_path
from reelarr.api.json import JsonResponse

UI_DIR = Path(str(files("reelarr") / "web"))
_IMMUTABLE = "public, max-age=31536000, immutable"


class WebUi:
    """The files of the built UI, found once at start-up so requests never touch arbitrary paths."""

    def __init__(self, root: Path, url_base: str) -> None:
        self.root = root
        index = root / "index.html"
        self.files: dict[str, Path] = {}
        self.index_html: str | None = None
        if index.is_file():
            for path in root.rglob("*"):
                if path.is_file() and path != index:
                    self.files["/" + path.relative_to(root).as_posix()] = path
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
                immutable = url_path.startswith("/assets/")
                return FileResponse(file, headers={"Cache-Control": _IMMUTABLE if immutable else "no-cache"})
            if is_program_path(url_path) or "." in url_path.rsplit("/", 1)[-1]:
                return JsonResponse({"message": "Not Found"}, status_code=404)
            if self.index_html is None:
                return JsonResponse({"message": "The web UI is not built; run `make ui`"}, status_code=503)
            return HTMLResponse(self.index_html, headers={"Cache-Control": "no-cache"})

        return router
