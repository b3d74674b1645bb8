"""How well a TMDB film fits a library folder: same title and year, year off by one, or a mere hit."""

from __future__ import annotations

from reelarr.movies.folder_names import parse_folder_name
from reelarr.movies.library_match import Candidate, MatchConfidence, best_candidate, rate_for_folder

MATRIX = Candidate(603, "The Matrix", "The Matrix", 1999)
MATRIX_RELOADED = Candidate(604, "The Matrix Reloaded", "The Matrix Reloaded", 2003)
SPIRITED_AWAY = Candidate(129, "Spirited Away", "千と千尋の神隠し", 2001, ("Sen to Chihiro no Kamikakushi",))
BLADE_RUNNER = Candidate(78, "Blade Runner", "Blade Runner", 1982)
BLADE_RUNNER_2049 = Candidate(335984, "Blade Runner 2049", "Blade Runner 2049", 2017)


def test_same_title_and_year_is_high() -> None:
    assert rate_for_folder(parse_folder_name("The Matrix (1999)"), MATRIX) is MatchConfidence.HIGH


def test_year_off_by_one_is_medium() -> None:
    assert rate_for_folder(parse_folder_name("The Matrix (2000)"), MATRIX) is MatchConfidence.MEDIUM


def test_no_year_in_the_name_is_medium_at_best() -> None:
    assert rate_for_folder(parse_folder_name("The Matrix"), MATRIX) is MatchConfidence.MEDIUM


def test_another_title_of_the_right_year_is_low() -> None:
    assert rate_for_folder(parse_folder_name("Matrix 1 (1999)"), MATRIX) is MatchConfidence.LOW


def test_a_year_too_far_is_none() -> None:
    assert rate_for_folder(parse_folder_name("The Matrix (2003)"), MATRIX) is MatchConfidence.NONE


def test_alternative_titles_match_accents_and_punctuation_aside() -> None:
    folder = parse_folder_name("Sen to Chihiro no Kamikakushi (2001)")
    assert rate_for_folder(folder, SPIRITED_AWAY) is MatchConfidence.HIGH


def test_the_best_fit_wins_over_the_first_hit() -> None:
    folder = parse_folder_name("The Matrix Reloaded (2003)")
    assert best_candidate(folder, [MATRIX, MATRIX_RELOADED]) == (MATRIX_RELOADED, MatchConfidence.HIGH)


def test_a_title_ending_in_a_number_finds_its_film() -> None:
    folder = parse_folder_name("Blade Runner 2049")
    assert best_candidate(folder, [BLADE_RUNNER, BLADE_RUNNER_2049]) == (
        BLADE_RUNNER_2049,
        MatchConfidence.MEDIUM,
    )


def test_nothing_fits() -> None:
    assert best_candidate(parse_folder_name("Home Videos (1985)"), [MATRIX]) == (None, MatchConfidence.NONE)
