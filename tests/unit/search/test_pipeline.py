"""Releases from indexers become ranked decisions: parsed, matched to a film, checked, best first."""

from __future__ import annotations

from dataclasses import replace

from reelarr.blocklist.model import BlocklistEntry
from reelarr.decisions.rejection import Reason
from reelarr.decisions.subject import IndexerRules, SearchContext, SizeLimits
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from reelarr.releases.model import IndexerFlags, IndexerInfo
from reelarr.search.library_index import LibraryIndex
from reelarr.search.pipeline import Matched, Snapshot, best_per_movie, decide_all, decide_one, match_names
from tests.unit.decisions.builders import GB, NOW, movie, profile, release

MATRIX = movie()
AMELIE = movie(id=2, tmdb_id=194, imdb_id="tt0211915", title="Amélie", clean_title="amelie", year=2001)
INDEX = LibraryIndex([MATRIX, AMELIE])
SNAPSHOT = Snapshot(
    now=NOW,
    profiles={4: profile()},
    size_limits={q: SizeLimits(min_size=2, preferred_size=95, max_size=100) for q in range(40)},
)


def test_each_films_best_release_is_chosen_and_the_rest_explained() -> None:
    releases = [
        release("The.Matrix.1999.1080p.WEB-DL.x264-GRP", guid="web"),
        release("The.Matrix.1999.1080p.BluRay.x264-GRP", guid="bluray"),
        release("The.Matrix.1999.2160p.UHD.BluRay.x265-GRP", guid="uhd"),
        release("Amelie.2001.1080p.BluRay.x264-GRP", guid="amelie"),
        release("Unknown.Film.2020.1080p.WEB-DL-GRP", guid="unknown"),
        release("zzzz", guid="garbage"),
    ]
    ranked = decide_all(releases, INDEX, SNAPSHOT)
    chosen = best_per_movie(ranked)
    assert {movie_id: d.release.guid for movie_id, d in chosen.items()} == {1: "bluray", 2: "amelie"}
    reasons = {d.release.guid: [r.reason for r in d.rejections] for d in ranked}
    assert reasons["uhd"] == [Reason.QUALITY_NOT_WANTED]
    assert reasons["unknown"] == [Reason.UNKNOWN_MOVIE]
    assert reasons["garbage"] == [Reason.UNABLE_TO_PARSE]
    assert [d.release.guid for d in ranked][-2:] == ["unknown", "garbage"]


def test_the_indexers_rules_apply_to_its_releases() -> None:
    snapshot = replace(SNAPSHOT, indexer_rules={7: IndexerRules(minimum_seeders=100)})
    ranked = decide_all([release("The.Matrix.1999.1080p.BluRay.x264-GRP", indexer_id=7)], INDEX, snapshot)
    assert [r.reason for r in ranked[0].rejections] == [Reason.MINIMUM_SEEDERS]


def test_the_films_blocklist_reaches_its_releases_only() -> None:
    blocked = BlocklistEntry(
        movie_id=1,
        source_title="The.Matrix.1999.1080p.BluRay.x264-GRP",
        quality=QualityModel(),
        date=NOW,
        protocol=DownloadProtocol.TORRENT,
        indexer="Fixture",
        id=1,
    )
    snapshot = replace(SNAPSHOT, blocklist={1: (blocked,)})
    releases = [
        release("The.Matrix.1999.1080p.BluRay.x264-GRP"),
        release("Amelie.2001.1080p.BluRay.x264-GRP"),
    ]
    reasons = {
        d.release.title: [r.reason for r in d.rejections] for d in decide_all(releases, INDEX, snapshot)
    }
    assert reasons == {
        "The.Matrix.1999.1080p.BluRay.x264-GRP": [Reason.BLOCKLISTED],
        "Amelie.2001.1080p.BluRay.x264-GRP": [],
    }


def test_a_search_for_one_film_refuses_another_films_release() -> None:
    search = SearchContext(movie_id=2, user_invoked=True)
    ranked = decide_all([release("The.Matrix.1999.1080p.BluRay.x264-GRP")], INDEX, SNAPSHOT, search)
    assert [r.reason for r in ranked[0].rejections] == [Reason.WRONG_MOVIE]


def test_a_film_whose_profile_is_gone_is_treated_as_unknown() -> None:
    orphan = LibraryIndex([movie(quality_profile_id=99)])
    ranked = decide_all([release("The.Matrix.1999.1080p.BluRay.x264-GRP", size=8 * GB)], orphan, SNAPSHOT)
    assert ranked[0].movie_id is None


def test_an_indexers_settings_become_its_rules() -> None:
    info = IndexerInfo(
        id=7,
        name="Tracker",
        protocol=DownloadProtocol.TORRENT,
        tags=(3,),
        minimum_seeders=5,
        required_flags=IndexerFlags.G_INTERNAL,
    )
    assert IndexerRules.of(info) == IndexerRules(5, IndexerFlags.G_INTERNAL, frozenset({3}))
    assert IndexerRules.of(replace(info, minimum_seeders=None)).minimum_seeders == 0


def test_releases_are_matched_by_their_names_and_those_for_no_film_are_unknown() -> None:
    releases = [
        release("The.Matrix.1999.1080p.BluRay.x264-GRP", guid="matrix"),
        release("Le.Fabuleux.Destin.2001.720p.BluRay-GRP", guid="by-id", tmdb_id=194),
        release("Unknown.Film.2020.1080p.WEB-DL-GRP", guid="unknown"),
        release("zzzz", guid="garbage"),
    ]
    found = match_names(releases, INDEX)
    assert [(r.guid, readable, film.id if film else None) for r, readable, film in found] == [
        ("matrix", True, 1),
        ("by-id", True, 2),
        ("unknown", True, None),
        ("garbage", False, None),
    ]
    unknown, garbage = (Matched(r, None, None, named=readable) for r, readable, _ in found[2:])
    assert [r.reason for r in decide_one(unknown, SNAPSHOT).rejections] == [Reason.UNKNOWN_MOVIE]
    assert [r.reason for r in decide_one(garbage, SNAPSHOT).rejections] == [Reason.UNABLE_TO_PARSE]
