"""Reading a movie out of a release title or a file path."""

from __future__ import annotations

import pytest

from reelarr.parsing import MovieNames, parse_names, parse_path, parse_title


@pytest.mark.parametrize(
    ("title", "name", "year"),
    [
        ("Movie.Title.2019.1080p.WEB-DL.DDP5.1.H.264-GRP", "Movie Title", 2019),
        ("Blade.Runner.2049.2017.1080p.BluRay.x264-GRP", "Blade Runner 2049", 2017),
        ("R.I.P.D.2013.720p.BluRay.x264-SPARKS", "R.I.P.D.", 2013),
        ("(500).Days.Of.Movie.(2009).DTS.1080p.BluRay.x264", "(500) Days Of Movie", 2009),
        ("World Movie Z Movie [2023]", "World Movie Z Movie", 2023),
        ("Der.Movie.James.German.Bluray.Why.cant.you.follow.scene.rules.1998", "Der Movie James", 1998),
    ],
)
def test_title_and_year_are_read(title: str, name: str, year: int) -> None:
    result = parse_title(title)
    assert result is not None
    assert (result.title, result.year) == (name, year)


def test_a_title_without_a_year_is_not_a_movie() -> None:
    assert parse_title("Some.Random.Words.1080p.WEB-DL-GRP") is None


@pytest.mark.parametrize(
    "junk",
    [
        "185d86a343e39f3341e35c4dad3f9959",
        "ah63jka93jf0jh26ahjas961.mkv",
        'password - "x.337" yEnc',
        "...",
        "",
    ],
)
def test_hashes_and_junk_do_not_parse(junk: str) -> None:
    assert parse_title(junk) is None


def test_a_reversed_release_name_is_read_forwards() -> None:
    result = parse_title("PRG-462x.LD-BEW.p027.8102.eltiT.eivoM.mkv")
    assert result is not None
    assert (result.title, result.year, result.quality.name, result.release_group) == (
        "Movie Title",
        2018,
        "WEBDL-720p",
        "GRP",
    )


def test_an_obfuscated_file_name_falls_back_to_its_folder() -> None:
    result = parse_path("/downloads/Movie.Title.2018.720p.HDTV.x264-NZBgeek/cgajsofuejsa501.mkv")
    assert result is not None
    assert (result.title, result.quality.name, result.release_group) == (
        "Movie Title",
        "HDTV-720p",
        "NZBgeek",
    )


def test_windows_paths_are_split_too() -> None:
    result = parse_path(r"C:\Downloads\Movie 2018 720p WEB-DL DD5 1 H 264-ECI\123.mkv")
    assert result is not None
    assert (result.title, result.release_group) == ("Movie", "ECI")


def test_aka_splits_alternative_titles() -> None:
    result = parse_title("Skjegg.AKA.Rox.Beard.1965.DVDRip.XviD-KG.avi", is_dir=True)
    assert result is not None
    assert result.titles == ("Skjegg AKA Rox Beard", "Skjegg", "Rox Beard")


def test_an_edition_inside_the_title_is_not_an_edition() -> None:
    result = parse_title("Uncut.Gems.2019.720p.BluRay.x264-YOL0W")
    assert result is not None
    assert result.edition == ""


def test_edition_after_the_year_is_found() -> None:
    result = parse_title("Movie.Title.1990.Ultimate.Rekall.Edition.1080p.BluRay.x264-GRP")
    assert result is not None
    assert result.edition == "Ultimate Rekall Edition"


def test_fansub_group_and_crc_are_read() -> None:
    result = parse_title("[MTBB] Kimi no Na wa. (2016) v2 [97681524].mkv")
    assert result is not None
    assert (result.title, result.year, result.release_group, result.release_hash) == (
        "Kimi no Na wa",
        2016,
        "MTBB",
        "97681524",
    )


def test_a_parenthesised_year_wins_over_a_year_in_a_fansub_title() -> None:
    result = parse_title("[Inka-Subs] Rokudenashi Blues 1993 (1993) [VHS]")
    assert result is not None
    assert (result.title, result.year) == ("Rokudenashi Blues 1993", 1993)


def test_ids_in_the_name_are_read() -> None:
    result = parse_title("Movie Name (2016) [tmdbid-43074] [tt12345678] 720p BluRay")
    assert result is not None
    assert (result.tmdb_id, result.imdb_id) == (43074, "tt12345678")


def test_a_website_tag_before_the_name_is_dropped() -> None:
    result = parse_title("[www.site.co.uk] - Movie.Title.2023.720p.HDTV.X264-DIMENSION")
    assert result is not None
    assert (result.title, result.release_group) == ("Movie Title", "DIMENSION")


@pytest.mark.parametrize(
    "title",
    [
        "The.Matrix.1999.1080p.BluRay.x264-GROUP",
        "Amelie.AKA.Le.Fabuleux.Destin.d.Amelie.Poulain.2001.720p.BluRay-GRP",
        "Movie.Title.2019.1080p.WEB-DL.tt1234567.tmdbid-5678-GRP",
        "[SubsPlease] Anime Film (2016) [1080p] [ABCD1234].mkv",
        "Der.Film.German.2019.DL.1080p.BluRay.x264-GRP",
        "S.W.A.T.2017.720p.HDTV-GRP",
        "zzzz",
    ],
)
def test_names_alone_are_read_as_the_full_parse_reads_them(title: str) -> None:
    full, names = parse_title(title), parse_names(title)
    if full is None:
        assert names is None
        return
    assert names == MovieNames(full.title, full.titles, full.year, full.imdb_id, full.tmdb_id)


def test_names_read_again_are_the_kept_answer_until_the_parses_are_forgotten() -> None:
    from reelarr.parsing.movie import forget_parses

    title = "The.Matrix.1999.1080p.BluRay.x264-GRP"
    first = parse_names(title)
    assert first is not None
    assert parse_names(title) is first
    forget_parses()
    again = parse_names(title)
    assert again == first
    assert again is not first


def test_readings_made_elsewhere_are_kept_and_the_oldest_are_forgotten_first() -> None:
    from reelarr.parsing import TitleReading, keep_reading, read_title
    from reelarr.parsing.movie import forget_parses
    from reelarr.parsing.reading import KeptReadings

    title = "A.Film.Read.By.The.Worker.2001.1080p.BluRay-GRP"
    forget_parses()
    reading = read_title(title)
    assert reading is not None
    sent = TitleReading.from_values(reading.values())
    assert sent == reading
    assert sent is not reading
    forget_parses()
    keep_reading(title, sent)
    assert read_title(title) is sent
    assert parse_names(title) is sent.names
    built = parse_title(title)  # on the kept reading
    forget_parses()
    assert parse_title(title) == built
    kept = KeptReadings(2)
    for name in ("one", "two", "three"):
        kept.keep(name, None)
    assert [kept.get(name)[0] for name in ("one", "two", "three")] == [False, True, True]
    kept.keep("two", sent)  # a title kept again keeps its place
    kept.keep("four", None)
    kept_now = [kept.get(name) for name in ("two", "three", "four")]
    assert kept_now == [(False, None), (True, None), (True, None)]
