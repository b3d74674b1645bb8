"""Tables of the command queue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class CommandRow(Base):
    """One command: queued, running, or finished with its outcome."""

    __tablename__ = "commands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    body: Mapped[dict[str, Any]] = mapped_column(JsonType)
    # Lower runs first: high=0, normal=1, low=2.
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    result: Mapped[str] = mapped_column(String(20))
    trigger: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)
    exception: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    state_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    worker_id: Mapped[str | None] = mapped_column(String(64))
    # The name and canonical body; a queued command with the same key is reused instead of duplicated.
    dedup_key: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_commands_claim", "status", "priority", "next_attempt_at", "id"),
        Index("ix_commands_dedup", "dedup_key", "status"),
        Index("ix_commands_worker", "worker_id", "status"),
    )


class ScheduledTaskRow(Base):
    """A command that the scheduler queues every `interval_minutes`."""

    __tablename__ = "scheduled_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_name: Mapped[str] = mapped_column(String(100), unique=True)
    interval_minutes: Mapped[float] = mapped_column(Float)
    last_queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_execution: Mapped[datetime] = mapped_column(UtcDateTime)
    last_start_time: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WorkerRow(Base):
    """A live process that runs commands; its heartbeat tells others it has not died."""

    __tablename__ = "workers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hostname: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[str] = mapped_column(String(50))
