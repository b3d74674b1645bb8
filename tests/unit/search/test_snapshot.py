"""Free space is read where each film lives: its folder, else its root folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from reelarr.search.snapshot import free_space_of
from tests.unit.decisions.builders import movie


def test_free_space_comes_from_the_films_folder_or_its_root(tmp_path: Path) -> None:
    root = tmp_path / "movies"
    (root / "Here (1999)").mkdir(parents=True)
    here = movie(id=1, path=str(root / "Here (1999)"), root_folder_path=str(root))
    not_yet = movie(id=2, path=str(root / "Not Yet (2000)"), root_folder_path=str(root))
    nowhere = movie(id=3, path="/nonexistent/x", root_folder_path="/nonexistent")
    found = free_space_of([here, not_yet, nowhere])
    assert set(found) == {1, 2}
    assert found[1] == shutil.disk_usage(root).free or found[1] > 0
