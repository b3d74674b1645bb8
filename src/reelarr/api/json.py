"""A JSON response rendered with orjson, for answers built as plain data."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response


class JsonResponse(Response):
    """JSON rendered with orjson; datetimes come out as ISO-8601."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z)


def deleted() -> JsonResponse:
    """What a DELETE answers: 200 with `{}`.

    Radarr answers its single-item DELETEs with an empty body, which aiopyarr and arrapi fail to
    decode after the delete happened; `{}` (Radarr's answer to its bulk deletes) suits every client.
    """
    return JsonResponse({})
