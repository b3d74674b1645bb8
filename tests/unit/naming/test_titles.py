"""Forms of a title: cleaned, article moved, first character (Radarr's CleanTitle, TitleThe fixtures)."""

from __future__ import annotations

import pytest

from reelarr.naming.titles import clean_title, clean_title_the, first_character, remove_diacritics, title_the


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Beyoncé X10", "Beyonce X10"),
        ("Girlfriends' Guide to Divorce", "Girlfriends Guide to Divorce"),
        ("Rule #23: Never Lie to the Kids", "Rule #23 Never Lie to the Kids"),
        ("Anne Hathaway/Florence + The Machine", "Anne Hathaway Florence + The Machine"),
        ("Karma's a B*tch!", "Karmas a B*tch!"),
        ("Ke$ha: My Crazy Beautiful Life", "Ke$ha My Crazy Beautiful Life"),
        ("Castle (2009)", "Castle 2009"),
        ("Law & Order (UK)", "Law and Order UK"),
        ("Is this okay?", "Is this okay"),
        ("[a] title", "a title"),
        ("I'm the Boss", "Im the Boss"),
        ("That'll Be The Day", "Thatll Be The Day"),
        ("Won`t Get Fooled Again", "Wont Get Fooled Again"),
        ("Don’t Blink", "Dont Blink"),
        ("Joker: Folie à deux", "Joker Folie a deux"),
        ("Tamara Ecclestone: Billion $$ Girl", "Tamara Ecclestone Billion $$ Girl"),
    ],
)
def test_clean_title(title: str, expected: str) -> None:
    assert clean_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Mist", "Mist, The"),
        ("A Place to Call Home", "Place to Call Home, A"),
        ("An Adventure in Space and Time", "Adventure in Space and Time, An"),
        ("The Flash (2010)", "Flash, The (2010)"),
        ("The Fixer (ZH) (2015)", "Fixer, The (ZH) (2015)"),
        ("The Rat Pack (A&E)", "Rat Pack, The (A&E)"),
        ("A", "A"),
        ("Anne", "Anne"),
        ("Theodore", "Theodore"),
        ("3%", "3%"),
    ],
)
def test_title_the(title: str, expected: str) -> None:
    assert title_the(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Flash (2010)", "Flash, The 2010"),
        ("A League Of Their Own (AU)", "League Of Their Own, A AU"),
        ("The Rat Pack (A&E)", "Rat Pack, The AandE"),
        ("The Climax: I (Almost) Got Away With It (2016)", "Climax I Almost Got Away With It, The 2016"),
        ("Theodore", "Theodore"),
    ],
)
def test_clean_title_the(title: str, expected: str) -> None:
    assert clean_title_the(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Mist, The", "M"),
        ("30 Rock", "3"),
        ("'80s Greatest, The", "8"),
        ("좀비버스", "좀"),
        ("¡Mucha Lucha!", "M"),
        (".hack", "H"),
        ("Ütopya", "U"),
        ("Æon Flux", "A"),
        ("!?", "_"),
        ("", "_"),
    ],
)
def test_first_character(title: str, expected: str) -> None:
    assert first_character(title) == expected


def test_letters_without_a_base_form_are_spelt_out() -> None:
    assert remove_diacritics("Øresund Æble Straße") == "Oresund AEble Strasse"
