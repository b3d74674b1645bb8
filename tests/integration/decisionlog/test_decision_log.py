"""The decision log keeps the newest decision per release per film, one chosen release per film, 30 days."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from reelarr.decisionlog.model import LoggedDecision, Outcome, Source, logged
from reelarr.decisionlog.service import ClientWait
from reelarr.decisions.engine import decide
from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import DecisionSettings
from tests.integration.movies.conftest import Library
from tests.unit.decisions.builders import subject

MATRIX = {
    "title": "The Matrix",
    "qualityProfileId": 4,
    "tmdbId": 603,
    "year": 1999,
    "monitored": True,
    "minimumAvailability": "released",
}


async def _matrix_id(library: Library) -> int:
    body = {**MATRIX, "rootFolderPath": str(library.root)}
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    movie_id: int = response.json()["id"]
    return movie_id


def _entry(movie_id: int, title: str, **changes: object) -> LoggedDecision:
    decision = decide(subject(title))
    now = subject().now
    return replace(logged(decision, movie_id, Source.RSS, now), **changes)  # type: ignore[arg-type]


async def test_decisions_are_kept_and_served_newest_first(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    refused = decide(
        subject("The.Matrix.1999.1080p.BluRay.x264-GRP", settings=DecisionSettings(maximum_size_mb=1))
    )
    first = logged(refused, movie_id, Source.RSS, subject().now)
    second = _entry(
        movie_id, "The.Matrix.1999.1080p.WEB-DL.x264-GRP", decided_at=first.decided_at + timedelta(1)
    )
    await log.record([first, second])

    response = await library.server.client.get("/api/v3/release/decision", params={"movieId": movie_id})
    assert response.status_code == 200
    kept = response.json()
    assert [d["title"] for d in kept] == [second.title, first.title]
    assert kept[0]["approved"] is True
    assert kept[0]["rejections"] == []
    assert kept[1]["approved"] is False
    assert kept[1]["rejectionReasons"][0] == {
        "reason": "maximumSizeExceeded",
        "message": "8.0 GB is too big, maximum size is 1.0 MB (Settings->Indexers->Maximum Size)",
        "type": "permanent",
    }
    assert kept[1]["indexer"] == "Fixture"
    assert kept[1]["quality"] == "Bluray-1080p"


async def test_deciding_a_release_again_replaces_its_row(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    entry = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP")
    await log.record([entry])
    later = replace(
        entry,
        decided_at=entry.decided_at + timedelta(hours=1),
        approved=False,
        rejections=(Rejection(Reason.MINIMUM_AGE_DELAY, "Waiting for better quality release", True),),
        temporarily_rejected=True,
        outcome=Outcome.PENDING,
    )
    await log.record([later, later])
    kept = await log.for_movie(movie_id)
    assert len(kept) == 1
    assert kept[0].first_seen == entry.decided_at
    assert kept[0].decided_at == later.decided_at
    assert kept[0].temporarily_rejected
    assert kept[0].outcome is Outcome.PENDING


async def test_a_new_choice_supersedes_the_films_earlier_one(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    old = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP", outcome=Outcome.CHOSEN)
    await log.record([old])
    assert [c.title for c in await log.chosen()] == [old.title]
    new = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.CHOSEN)
    await log.record([new])
    chosen = await log.chosen()
    assert [c.title for c in chosen] == [new.title]
    assert chosen[0].release == new.release, "the whole release is kept for the grab"
    outcomes = {e.title: e.outcome for e in await log.for_movie(movie_id)}
    assert outcomes[old.title] is Outcome.SUPERSEDED


async def test_housekeeping_forgets_decisions_after_30_days(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    now = library.server.services.clock()
    old = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-OLD", decided_at=now - timedelta(days=31))
    recent = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-NEW", decided_at=now - timedelta(days=29))
    await log.record([old, recent])
    assert await log.delete_expired() == 1
    assert [e.title for e in await log.for_movie(movie_id)] == [recent.title]


async def test_a_film_not_in_the_library_is_404(library: Library) -> None:
    response = await library.server.client.get("/api/v3/release/decision", params={"movieId": 999})
    assert response.status_code == 404
    missing = await library.server.client.get("/api/v3/release/decision")
    assert missing.status_code == 400


async def test_deleting_the_film_deletes_its_decisions(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    await log.record([_entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP")])
    assert (await library.server.client.delete(f"/api/v3/movie/{movie_id}")).status_code == 200
    assert await log.for_movie(movie_id) == []


async def test_a_release_no_client_could_take_waits_with_its_reason(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    entry = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.CHOSEN)
    await log.record([entry])
    await log.mark_waiting_for_client(
        [ClientWait(movie_id, entry.indexer_id, entry.guid, "No torrent download client")]
    )
    [waiting] = await log.pending()
    assert (waiting.title, waiting.outcome) == (entry.title, Outcome.DOWNLOAD_CLIENT_UNAVAILABLE)
    assert waiting.outcome_message == "No torrent download client"
    assert await log.chosen() == []
    response = await library.server.client.get("/api/v3/release/decision", params={"movieId": movie_id})
    [kept] = response.json()
    assert (kept["outcome"], kept["outcomeMessage"]) == (
        "downloadClientUnavailable",
        "No torrent download client",
    )
    await log.mark_grabbed(movie_id, entry.indexer_id, entry.guid)
    assert await log.pending() == []
    [grabbed] = await log.for_movie(movie_id)
    assert (grabbed.outcome, grabbed.outcome_message) == (Outcome.GRABBED, None)


async def test_many_releases_are_marked_waiting_at_once_each_with_its_reason(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    torrent = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.CHOSEN)
    usenet = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP", outcome=Outcome.CHOSEN)
    untouched = _entry(movie_id, "The.Matrix.1999.2160p.BluRay.x265-GRP", outcome=Outcome.CHOSEN)
    await log.record([torrent, usenet, untouched])
    await log.mark_waiting_for_client(
        [
            ClientWait(movie_id, torrent.indexer_id, torrent.guid, "No torrent download client"),
            ClientWait(movie_id, usenet.indexer_id, usenet.guid, "x" * 1500),
        ]
    )
    kept = {e.title: (e.outcome, e.outcome_message) for e in await log.for_movie(movie_id)}
    assert kept == {
        torrent.title: (Outcome.DOWNLOAD_CLIENT_UNAVAILABLE, "No torrent download client"),
        usenet.title: (Outcome.DOWNLOAD_CLIENT_UNAVAILABLE, "x" * 1000),
        untouched.title: (Outcome.CHOSEN, None),
    }


async def test_superseded_waiting_releases_stop_waiting(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    delayed = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP", outcome=Outcome.PENDING)
    kept = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.PENDING)
    await log.record([delayed, kept])
    ids = {e.title: e.id for e in await log.pending(movie_id)}
    await log.supersede_waiting([ids[delayed.title]])
    assert [e.title for e in await log.pending(movie_id)] == [kept.title]
    outcomes = {e.title: e.outcome for e in await log.for_movie(movie_id)}
    assert outcomes[delayed.title] is Outcome.SUPERSEDED


async def test_each_films_oldest_waiting_release_is_measured_from_its_posting(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    newer = _entry(movie_id, "The.Matrix.1999.720p.WEB-DL.x264-GRP", outcome=Outcome.PENDING)
    older = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.PENDING)
    older = replace(
        older, release=replace(older.release, publish_date=newer.release.publish_date - timedelta(hours=2))
    )
    grabbed = _entry(movie_id, "The.Matrix.1999.2160p.BluRay.x264-GRP", outcome=Outcome.GRABBED)
    grabbed = replace(
        grabbed, release=replace(grabbed.release, publish_date=older.release.publish_date - timedelta(days=9))
    )
    await log.record([newer, older, grabbed])
    now = newer.release.publish_date + timedelta(minutes=30)
    assert await log.oldest_pending_minutes(now) == {movie_id: 150.0}
    assert await log.oldest_pending_minutes(newer.release.publish_date - timedelta(days=1)) == {movie_id: 0.0}


async def test_an_interactive_search_keeps_what_became_of_each_release(library: Library) -> None:
    movie_id = await _matrix_id(library)
    log = library.server.services.decision_log
    entry = _entry(movie_id, "The.Matrix.1999.1080p.BluRay.x264-GRP", outcome=Outcome.CHOSEN)
    await log.record([entry])
    await log.mark_waiting_for_client(
        [ClientWait(movie_id, entry.indexer_id, entry.guid, "qBittorrent: Unable to connect")]
    )
    looked_at = replace(entry, decided_at=entry.decided_at + timedelta(minutes=5), outcome=None)
    await log.record([looked_at], keep_outcomes=True)
    [waiting] = await log.pending()
    assert (waiting.decided_at, waiting.outcome) == (
        looked_at.decided_at,
        Outcome.DOWNLOAD_CLIENT_UNAVAILABLE,
    )
    assert waiting.outcome_message == "qBittorrent: Unable to connect"
    await log.record([looked_at])
    assert await log.pending() == []
