"""The project's documents stand on their own: every link and named path leads somewhere in the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(
    [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *ROOT.glob("docs/*.md"), *ROOT.glob("bench/*/README.md")]
)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path written in backticks, from one of the repository's top folders.
NAMED_PATH = re.compile(r"`((?:src|tests|bench|docs|frontend|scripts)/[A-Za-z0-9_./-]+?)/?`")


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


def test_the_documents_exist() -> None:
    assert {"docs/architecture.md", "docs/api.md"} <= set(_ids(DOCUMENTS))


@pytest.mark.parametrize("document", DOCUMENTS, ids=_ids(DOCUMENTS))
def test_relative_links_lead_to_files_of_the_repository(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    broken = [
        target
        for target in LINK.findall(text)
        if "://" not in target and not (document.parent / target).exists()
    ]
    assert broken == []


def _exists(named: str) -> bool:
    """A file or folder, or `module/path.attribute` naming something in a Python module."""
    module = named.rpartition(".")[0]
    return (ROOT / named).exists() or bool(module and (ROOT / f"{module}.py").exists())


@pytest.mark.parametrize("document", DOCUMENTS, ids=_ids(DOCUMENTS))
def test_named_paths_exist(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    missing = [path for path in NAMED_PATH.findall(text) if "*" not in path and not _exists(path)]
    # The UI build is output, made by `make ui`.
    assert [p for p in missing if not p.startswith("src/reelarr/web")] == []


def test_nothing_points_outside_the_repository() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    outside = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".md", ".py", ".ts", ".tsx", ".toml", ".json"} and path.name != "Makefile":
            continue
        if path == Path(__file__):
            continue
        if path.is_file() and re.search(r"\.\./shared\b|/work/shared", path.read_text(errors="replace")):
            outside.append(name)
    assert outside == []
