"""Keeps the decisions of RSS syncs and searches per film, and forgets them after 30 days."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from reelarr.db.engine import Database
from reelarr.decisionlog.model import WAITING, LoggedDecision, Outcome, Source
from reelarr.decisionlog.tables import ReleaseDecisionRow
from reelarr.decisions.rejection import Reason, Rejection
from reelarr.memory import collector_paused
from reelarr.releases.model import release_from_json, release_to_json

Clock = Callable[[], datetime]
KEEP_FOR = timedelta(days=30)


def release_key(indexer_id: int, guid: str) -> str:
    """The identity of a release across syncs: its indexer and its guid."""
    return hashlib.sha1(f"{indexer_id}\x00{guid}".encode(), usedforsecurity=False).hexdigest()


@dataclass(frozen=True, slots=True)
class ClientWait:
    """A chosen release that waits for a download client, and why."""

    movie_id: int
    indexer_id: int
    guid: str
    message: str


def _rejection_json(rejection: Rejection) -> dict[str, Any]:
    return {"reason": rejection.reason.value, "message": rejection.message, "temporary": rejection.temporary}


def _rejection(stored: dict[str, Any]) -> Rejection:
    return Rejection(Reason(stored["reason"]), str(stored["message"]), bool(stored.get("temporary")))


def _values(entry: LoggedDecision, key: str) -> dict[str, Any]:
    return {
        "movie_id": entry.movie_id,
        "release_key": key,
        "first_seen": entry.decided_at,
        "decided_at": entry.decided_at,
        "source": entry.source.value,
        "title": entry.title,
        "guid": entry.guid,
        "indexer_id": entry.indexer_id,
        "indexer": entry.indexer,
        "protocol": entry.protocol,
        "quality": entry.quality,
        "size": entry.size,
        "age_minutes": entry.age_minutes,
        "format_score": entry.format_score,
        "formats": list(entry.formats),
        "approved": entry.approved,
        "temporarily_rejected": entry.temporarily_rejected,
        "rejections": [
            {"reason": r.reason.value, "message": r.message, "temporary": r.temporary}
            for r in entry.rejections
        ],
        "outcome": entry.outcome.value if entry.outcome else None,
        "outcome_message": entry.outcome_message,
        "release": release_to_json(entry.release),
    }


def _entry(row: ReleaseDecisionRow) -> LoggedDecision:
    return LoggedDecision(
        id=row.id,
        movie_id=row.movie_id,
        decided_at=row.decided_at,
        first_seen=row.first_seen,
        source=Source(row.source),
        title=row.title,
        guid=row.guid,
        indexer_id=row.indexer_id,
        indexer=row.indexer,
        protocol=row.protocol,
        quality=row.quality,
        size=row.size,
        age_minutes=row.age_minutes,
        format_score=row.format_score,
        formats=tuple(row.formats),
        approved=row.approved,
        temporarily_rejected=row.temporarily_rejected,
        rejections=tuple(
            Rejection(Reason(r["reason"]), str(r["message"]), bool(r.get("temporary")))
            for r in row.rejections
        ),
        outcome=Outcome(row.outcome) if row.outcome else None,
        outcome_message=row.outcome_message,
        release=release_from_json(row.release),
    )


_KEYS = ("movie_id", "release_key", "first_seen")
_WAITING = sorted(o.value for o in WAITING)


def _upsert(insert: Any, *, keep_outcomes: bool = False) -> Any:
    """Insert a decision, or replace the kept one about the same release for the same film (its outcome
    too, unless `keep_outcomes`)."""
    table = ReleaseDecisionRow.__table__
    statement = insert(table)
    kept = (*_KEYS, "id", *(("outcome", "outcome_message") if keep_outcomes else ()))
    updated = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in kept}
    return statement.on_conflict_do_update(index_elements=["movie_id", "release_key"], set_=updated)


_TABLE = cast(Table, ReleaseDecisionRow.__table__)
_SUPERSEDE_CHOSEN = (
    update(_TABLE)
    .where(
        _TABLE.c.movie_id == bindparam("m_id"),
        _TABLE.c.outcome == Outcome.CHOSEN.value,
        _TABLE.c.release_key != bindparam("r_key"),
    )
    .values(outcome=Outcome.SUPERSEDED.value)
)


class DecisionLog:
    """The kept decisions, one row per release per film, newest decision kept."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def record(self, entries: Sequence[LoggedDecision], *, keep_outcomes: bool = False) -> None:
        """Keep these decisions, replacing earlier decisions about the same releases for the same films;
        with `keep_outcomes` (an interactive search, which chooses nothing) what became of each stays."""
        if not entries:
            return
        insert = pg_insert if self._db.dialect == "postgresql" else sqlite_insert
        # One statement must not name a row twice: the last decision about a release wins.
        with collector_paused():
            latest = {(e.movie_id, release_key(e.indexer_id, e.guid)): e for e in entries}
            rows = [_values(e, key) for (_movie_id, key), e in latest.items()]
        chosen = [(movie_id, key) for (movie_id, key), e in latest.items() if e.outcome is Outcome.CHOSEN]
        async with self._db.write() as session:
            if chosen:
                # A film has one chosen release at a time: the newest choice replaces the older ones.
                await session.execute(_SUPERSEDE_CHOSEN, [{"m_id": m, "r_key": k} for m, k in chosen])
            # One statement with many parameter sets: compiled once and cached, where a VALUES list of
            # hundreds of rows was compiled anew on every call (most of an interactive search's time).
            await session.execute(_upsert(insert, keep_outcomes=keep_outcomes), rows)

    async def for_movie(self, movie_id: int) -> list[LoggedDecision]:
        """A film's kept decisions, newest first."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(ReleaseDecisionRow)
                .where(ReleaseDecisionRow.movie_id == movie_id)
                .order_by(ReleaseDecisionRow.decided_at.desc(), ReleaseDecisionRow.id.desc())
            )
            return [_entry(r) for r in rows]

    async def find(self, indexer_id: int, guid: str, movie_id: int | None = None) -> LoggedDecision | None:
        """The newest kept decision about one release (for one film when `movie_id` is given)."""
        query = select(ReleaseDecisionRow).where(
            ReleaseDecisionRow.release_key == release_key(indexer_id, guid)
        )
        if movie_id is not None:
            query = query.where(ReleaseDecisionRow.movie_id == movie_id)
        async with self._db.read() as session:
            row = await session.scalar(
                query.order_by(ReleaseDecisionRow.decided_at.desc(), ReleaseDecisionRow.id.desc()).limit(1)
            )
            return _entry(row) if row is not None else None

    async def mark_grabbed(self, movie_id: int, indexer_id: int, guid: str) -> None:
        """Say that a kept decision's release went to a download client."""
        async with self._db.write() as session:
            await session.execute(
                update(ReleaseDecisionRow)
                .where(
                    ReleaseDecisionRow.movie_id == movie_id,
                    ReleaseDecisionRow.release_key == release_key(indexer_id, guid),
                )
                .values(outcome=Outcome.GRABBED.value, outcome_message=None)
            )

    async def mark_waiting_for_client(self, waits: Sequence[ClientWait]) -> None:
        """Say that these chosen releases wait for a download client to take them (each says why), in
        one transaction: a sync with no client for its protocol marks every film's choice at once."""
        if not waits:
            return
        statement = (
            update(_TABLE)
            .where(_TABLE.c.movie_id == bindparam("m_id"), _TABLE.c.release_key == bindparam("r_key"))
            .values(outcome=Outcome.DOWNLOAD_CLIENT_UNAVAILABLE.value, outcome_message=bindparam("why"))
        )
        rows = [
            {"m_id": w.movie_id, "r_key": release_key(w.indexer_id, w.guid), "why": w.message[:1000]}
            for w in waits
        ]
        async with self._db.write() as session:
            await session.execute(statement, rows)

    async def supersede_waiting(self, decision_ids: Sequence[int]) -> None:
        """Stop these releases from waiting: a release at least as good was grabbed for their film."""
        if not decision_ids:
            return
        async with self._db.write() as session:
            await session.execute(
                update(ReleaseDecisionRow)
                .where(ReleaseDecisionRow.id.in_(decision_ids), ReleaseDecisionRow.outcome.in_(_WAITING))
                .values(outcome=Outcome.SUPERSEDED.value, outcome_message=None)
            )

    async def forget_waiting(self, decision_id: int) -> None:
        """Stop a pending release from waiting (the user removed it from the queue); the decision itself
        stays in the log."""
        async with self._db.write() as session:
            await session.execute(
                update(ReleaseDecisionRow)
                .where(
                    ReleaseDecisionRow.id == decision_id,
                    ReleaseDecisionRow.outcome.in_(_WAITING),
                )
                .values(outcome=None, outcome_message=None)
            )

    async def chosen(self) -> list[LoggedDecision]:
        """Releases chosen for grabbing that no download client has taken yet, oldest first."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(ReleaseDecisionRow)
                .where(ReleaseDecisionRow.outcome == Outcome.CHOSEN.value)
                .order_by(ReleaseDecisionRow.decided_at, ReleaseDecisionRow.id)
            )
            return [_entry(r) for r in rows]

    async def pending(self, movie_id: int | None = None) -> list[LoggedDecision]:
        """Releases waiting out a delay or a minimum age, or for a download client, to be decided
        again, oldest first (of one film when `movie_id` is given)."""
        query = select(ReleaseDecisionRow).where(ReleaseDecisionRow.outcome.in_(_WAITING))
        if movie_id is not None:
            query = query.where(ReleaseDecisionRow.movie_id == movie_id)
        async with self._db.read() as session:
            rows = await session.scalars(query.order_by(ReleaseDecisionRow.first_seen, ReleaseDecisionRow.id))
            return [_entry(r) for r in rows]

    async def oldest_pending_minutes(self, now: datetime) -> dict[int, float]:
        """For each film with releases waiting, how long (minutes) its oldest waiting release is out."""
        # Only the films and their releases' posting dates: a sync asks this of every waiting release.
        query = select(ReleaseDecisionRow.movie_id, ReleaseDecisionRow.release).where(
            ReleaseDecisionRow.outcome.in_(_WAITING)
        )
        oldest: dict[int, float] = {}
        async with self._db.read() as session:
            rows = (await session.execute(query)).all()
        for movie_id, release in rows:
            age = (now - datetime.fromisoformat(release["publish_date"])).total_seconds() / 60
            oldest[movie_id] = max(age, oldest.get(movie_id, 0.0))
        return oldest

    async def delete_expired(self) -> int:
        """Forget decisions older than 30 days; returns how many."""
        async with self._db.write() as session:
            result = await session.execute(
                delete(ReleaseDecisionRow).where(ReleaseDecisionRow.decided_at < self._clock() - KEEP_FOR)
            )
            return int(getattr(result, "rowcount", 0) or 0)
