"""What the import did, or in a dry run would do, as the lines the command prints."""

from __future__ import annotations

from dataclasses import dataclass

from reelarr.radarrimport.context import KindResult


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """Every kind's result, in the order they were imported."""

    source: str  # "Radarr 5.14.0.9383 at http://..."
    results: tuple[KindResult, ...]
    dry_run: bool
    unread: tuple[str, ...] = ()  # kinds a database file is not read for

    @property
    def changes(self) -> int:
        """Rows added or changed (or that would be) over every kind."""
        return sum(r.changes for r in self.results)

    @property
    def failures(self) -> int:
        """Items that could not be imported."""
        return sum(len(r.failed) for r in self.results)

    def lines(self) -> list[str]:
        """The report: a line per kind, then what changed, what failed and what to do by hand."""
        verb = "Would import" if self.dry_run else "Imported"
        out = [f"{verb} from {self.source}:"]
        for result in self.results:
            out.append(
                f"  {result.kind}: {len(result.added)} added, {len(result.updated)} updated, "
                f"{result.unchanged} unchanged" + (f", {len(result.failed)} failed" if result.failed else "")
            )
            out.extend(f"    + {name}" for name in result.added)
            out.extend(f"    ~ {name}" for name in result.updated)
            out.extend(f"    ! {failure}" for failure in result.failed)
            out.extend(f"    note: {note}" for note in result.notes)
        total = f"{self.changes} change(s)"
        out.append(f"{total}, nothing written (dry run)." if self.dry_run else f"{total} written.")
        if self.unread:
            kinds = ", ".join(self.unread)
            out.append(f"Not read from a database file by this version (import them with --url): {kinds}.")
        return out
