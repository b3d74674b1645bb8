"""File and folder names from formats: the behaviours of Radarr's OrganizerTests fixtures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reelarr.customformats.model import CustomFormat
from reelarr.languages import lang
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader
from reelarr.naming.builder import NamingFormatError, build_file_name, build_folder_name, edition_tag
from reelarr.naming.config import ColonReplacement, NamingConfig
from reelarr.naming.subject import NamedFile, NamedMovie
from reelarr.quality.catalogue import quality
from reelarr.quality.revision import QualityModel, Revision

MOVIE = NamedMovie(
    title="South Park",
    year=2020,
    tmdb_id=124578,
    imdb_id="tt12345",
    original_title="South of the Park",
    translations={lang("German").id: "German South Park", lang("French").id: "French South Park"},
)
HDTV = QualityModel(quality("HDTV-720p"))
FILE = NamedFile(quality=HDTV, quality_title="HDTV-720p", release_group="RadarrTest")
RENAMING = NamingConfig(rename_movies=True)


def media(**fields: object) -> MediaInfo:
    values: dict[str, object] = {
        "video_format": "h264",
        "audio_format": "dts",
        "audio_channels": 6,
        "audio_languages": ("eng",),
        "subtitles": ("eng", "spa", "ita"),
    }
    return MediaInfo(reader=Reader.FFPROBE, **{**values, **fields})  # type: ignore[arg-type]


def name(pattern: str, movie: NamedMovie = MOVIE, file: NamedFile = FILE, **config: object) -> str:
    return build_file_name(movie, file, replace(RENAMING, standard_movie_format=pattern, **config))  # type: ignore[arg-type]


def folder(pattern: str, movie: NamedMovie = MOVIE, **config: object) -> str:
    return build_folder_name(movie, replace(RENAMING, movie_folder_format=pattern, **config))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{Movie Title}", "South Park"),
        ("{Movie_Title}", "South_Park"),
        ("{Movie.Title}", "South.Park"),
        ("{Movie-Title}", "South-Park"),
        ("{MOVIE TITLE}", "SOUTH PARK"),
        ("{mOvIe-tItLE}", "South-Park"),
        ("{movie title}", "south park"),
        ("{Movie Title:FR}", "French South Park"),
        ("{Movie Title:JP}", "South Park"),
        ("{Movie Title:JA}", "South Park"),
        ("{Movie Title:JP|FR}", "French South Park"),
        ("{Movie Title:JP|CN}", "South Park"),
        ("{Movie OriginalTitle}", "South of the Park"),
        ("{Movie CleanOriginalTitle}", "South of the Park"),
        ("{Movie Collection}", ""),
        ("{Movie Certification}", ""),
        ("{Quality Title}", "HDTV-720p"),
        ("{Movie Title} [{Quality Title}]", "South Park [HDTV-720p]"),
        ("{Release Group}", "RadarrTest"),
        ("{Movie.Title}.{_Quality.Title_}", "South.Park._HDTV-720p"),
        ("{Quality Title} {Quality Proper}", "HDTV-720p"),
        ("{Movie Title} [{Quality Title}] {[Quality Proper]}", "South Park [HDTV-720p]"),
        ("{Movie Title} [{Quality Full}]", "South Park [HDTV-720p]"),
        (
            "{Movie Title} ({Release Year}) [tmdb-{TmdbId}] {imdb-{ImdbId}}",
            "South Park (2020) [tmdb-124578] {imdb-tt12345}",
        ),
        ("{Movie Title}/{Quality Title}", "South Park/HDTV-720p"),
        ("{Movie Title}\\\\{Quality Title}", "South Park/HDTV-720p"),
        ("{Movie Title}{-Edition Tags}", "South Park"),
        ("{Movie Title} {MediaInfo Simple}", "South Park"),
    ],
)
def test_tokens_in_file_names(pattern: str, expected: str) -> None:
    assert name(pattern) == expected


@pytest.mark.parametrize(
    ("revision", "full"),
    [
        (Revision(version=2), "HDTV-720p Proper"),
        (Revision(real=1), "HDTV-720p REAL"),
        (Revision(2, 1), "HDTV-720p Proper REAL"),
    ],
)
def test_quality_full_says_proper_and_real(revision: Revision, full: str) -> None:
    file = replace(FILE, quality=QualityModel(quality("HDTV-720p"), revision))
    assert name("{Movie Title} [{Quality Full}]", file=file) == f"South Park [{full}]"
    assert name("{Quality Proper}{ Quality Real}", file=file) == full.removeprefix("HDTV-720p ")


def test_a_file_without_quality_has_empty_quality_tokens() -> None:
    file = NamedFile(relative_path="a.mkv")
    assert name("{Movie Title} {[Quality Full]}{[Quality Title]}{[Quality Real]}", file=file) == "South Park"


def test_the_definitions_title_names_the_quality() -> None:
    assert name("{Quality Title}", file=replace(FILE, quality_title="HD TV")) == "HD TV"


@pytest.mark.parametrize("separator", [" ", "-", ".", "_"])
def test_separators_left_by_an_empty_token_are_trimmed(separator: str) -> None:
    s = separator
    assert name(f"{{Quality{s}Title}}{s}{{Quality{s}Proper}}") == "HDTV-720p"
    assert (
        name(f"{{Quality{s}Title}}{s}{{Quality{s}Proper}}{s}{{Movie{s}Title}}") == f"HDTV-720p{s}South{s}Park"
    )


def test_repeated_separators_collapse() -> None:
    assert name("{Movie.Title}", movie=replace(MOVIE, title="Venture Bros.")) == "Venture.Bros"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Con Game", "Con_Game (2021)"), ("Com1 Sat", "Com1_Sat (2021)")],
)
def test_reserved_device_names_are_escaped(title: str, expected: str) -> None:
    movie = replace(MOVIE, title=title, year=2021)
    assert name("{Movie.Title} ({Release Year})", movie=movie) == expected
    assert folder("{Movie.Title} ({Release Year})", movie=movie) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (ColonReplacement.SMART, "CSI - Vegas"),
        (ColonReplacement.DASH, "CSI- Vegas"),
        (ColonReplacement.DELETE, "CSI Vegas"),
        (ColonReplacement.SPACE_DASH, "CSI - Vegas"),
        (ColonReplacement.SPACE_DASH_SPACE, "CSI - Vegas"),
    ],
)
def test_colons_in_titles(mode: ColonReplacement, expected: str) -> None:
    movie = replace(MOVIE, title="CSI: Vegas")
    assert name("{Movie Title}", movie=movie, colon_replacement_format=mode) == expected


class TestOriginalNames:
    scene = replace(FILE, scene_name="30.Rock.S01E01.xvid-LOL", relative_path="30 Rock - S01E01 - Test")

    def test_renaming_off_keeps_the_release_name(self) -> None:
        assert build_file_name(MOVIE, self.scene, NamingConfig()) == "30.Rock.S01E01.xvid-LOL"

    def test_renaming_off_without_release_name_keeps_the_file_name(self) -> None:
        file = replace(FILE, relative_path="Movie/30 Rock - Test.mkv")
        assert build_file_name(MOVIE, file, NamingConfig()) == "30 Rock - Test"

    def test_renaming_off_still_cleans_the_name(self) -> None:
        file = replace(self.scene, scene_name="30.Rock.S01E01.xvid:LOL")
        assert build_file_name(MOVIE, file, NamingConfig()) == "30.Rock.S01E01.xvid-LOL"

    def test_original_title_beside_other_tokens(self) -> None:
        assert (
            name("{Movie Title} - {Original Title}", file=self.scene)
            == "South Park - 30.Rock.S01E01.xvid-LOL"
        )

    def test_original_title_alone(self) -> None:
        assert name("{Original Title}", file=self.scene) == "30.Rock.S01E01.xvid-LOL"

    def test_original_filename_alone(self) -> None:
        assert name("{Original Filename}", file=self.scene) == "30 Rock - S01E01 - Test"

    def test_original_title_without_release_name_is_the_file_name(self) -> None:
        assert (
            name("{Original Title}", file=replace(FILE, relative_path="existing.file.mkv")) == "existing.file"
        )

    def test_the_current_name_is_not_included_again_beside_other_tokens(self) -> None:
        file = replace(FILE, relative_path="My Movie")
        assert name("{Movie Title} {[Original Title]}", file=file) == "South Park"
        file = replace(file, scene_name="my.movie.2008")
        assert name("{Movie Title} {[Original Title]}", file=file) == "South Park [my.movie.2008]"


class TestReleaseGroup:
    def test_without_a_group_a_bare_token_says_radarr(self) -> None:
        assert name("{Release Group}", file=replace(FILE, release_group=None)) == "Radarr"

    @pytest.mark.parametrize(
        "pattern",
        ["{Movie Title}{-Release Group}", "{Movie Title}{ Release Group}", "{Movie Title}{ [Release Group]}"],
    )
    def test_without_a_group_a_token_with_a_prefix_says_nothing(self, pattern: str) -> None:
        assert name(pattern, file=replace(FILE, release_group=None)) == "South Park"

    @pytest.mark.parametrize("group", ["0SEC", "2HD", "IMMERSE"])
    def test_the_groups_case_is_kept(self, group: str) -> None:
        assert name("{Release Group}", file=replace(FILE, release_group=group)) == group

    @pytest.mark.parametrize(
        ("pattern", "end"),
        [("{ReleaseGroup:12}", "IWishIWas..."), ("{ReleaseGroup:-17}", "...ASixFourImpala")],
    )
    def test_a_long_group_is_truncated(self, pattern: str, end: str) -> None:
        movie = replace(MOVIE, title="The Fantastic Life of Mr. Sisko", year=2024)
        file = replace(
            FILE,
            quality=QualityModel(quality("Bluray-1080p")),
            quality_title="Bluray-1080p",
            release_group="IWishIWasALittleBitTallerIWishIWasABallerIWishIHadARabbitInAHatWithABatAndASixFourImpala",
        )
        built = name(f"{{Movie Title}} ({{Release Year}}) {{Quality Full}}-{pattern}", movie=movie, file=file)
        assert built == f"The Fantastic Life of Mr. Sisko (2024) Bluray-1080p-{end}"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{Movie Title:16}", "The Fantastic..."),
        ("{Movie TitleThe:17}", "Fantastic Life..."),
        ("{Movie CleanTitle:-13}", "...Mr. Sisko"),
        ("{MOVIE TITLE:16}", "THE FANTASTIC..."),
    ],
)
def test_truncated_titles(pattern: str, expected: str) -> None:
    assert folder(pattern, movie=replace(MOVIE, title="The Fantastic Life of Mr. Sisko")) == expected


class TestMediaInfo:
    def test_full(self) -> None:
        file = replace(FILE, media_info=media(audio_languages=("eng", "spa")))
        assert name("{Movie.Title}.{MEDIAINFO.FULL}", file=file) == "South.Park.H264.DTS[EN+ES].[EN+ES+IT]"

    def test_english_alone_is_not_named_in_audio_languages(self) -> None:
        assert (
            name("{Movie.Title}.{MEDIAINFO.FULL}", file=replace(FILE, media_info=media()))
            == "South.Park.H264.DTS.[EN+ES+IT]"
        )

    def test_3d(self) -> None:
        file = replace(FILE, media_info=media(video_multi_view_count=2))
        assert name("{Movie.Title}.{MEDIAINFO.3D}.{MediaInfo.Simple}", file=file) == "South.Park.3D.h264.DTS"

    @pytest.mark.parametrize(
        ("hdr", "expected"),
        [
            (HdrFormat.NONE, "South.Park"),
            (HdrFormat.HLG10, "South.Park.HDR"),
            (HdrFormat.HDR10, "South.Park.HDR"),
        ],
    )
    def test_dynamic_range(self, hdr: HdrFormat, expected: str) -> None:
        file = replace(FILE, media_info=media(hdr_format=hdr))
        assert name("{Movie.Title}.{MediaInfo VideoDynamicRange}", file=file) == expected

    def test_dynamic_range_type_channels_and_bit_depth(self) -> None:
        info = media(
            hdr_format=HdrFormat.DOLBY_VISION_HDR10, audio_channel_positions="5.1", video_bit_depth=10
        )
        file = replace(FILE, media_info=info)
        pattern = (
            "{[MediaInfo VideoDynamicRangeType]}{[MediaInfo AudioChannels]}{[MediaInfo VideoBitDepth]}bit"
        )
        assert name(pattern, file=file) == "[DV HDR10][5.1][10]bit"

    def test_the_release_name_picks_the_codec_label(self) -> None:
        file = replace(FILE, scene_name="South.Park.2020.1080p.x264-GRP", media_info=media())
        assert name("{Movie Title} {MediaInfo VideoCodec}", file=file) == "South Park x264"

    def test_tokens_of_a_file_without_media_info_are_empty(self) -> None:
        assert name("{Movie Title} {[MediaInfo VideoCodec]}{[MediaInfo 3D]}") == "South Park"

    def test_all_tokens_for_a_different_culture_of_names(self) -> None:
        file = replace(FILE, media_info=media())
        pattern = (
            "{Movie CleanTitle} ({Release Year}) [{Quality Title}] [tmdb-{TmdbId}] [{MediaInfo AudioCodec}]"
        )
        assert name(pattern, file=file) == "South Park (2020) [HDTV-720p] [tmdb-124578] [DTS]"


class TestEditionTags:
    uncut = replace(FILE, edition="Uncut")

    def test_added(self) -> None:
        assert name("{Movie Title} [{Edition Tags}]", file=self.uncut) == "South Park [Uncut]"

    @pytest.mark.parametrize(
        "pattern",
        [
            "{Movie Title} {Edition Tags}",
            "{Movie Title} {{Edition Tags}}",
            "{Movie Title} {edition-{Edition Tags}}",
            "{Movie Title} {{edition-{Edition Tags}}}",
        ],
    )
    def test_hidden_with_their_brackets_when_there_is_none(self, pattern: str) -> None:
        assert name(pattern, file=replace(FILE, edition="")) == "South Park"

    def test_curly_brackets(self) -> None:
        assert name("{Movie Title} {{Edition Tags}}", file=self.uncut) == "South Park {Uncut}"
        assert (
            name("{Movie Title} {{edition-{Edition Tags}}}", file=self.uncut)
            == "South Park {{edition-Uncut}}"
        )


@pytest.mark.parametrize(
    ("edition", "expected"),
    [
        ("4th anNiverSary eDitIOn", "4th Anniversary Edition"),
        ("10TH anniversary edition", "10th Anniversary Edition"),
        ("imax", "IMAX"),
        ("Imax edition", "IMAX Edition"),
        ("IMAX-edition", "IMAX-Edition"),
        ("IMAX_edition", "IMAX_Edition"),
        ("IMAX.eDiTioN", "IMAX.Edition"),
        ("IMAX ed.", "IMAX Ed."),
        ("3d", "3D"),
        ("hdr", "HDR"),
        ("Dv", "DV"),
        ("sdr", "SDR"),
        ("THEATRICAL", "Theatrical"),
        ("director's CUt", "Director's Cut"),
    ],
)
def test_edition_tags_case(edition: str, expected: str) -> None:
    assert edition_tag(edition) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{Movie Title} [{edition tags}]", "South Park [10th anniversary edition]"),
        ("{Movie Title} [{EDITION TAGS}]", "South Park [10TH ANNIVERSARY EDITION]"),
    ],
)
def test_edition_tags_follow_the_tokens_case(pattern: str, expected: str) -> None:
    assert name(pattern, file=replace(FILE, edition="10Th anniversary edition")) == expected


class TestCustomFormats:
    file = replace(
        FILE,
        custom_formats=(
            CustomFormat("INTERNAL", (), include_when_renaming=True),
            CustomFormat("AMZN", (), include_when_renaming=True),
            CustomFormat("NAME WITH SPACES", (), include_when_renaming=True),
            CustomFormat("NotIncludedFormat", (), include_when_renaming=False),
        ),
    )

    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            ("{Custom Formats}", "INTERNAL AMZN NAME WITH SPACES"),
            ("{Custom Formats:-INTERNAL}", "AMZN NAME WITH SPACES"),
            ("{Custom Formats:-NAME WITH SPACES}", "INTERNAL AMZN"),
            ("{Custom Formats:-INTERNAL,NAME WITH SPACES}", "AMZN"),
            ("{Custom Formats:INTERNAL}", "INTERNAL"),
            ("{Custom Formats:INTERNAL,NAME WITH SPACES}", "INTERNAL NAME WITH SPACES"),
            ("{Custom Formats:-}", "{Custom Formats:-}"),
            ("{Custom Formats:}", "{Custom Formats:}"),
            ("{Custom Format}", ""),
            ("{Custom Format:INTERNAL}", "INTERNAL"),
            ("{Custom Format:NAME WITH SPACES}", "NAME WITH SPACES"),
            ("{Custom Format:NotIncludedFormat}", ""),
            ("{Custom Format:DOESNOTEXIST}", ""),
            ("{Custom Format:AMZN} - {Custom Format:INTERNAL}", "AMZN - INTERNAL"),
        ],
    )
    def test_formats_included_when_renaming(self, pattern: str, expected: str) -> None:
        assert name(pattern, file=self.file) == expected

    @pytest.mark.parametrize("pattern", ["{Custom Formats}", "{Custom Format:INTERNAL}"])
    def test_no_formats(self, pattern: str) -> None:
        assert name(pattern) == ""


class TestFolders:
    @pytest.mark.parametrize(
        ("title", "year", "pattern", "expected"),
        [
            ("Arrival", 2016, "{Movie Title} ({Release Year})", "Arrival (2016)"),
            ("The Big Short", 2015, "{Movie TitleThe} ({Release Year})", "Big Short, The (2015)"),
            # No year: Radarr keeps the brackets around nothing; "{(Release Year)}" drops them.
            ("The Big Short", 0, "{Movie Title} ({Release Year})", "The Big Short ()"),
            ("The Big Short", 0, "{Movie Title} {(Release Year)}", "The Big Short"),
            ("Movie: Title", 2015, "{Movie Title}", "Movie - Title"),
        ],
    )
    def test_the_folder_format(self, title: str, year: int, pattern: str, expected: str) -> None:
        assert folder(pattern, movie=replace(MOVIE, title=title, year=year)) == expected

    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            ("{Movie Title} ({ImdbId})", "South Park (tt12345)"),
            ("{Movie Title} ({TmdbId})", "South Park (124578)"),
            ("{Movie Title} {imdb-{ImdbId}}", "South Park {imdb-tt12345}"),
            ("{Movie Title} {{imdb-{ImdbId}}}", "South Park {{imdb-tt12345}}"),
            ("{Movie Title} {{tmdb-{TmdbId}}}", "South Park {{tmdb-124578}}"),
        ],
    )
    def test_ids(self, pattern: str, expected: str) -> None:
        assert folder(pattern) == expected

    @pytest.mark.parametrize(
        "pattern",
        [
            "{Movie Title} {imdb-{ImdbId}}",
            "{Movie Title} {imdbid-{ImdbId}}",
            "{Movie Title} {{imdb-{ImdbId}}}",
            "{Movie Title} {{imdbid-{ImdbId}}}",
        ],
    )
    def test_no_imdb_id_hides_its_tag(self, pattern: str) -> None:
        assert folder(pattern, movie=replace(MOVIE, imdb_id=None)) == "South Park"

    @pytest.mark.parametrize(
        ("title", "parent", "child"),
        [
            ("The Mist", "M", "The Mist"),
            ("30 Rock", "3", "30 Rock"),
            ("The '80s Greatest", "8", "The '80s Greatest"),
            (".hack", "H", "hack"),
            ("Æon Flux", "A", "Æon Flux"),
        ],
    )
    def test_first_character_folders(self, title: str, parent: str, child: str) -> None:
        assert (
            folder("{Movie TitleFirstCharacter}\\{Movie Title}", movie=replace(MOVIE, title=title))
            == f"{parent}/{child}"
        )

    def test_lower_case_first_character(self) -> None:
        movie = replace(MOVIE, title="Westworld")
        assert folder("{movie titlefirstcharacter}/{movie title}", movie=movie) == "w/westworld"

    def test_file_tokens_have_no_value_in_folders(self) -> None:
        assert folder("{Movie Title} {[Quality Full]}") == "South Park"

    @pytest.mark.parametrize(
        ("collection", "expected"),
        [
            ("The Badger Collection", "Badger Collection, The"),
            ("The Amazing Animal-Hero Collection (2001)", "Amazing Animal-Hero Collection, The (2001)"),
            (
                "The Gasm: I (Almost) Got Away With It (1900)",
                "Gasm - I (Almost) Got Away With It, The (1900)",
            ),
            ("3%", "3%"),
        ],
    )
    def test_collection_the(self, collection: str, expected: str) -> None:
        assert folder("{Movie CollectionThe}", movie=replace(MOVIE, collection_title=collection)) == expected

    def test_path_parts_that_clean_to_nothing_are_dropped(self) -> None:
        assert folder("../{Movie Title}") == "South Park"


def test_an_empty_file_format_while_renaming_is_an_error() -> None:
    with pytest.raises(NamingFormatError):
        name(" ")
