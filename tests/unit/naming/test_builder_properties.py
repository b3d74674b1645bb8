"""Whatever a title holds, built names stay file names: no illegal characters, no stray separators."""

from __future__ import annotations

from dataclasses import replace as replace_fields

from hypothesis import given
from hypothesis import strategies as st

from reelarr.naming.builder import build_file_name, build_folder_name
from reelarr.naming.config import ColonReplacement, NamingConfig
from reelarr.naming.sample import SAMPLE_MOVIE, sample_file

FORMATS = [
    "{Movie Title} ({Release Year}) {Quality Full}",
    "{Movie.CleanTitle}.{Release.Year}.{Edition.Tags}.{Quality.Full}-{Release Group}",
    "{Movie TitleFirstCharacter}/{Movie TitleThe:40} {(Release Year)} {imdb-{ImdbId}}",
    "{MOVIE CLEANTITLETHE:-20} {[Custom Formats]}{[MediaInfo Full]}",
]
ILLEGAL = set('\\:*?"<>|')
titles = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(
    title=titles,
    edition=titles,
    group=titles,
    pattern=st.sampled_from(FORMATS),
    colon=st.sampled_from(list(ColonReplacement)),
    replace=st.booleans(),
)
def test_names_hold_no_illegal_characters(
    title: str, edition: str, group: str, pattern: str, colon: ColonReplacement, replace: bool
) -> None:
    config = NamingConfig(
        rename_movies=True,
        replace_illegal_characters=replace,
        colon_replacement_format=colon,
        standard_movie_format=pattern,
        movie_folder_format=pattern.replace("{Quality Full}", ""),
    )
    movie = replace_fields(SAMPLE_MOVIE, title=title, imdb_id=None)
    file = replace_fields(sample_file("Bluray-1080p"), edition=edition, release_group=group)
    for name in (build_file_name(movie, file, config), build_folder_name(movie, config)):
        # A title that cleans to nothing may leave no name at all (the folder rules refuse that).
        for part in name.split("/") if name else []:
            assert part, name
            assert not ILLEGAL & set(part), name
            assert part == part.strip(" "), name
            # Only a name cut from its start (":-20") begins with dots: Radarr's "...Mr. Sisko".
            assert not part.startswith(".") or part.startswith("..."), name
