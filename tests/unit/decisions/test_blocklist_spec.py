"""Radarr's BlocklistSpecification: a release on its film's blocklist is refused for good."""

from __future__ import annotations

from reelarr.blocklist.model import BlocklistEntry
from reelarr.decisions.engine import decide
from reelarr.decisions.rejection import Reason
from reelarr.decisions.specs.blocklist import blocklisted
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from tests.unit.decisions.builders import NOW, TITLE, subject

HASH = "ABCDEF0123456789ABCDEF0123456789ABCDEF01"
BLOCKED = BlocklistEntry(
    id=1,
    movie_id=1,
    source_title=TITLE,
    quality=QualityModel(),
    date=NOW,
    protocol=DownloadProtocol.TORRENT,
    indexer="Fixture",
    torrent_info_hash=HASH,
)


def test_a_release_off_the_blocklist_passes() -> None:
    assert blocklisted(subject(release_changes={"info_hash": HASH})) is None


def test_a_blocklisted_release_is_refused_for_good() -> None:
    rejection = blocklisted(subject(release_changes={"info_hash": HASH}, blocklist=(BLOCKED,)))
    assert rejection is not None
    assert (rejection.reason, rejection.message, rejection.temporary) == (
        Reason.BLOCKLISTED,
        "Release is blocklisted",
        False,
    )


def test_the_engine_runs_the_check() -> None:
    decision = decide(subject(release_changes={"info_hash": HASH}, blocklist=(BLOCKED,)))
    assert [r.reason for r in decision.rejections] == [Reason.BLOCKLISTED]
