"""Which files of a film's folder each writer recognises as its own, read from real files on disk
(Radarr's FindMetadataFile of each consumer), and which writer a rescan names for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelarr.metadatafiles.base import MetadataWriter
from reelarr.metadatafiles.kometa import KometaMetadata
from reelarr.metadatafiles.media_browser import MediaBrowserMetadata
from reelarr.metadatafiles.recognition import recognise
from reelarr.metadatafiles.registry import BUILT_IN
from reelarr.metadatafiles.roksbox import RoksboxMetadata
from reelarr.metadatafiles.wdtv import WdtvMetadata
from reelarr.metadatafiles.xbmc import XbmcMetadata

FOLDER = "The Matrix (1999)"
KODI_NFO = "<?xml version='1.0'?>\n<movie>\n  <title>The Matrix</title>\n</movie>\n"


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / FOLDER
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("writer", "name", "contents", "claimed"),
    [
        (XbmcMetadata, "poster.jpg", "", True),
        (XbmcMetadata, "Fanart.JPEG", "", True),
        (XbmcMetadata, "clearlogo.png", "", True),
        (XbmcMetadata, "The.Matrix.1999.1080p.BluRay-GRP-thumb.jpg", "", True),
        (XbmcMetadata, "The.Matrix.1999.1080p.BluRay-GRP-landscape.png", "", True),
        (XbmcMetadata, "movie.nfo", KODI_NFO, True),
        (XbmcMetadata, "The.Matrix.1999.1080p.BluRay-GRP.nfo", KODI_NFO, True),
        (XbmcMetadata, "movie.nfo", "Release notes: 1080p, grabbed from somewhere", False),
        (XbmcMetadata, "notes.nfo", KODI_NFO, False),  # not named after a film
        (XbmcMetadata, "cover.jpg", "", False),
        (XbmcMetadata, "poster.jpg.txt", "", False),
        (MediaBrowserMetadata, "movie.xml", "<Movie/>", True),
        (MediaBrowserMetadata, "MOVIE.XML", "<Movie/>", True),
        (MediaBrowserMetadata, "The Matrix (1999).xml", "<Movie/>", False),
        (KometaMetadata, "poster.png", "", True),
        (KometaMetadata, "background.jpg", "", True),
        (KometaMetadata, "fanart.jpg", "", False),
        (RoksboxMetadata, "The.Matrix.1999.1080p.BluRay-GRP.xml", "<video/>", True),
        (RoksboxMetadata, f"{FOLDER}.jpg", "", True),
        (RoksboxMetadata, "metadata/The Matrix (1999).jpg", "", False),  # named after another folder
        (RoksboxMetadata, "poster.jpg", "", False),
        (RoksboxMetadata, "movie.xml", "<Movie/>", False),  # names no film
        (WdtvMetadata, "folder.jpg", "", True),
        (WdtvMetadata, "The.Matrix.1999.1080p.BluRay-GRP.xml", "<details/>", True),
        (WdtvMetadata, "The.Matrix.1999.1080p.BluRay-GRP.metathumb", "", True),
        (WdtvMetadata, "poster.jpg", "", False),
    ],
)
def test_a_writer_recognises_its_own_files_and_no_others(
    tmp_path: Path, writer: type[MetadataWriter], name: str, contents: str, claimed: bool
) -> None:
    folder = _folder(tmp_path, {name: contents})

    assert writer.writes_file(str(folder), name) is claimed


def test_a_kodi_nfo_over_ten_megabytes_is_not_read_as_kodi_s(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"movie.nfo": KODI_NFO + " " * (10 * 1024 * 1024)})

    assert not XbmcMetadata.writes_file(str(folder), "movie.nfo")


def test_a_folder_written_by_radarr_is_sorted_to_its_writers(tmp_path: Path) -> None:
    video = "The.Matrix.1999.1080p.BluRay-GRP"
    folder = _folder(
        tmp_path,
        {
            "movie.nfo": KODI_NFO,
            "poster.jpg": "",
            "fanart.jpg": "",
            "movie.xml": "<Movie/>",
            "folder.jpg": "",
            f"{FOLDER}.jpg": "",
            f"{video}.xml": "<video/>",
            f"{video}.en.srt": "1\n",
            "release.nfo": "notes",
            "cover.jpg": "",
        },
    )
    names = sorted(p.name for p in folder.iterdir())

    found = recognise(str(folder), names, BUILT_IN)

    assert found == {
        "movie.nfo": "XbmcMetadata",
        "poster.jpg": "XbmcMetadata",
        "fanart.jpg": "XbmcMetadata",
        "movie.xml": "MediaBrowserMetadata",
        "folder.jpg": "WdtvMetadata",
        f"{FOLDER}.jpg": "RoksboxMetadata",
        f"{video}.xml": "RoksboxMetadata",
    }


def test_the_writer_asked_first_is_named_for_a_file_two_writers_write(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"The.Matrix.1999.1080p.BluRay-GRP.xml": "<details/>"})

    first = recognise(str(folder), ["The.Matrix.1999.1080p.BluRay-GRP.xml"], [WdtvMetadata, RoksboxMetadata])

    assert first == {"The.Matrix.1999.1080p.BluRay-GRP.xml": "WdtvMetadata"}
