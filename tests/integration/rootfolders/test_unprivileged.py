"""What a Reelarr running as an ordinary user sees of folders it may not read or write.

Tests run as root, who reads and writes everything, so these run the probes as `nobody`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or SETPRIV is None, reason="needs root and setpriv to act as another user"
)

PROBE = """
import dataclasses, json, sys
from reelarr.rootfolders.browser import lookup
from reelarr.rootfolders.disk import current_user, folder_details, is_writable
folder = sys.argv[1]
print(json.dumps({
    "listing": dataclasses.asdict(lookup(folder + "/", True, False)),
    "writable": is_writable(folder),
    "details": dataclasses.asdict(folder_details(folder, with_subfolders=True)),
    "user": current_user(),
}, default=str))
"""


def as_nobody(folder: Path) -> dict[str, Any]:
    assert SETPRIV is not None
    result = subprocess.run(
        [
            SETPRIV,
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            PROBE,
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot run Python as nobody here: {result.stderr.strip()[-200:]}")
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.fixture
def locked() -> Iterator[Path]:
    """A folder with a subfolder that only root may enter, in a parent everyone may enter.

    Made outside pytest's tmp_path, whose parents only root may enter.
    """
    parent = Path(tempfile.mkdtemp(prefix="reelarr-unprivileged-"))
    parent.chmod(0o755)
    folder = parent / "locked"
    (folder / "Film (2000)").mkdir(parents=True)
    folder.chmod(0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(parent)


def test_an_unreadable_folder_lists_as_empty_with_its_parent(locked: Path) -> None:
    found = as_nobody(locked)
    assert found["listing"] == {"parent": f"{locked.parent}/", "directories": [], "files": []}


def test_an_unreadable_root_folder_is_accessible_without_unmapped_folders(locked: Path) -> None:
    found = as_nobody(locked)
    assert found["details"]["accessible"] is True
    assert found["details"]["subfolders"] == []


def test_a_folder_of_another_user_is_not_writable(locked: Path) -> None:
    locked.chmod(0o755)
    found = as_nobody(locked)
    assert found["writable"] is False
    assert found["user"] == "nobody"
    assert found["details"]["subfolders"] == ["Film (2000)"]
