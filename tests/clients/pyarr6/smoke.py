"""pyarr 6 against a running Reelarr: run with a Python >= 3.12 that has pyarr 6.9.0.

Usage: smoke.py URL API_KEY ROOT_FOLDER. Prints one JSON object with what each call returned, for
tests/clients/test_pyarr6.py to check; any exception pyarr raises ends it with a traceback.
"""

import json
import sys
from datetime import datetime
from urllib.parse import urlsplit

from pyarr import Radarr
from pyarr.exceptions import PyarrResourceNotFound


def main() -> None:
    url, api_key, root = sys.argv[1:4]
    parts = urlsplit(url)
    # No api_ver: pyarr 6 asks GET /api for the current version first.
    radarr = Radarr(parts.hostname, api_key, port=parts.port, tls=False)
    out: dict[str, object] = {}
    out["status"] = radarr.system.get_status()
    out["roots"] = radarr.root_folder.get()
    [found] = radarr.movie.lookup("tmdb:603")
    tag = radarr.tag.create("pyarr6")
    added = radarr.movie.add(
        found, root, 4, search_for_movie=False, minimum_availability="released", tags=[tag["id"]]
    )
    out["added"] = added
    out["all"] = radarr.movie.get()
    out["by_tmdb_id"] = radarr.movie.get(tmdb_id=603)
    added["monitored"] = False
    out["updated"] = radarr.movie.update(added, move_files=False)
    out["calendar"] = radarr.calendar.get(datetime(1999, 9, 1), datetime(1999, 9, 30), unmonitored=True)
    out["renamed_tag"] = radarr.tag.update(tag["id"], "pyarr-six")
    out["tag_details"] = radarr.tag.get_detail()
    out["command"] = radarr.command.execute("RefreshMovie", movieIds=[added["id"]])
    radarr.movie.delete(added["id"], delete_files=True, add_exclusion=True)
    out["exclusions"] = radarr.import_list_exclusion.get()
    try:
        radarr.movie.get(added["id"])
        out["deleted_is_404"] = False
    except PyarrResourceNotFound:
        out["deleted_is_404"] = True
    radarr.tag.delete(tag["id"])
    out["tags_after"] = radarr.tag.get()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
