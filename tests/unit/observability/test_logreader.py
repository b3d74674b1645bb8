"""Pages of the JSON-lines log: newest first across rotations and processes, Radarr's level filter."""

from __future__ import annotations

import logging
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reelarr.observability.logfolder import LogFolder, open_log
from reelarr.observability.logreader import LogReader, levels_at_or_above
from reelarr.observability.logs import JsonLineFormatter

FORMATTER = JsonLineFormatter()


def line(
    message: str, level: int = logging.INFO, second: float = 0.0, exc: BaseException | None = None
) -> str:
    record = logging.LogRecord("reelarr.test", level, __file__, 1, message, None, None, func="run")
    record.created = datetime(2026, 1, 1, tzinfo=UTC).timestamp() + second
    if exc is not None:
        try:
            raise exc
        except BaseException as raised:
            record.exc_info = (type(raised), raised, raised.__traceback__)
    return FORMATTER.format(record) + "\n"


def write(path: Path, *lines: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


def reader(tmp_path: Path) -> LogReader:
    return LogReader(LogFolder(tmp_path / "logs" / "reelarr.log"))


def messages(reader: LogReader, page: int = 1, size: int = 10, **kwargs: object) -> list[str]:
    options = {"newest_first": True, "level": None} | kwargs
    return [e.message for e in reader.page(page, size, **options).entries]  # type: ignore[arg-type]


def test_newest_first_across_the_rotated_files(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    write(logs / "reelarr.log.2", line("one", second=1), line("two", second=2))
    write(logs / "reelarr.log.1", line("three", second=3))
    write(logs / "reelarr.log", line("four", second=4), line("five", second=5))
    log = reader(tmp_path)
    assert messages(log) == ["five", "four", "three", "two", "one"]
    assert messages(log, newest_first=False) == ["one", "two", "three", "four", "five"]
    assert messages(log, page=2, size=2) == ["three", "two"]
    assert log.page(3, 2, newest_first=True, level=None).total == 5


def test_ids_are_unique_and_the_same_in_both_directions(tmp_path: Path) -> None:
    write(tmp_path / "logs" / "reelarr.log", *(line(f"m{i}", second=i) for i in range(7)))
    log = reader(tmp_path)
    newest = {e.message: e.id for e in log.page(1, 10, newest_first=True, level=None).entries}
    oldest = {e.message: e.id for e in log.page(1, 10, newest_first=False, level=None).entries}
    assert newest == oldest
    assert sorted(newest.values()) == list(range(1, 8))


@pytest.mark.parametrize(
    ("level", "kept"),
    [
        ("error", ["fatal", "error"]),
        ("warn", ["fatal", "error", "warning"]),
        ("info", ["fatal", "error", "warning", "info"]),
        ("fatal", ["fatal"]),
        ("trace", ["fatal", "error", "warning", "info", "debug"]),
        (None, ["fatal", "error", "warning", "info", "debug"]),
        ("nonsense", ["fatal", "error", "warning", "info", "debug"]),
    ],
)
def test_the_level_filter_keeps_that_level_and_those_above(
    tmp_path: Path, level: str | None, kept: list[str]
) -> None:
    levels = [logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL]
    write(
        tmp_path / "logs" / "reelarr.log",
        *(line(logging.getLevelName(lv).lower(), lv, i) for i, lv in enumerate(levels)),
    )
    page = reader(tmp_path).page(1, 10, newest_first=True, level=level)
    assert [e.message.replace("critical", "fatal") for e in page.entries] == kept
    assert page.total == len(kept)


def test_levels_have_radarrs_names_and_exceptions_their_type(tmp_path: Path) -> None:
    write(
        tmp_path / "logs" / "reelarr.log",
        line("careful", logging.WARNING, 1),
        line("broken", logging.CRITICAL, 2, exc=KeyError("x")),
    )
    fatal, warn = reader(tmp_path).page(1, 10, newest_first=True, level=None).entries
    assert (fatal.level, warn.level) == ("fatal", "warn")
    assert fatal.exception_type == "KeyError"
    assert fatal.exception is not None
    assert "Traceback" in fatal.exception
    assert warn.exception is None
    assert warn.exception_type is None
    assert (fatal.logger, fatal.method) == ("reelarr.test", "run")
    assert fatal.time == datetime(2026, 1, 1, 0, 0, 2, tzinfo=UTC)


def test_a_line_still_being_written_and_foreign_lines_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "reelarr.log"
    write(path, line("whole", second=1), "not json at all\n", line("half", second=2)[:30])
    page = reader(tmp_path).page(1, 10, newest_first=True, level=None)
    assert [e.message for e in page.entries] == ["whole"]
    assert page.total == 1


def test_long_files_are_read_back_across_block_boundaries(tmp_path: Path) -> None:
    # ~300 kB: several of the reader's 64 kB blocks, lines cut at every boundary.
    write(
        tmp_path / "logs" / "reelarr.log",
        *(line(f"line {i} " + "x" * (i % 300), second=i) for i in range(1500)),
    )
    log = reader(tmp_path)
    assert messages(log, size=3) == [f"line {i} " + "x" * (i % 300) for i in (1499, 1498, 1497)]
    assert messages(log, page=500, size=3) == [f"line {i} " + "x" * (i % 300) for i in (2, 1, 0)]
    every = [e.message for e in log.page(1, 2000, newest_first=True, level=None).entries]
    assert every == [f"line {i} " + "x" * (i % 300) for i in reversed(range(1500))]


def test_the_logs_of_several_processes_are_merged_by_time(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    write(logs / "reelarr.log", line("web 1", second=1), line("web 4", second=4))
    write(
        logs / "worker.log",
        line("worker 2", second=2),
        line("worker 3", second=3),
        line("worker 5", second=5),
    )
    log = reader(tmp_path)
    assert messages(log) == ["worker 5", "web 4", "worker 3", "worker 2", "web 1"]
    assert messages(log, newest_first=False) == ["web 1", "worker 2", "worker 3", "web 4", "worker 5"]


def test_an_empty_or_missing_folder_has_no_records(tmp_path: Path) -> None:
    page = reader(tmp_path).page(1, 10, newest_first=True, level=None)
    assert (page.entries, page.total) == ([], 0)


def test_only_listed_log_files_are_found_by_name(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    write(logs / "reelarr.log", line("x"))
    write(logs / "reelarr.log.1", line("y"))
    write(logs / "notes.txt", "not a log\n")
    (tmp_path / "secret.log").write_text("outside\n")
    (logs / "linked.log").symlink_to(tmp_path / "secret.log")
    folder = LogFolder(logs / "reelarr.log")
    assert sorted(f.name for f in folder.files()) == ["reelarr.log", "reelarr.log.1"]
    assert folder.find("reelarr.log.1") is not None
    for name in ("../secret.log", "linked.log", "notes.txt", "missing.log", "", "."):
        assert folder.find(name) is None


def test_radarrs_level_filter_names() -> None:
    assert levels_at_or_above("WARN") == {"warn", "error", "fatal"}
    assert levels_at_or_above("all") is None


def test_a_page_of_a_full_log_file_is_read_without_holding_the_file(tmp_path: Path) -> None:
    one = line("x" * 200, logging.WARNING)
    path = tmp_path / "logs" / "reelarr.log"
    path.parent.mkdir()
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(10 * 1024 * 1024 // len(one)):
            handle.write(one)
    log = reader(tmp_path)
    tracemalloc.start()
    try:
        page = log.page(1, 50, newest_first=True, level="warn")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(page.entries) == 50
    assert page.total == path.stat().st_size // len(one)
    assert peak < 4 * 1024 * 1024, f"{peak} bytes held for one page of a 10 MB file"


def test_a_file_sent_while_it_grows_is_sent_as_it_was_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "reelarr.log"
    write(path, *(line(f"m{i}") for i in range(100)))
    before = path.read_bytes()
    file = LogFolder(path).find("reelarr.log")
    assert file is not None
    opened = open_log(file, chunk_size=1000)
    first = next(opened.chunks)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line("written meanwhile"))
    sent = first + b"".join(opened.chunks)
    assert opened.size == len(before)
    assert sent == before
