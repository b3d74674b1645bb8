"""Translating a download client's paths with remote path mappings: prefixes by whole folders, the
deepest mapping first, hosts without case, and Windows or UNC paths of a client elsewhere."""

from __future__ import annotations

import pytest

from reelarr.remotepathmappings.model import RemotePathMapping, local_to_remote, remote_to_local
from reelarr.remotepathmappings.paths import PathKind, kind_of, parse_absolute
from reelarr.remotepathmappings.service import shape_failures

MAPPINGS = [
    RemotePathMapping(1, "sabnzbd", "/downloads/", "/mnt/usenet/"),
    RemotePathMapping(2, "sabnzbd", "/downloads/complete/movies/", "/srv/movies-done/"),
    RemotePathMapping(3, "windows-box", "D:\\Usenet\\", "/mnt/windows/"),
    RemotePathMapping(4, "nas", "\\\\nas\\media\\", "/mnt/nas/"),
    RemotePathMapping(5, "other", "/data/", "/elsewhere/"),
]


@pytest.mark.parametrize(
    ("host", "remote", "local"),
    [
        ("sabnzbd", "/downloads/complete/Movie.2020", "/mnt/usenet/complete/Movie.2020"),
        ("sabnzbd", "/downloads/complete/movies/Movie.2020", "/srv/movies-done/Movie.2020"),
        ("sabnzbd", "/downloads/complete/movies", "/srv/movies-done"),
        ("sabnzbd", "/downloads/complete/movies/", "/srv/movies-done/"),
        ("sabnzbd", "/downloads", "/mnt/usenet"),
        ("SABnzbd", "/downloads/x.mkv", "/mnt/usenet/x.mkv"),
        ("windows-box", "D:\\Usenet\\Movie.2020\\movie.mkv", "/mnt/windows/Movie.2020/movie.mkv"),
        ("windows-box", "d:/usenet/Movie.2020", "/mnt/windows/Movie.2020"),
        ("nas", "\\\\NAS\\Media\\Movies\\Film", "/mnt/nas/Movies/Film"),
    ],
)
def test_a_covered_path_moves_to_its_local_folder(host: str, remote: str, local: str) -> None:
    assert remote_to_local(MAPPINGS, host, remote) == local


@pytest.mark.parametrize(
    ("host", "remote"),
    [
        ("sabnzbd", "/downloads2/Movie.2020"),  # a longer name is another folder
        ("sabnzbd", "/Downloads/Movie.2020"),  # Unix paths keep their case
        ("sabnzbd", "/data/Movie.2020"),  # another host's mapping
        ("unknown", "/downloads/Movie.2020"),
        ("windows-box", "D:\\Usenet2\\Movie"),
        ("sabnzbd", "relative/downloads/Movie"),
        ("sabnzbd", ""),
    ],
)
def test_a_path_no_mapping_covers_is_left_as_it_is(host: str, remote: str) -> None:
    assert remote_to_local(MAPPINGS, host, remote) == remote


def test_without_mappings_every_path_is_left_as_it_is() -> None:
    assert remote_to_local([], "sabnzbd", "/downloads/Movie") == "/downloads/Movie"


@pytest.mark.parametrize(
    ("host", "local", "remote"),
    [
        ("sabnzbd", "/mnt/usenet/complete/Movie.2020", "/downloads/complete/Movie.2020"),
        ("sabnzbd", "/srv/movies-done/Movie.2020", "/downloads/complete/movies/Movie.2020"),
        ("windows-box", "/mnt/windows/Movie.2020/movie.mkv", "D:\\Usenet\\Movie.2020\\movie.mkv"),
        ("nas", "/mnt/nas/Movies/", "\\\\nas\\media\\Movies\\"),
        ("sabnzbd", "/mnt/usenet2/Movie", "/mnt/usenet2/Movie"),
    ],
)
def test_a_local_path_is_named_as_the_client_names_it(host: str, local: str, remote: str) -> None:
    assert local_to_remote(MAPPINGS, host, local) == remote


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/downloads", PathKind.UNIX),
        ("C:\\Downloads", PathKind.WINDOWS),
        ("c:/Downloads", PathKind.WINDOWS),
        ("\\\\server\\share", PathKind.WINDOWS),
        ("downloads/movies", PathKind.UNIX),
        ("downloads", PathKind.UNKNOWN),
    ],
)
def test_a_paths_kind_comes_from_its_shape(path: str, kind: PathKind) -> None:
    assert kind_of(path) is kind


@pytest.mark.parametrize(
    ("path", "directory"),
    [
        ("/downloads", "/downloads/"),
        ("//downloads//complete/", "/downloads/complete/"),
        ("/downloads/./complete/../movies", "/downloads/movies/"),
        ("/", "/"),
        ("C:\\Downloads", "C:\\Downloads\\"),
        ("c:/Downloads/Movies/", "C:\\Downloads\\Movies\\"),
        ("D:", "D:\\"),
        ("\\\\server\\share\\movies", "\\\\server\\share\\movies\\"),
    ],
)
def test_an_absolute_path_is_kept_as_a_folder_with_its_separator(path: str, directory: str) -> None:
    parsed = parse_absolute(path)
    assert parsed is not None
    assert parsed.as_directory() == directory


@pytest.mark.parametrize(
    "path", ["", "   ", "downloads", "downloads/movies", "C:relative", "\\\\server", "/../etc", "/a\x00b"]
)
def test_a_relative_or_broken_path_is_not_absolute(path: str) -> None:
    assert parse_absolute(path) is None


def test_a_mapping_is_stored_trimmed_with_trailing_separators() -> None:
    clean, failures = shape_failures(RemotePathMapping(0, " sab ", "C:/Downloads", "/mnt/downloads"))
    assert failures == []
    assert (clean.host, clean.remote_path, clean.local_path) == ("sab", "C:\\Downloads\\", "/mnt/downloads/")


def test_a_mapping_needs_a_host_and_absolute_paths() -> None:
    _, failures = shape_failures(RemotePathMapping(0, " ", "downloads", "relative/path"))
    assert [(f.property_name, f.error_message) for f in failures] == [
        ("host", "'Host' must not be empty."),
        ("remotePath", "Invalid Path: 'downloads'"),
        ("localPath", "Invalid Path: 'relative/path'"),
    ]
