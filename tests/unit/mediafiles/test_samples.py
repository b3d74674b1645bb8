"""Sample detection: a runtime too short for the movie, else a name that says sample."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reelarr.mediafiles.samples import SampleStatus, detect_sample, minimum_runtime, named_as_sample


@pytest.mark.parametrize(
    ("movie_minutes", "shortest"),
    [
        (0, timedelta(seconds=15)),
        (3, timedelta(seconds=15)),
        (4, timedelta(seconds=90)),
        (10, timedelta(seconds=90)),
        (11, timedelta(minutes=5)),
        (30, timedelta(minutes=5)),
        (31, timedelta(minutes=10)),
        (120, timedelta(minutes=10)),
    ],
)
def test_minimum_runtime_follows_the_movie_runtime(movie_minutes: int, shortest: timedelta) -> None:
    assert minimum_runtime(movie_minutes) == shortest


@pytest.mark.parametrize(
    ("runtime", "movie_minutes", "status"),
    [
        (timedelta(seconds=30), 120, SampleStatus.SAMPLE),
        (timedelta(minutes=9, seconds=59), 120, SampleStatus.SAMPLE),
        (timedelta(minutes=10), 120, SampleStatus.NOT_SAMPLE),
        (timedelta(minutes=90), 120, SampleStatus.NOT_SAMPLE),
        (timedelta(seconds=60), 8, SampleStatus.SAMPLE),
        (timedelta(seconds=100), 8, SampleStatus.NOT_SAMPLE),
        (timedelta(seconds=20), 2, SampleStatus.NOT_SAMPLE),
        (timedelta(0), 120, SampleStatus.SAMPLE),
    ],
)
def test_runtime_decides_when_known(runtime: timedelta, movie_minutes: int, status: SampleStatus) -> None:
    assert detect_sample("Movie.2020.1080p.BluRay.x264-GRP.mkv", runtime, movie_minutes).status is status


def test_a_full_length_file_named_sample_is_not_a_sample() -> None:
    check = detect_sample("Free.Sample.2012.1080p.WEB-DL.mkv", timedelta(minutes=95), 95)
    assert check.status is SampleStatus.NOT_SAMPLE


def test_a_short_file_is_a_sample_whatever_its_name() -> None:
    check = detect_sample("Movie.2020.1080p.BluRay.x264-GRP.mkv", timedelta(seconds=45), 110)
    assert check.is_sample
    assert check.reason == "Sample: runtime 0:45 is shorter than 10:00"


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("movie-sample.mkv", SampleStatus.SAMPLE),
        ("Sample.mkv", SampleStatus.SAMPLE),
        ("Movie.2020.1080p.SAMPLE.mkv", SampleStatus.SAMPLE),
        ("grp-movie.2020.1080p-sample.mp4", SampleStatus.SAMPLE),
        ("Movie.2020.1080p.BluRay.x264-GRP.mkv", SampleStatus.INDETERMINATE),
        ("Samples2.mkv", SampleStatus.INDETERMINATE),
        ("Resampled.Movie.2020.mkv", SampleStatus.INDETERMINATE),
    ],
)
def test_without_runtime_the_name_decides(name: str, status: SampleStatus) -> None:
    assert detect_sample(name, None).status is status


@pytest.mark.parametrize("name", ["Movie.2020.iso", "Movie.2020.IMG", "00001.m2ts", "clip.flv", "Movie.strm"])
def test_disc_images_and_streams_are_not_checked(name: str) -> None:
    assert detect_sample(name, timedelta(seconds=5)).status is SampleStatus.NOT_SAMPLE
    assert detect_sample(name, None).status is SampleStatus.NOT_SAMPLE


@pytest.mark.parametrize(
    ("name", "says_sample"),
    [("sample.avi", True), ("x-SAMPLE-y.mkv", True), ("samplers.mkv", False), ("mysample.mkv", False)],
)
def test_sample_must_be_a_word(name: str, says_sample: bool) -> None:
    assert named_as_sample(name) is says_sample
