import { useState } from "react";
import { Link } from "react-router";
import type { LibraryMovie } from "../../api/types";
import { useWanted } from "../../api/wanted";
import { CommandOutcome } from "../../components/CommandOutcome";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { CaretDownIcon, CaretUpIcon } from "../../components/Icons";
import { Pager } from "../../components/Pager";
import { useCommandRun } from "../../hooks/useCommandRun";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatDate } from "../../lib/format";
import { statusLabel } from "../../lib/movies";
import {
  DEFAULT_WANTED_SORT,
  nextSort,
  searchAllCommand,
  searchSelectedCommand,
  WANTED_COLUMNS,
  type WantedColumn,
  type WantedKind,
  type WantedSort,
} from "../../lib/wanted";
import { movieAddress } from "../../routes/addresses";
import { QualityCell, SelectAll, toggled } from "../activity/ActivityParts";

const PAGE_SIZE = 20;

const TEXT: Record<WantedKind, { title: string; what: string; empty: string }> = {
  missing: {
    title: "Missing",
    what: "missing films",
    empty: "No monitored film is missing: every one has a file.",
  },
  cutoff: {
    title: "Cutoff unmet",
    what: "films below their cutoff",
    empty: "Every monitored film's file meets its quality profile's cutoff.",
  },
};

function SortHeader({ column, sort, onSort }: { column: WantedColumn; sort: WantedSort; onSort: (key: string) => void }) {
  const active = sort.sortKey === column.sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.sortDirection : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column.sortKey)}>
        {column.label}
        <span className="sort-button__arrow">{active && (sort.sortDirection === "ascending" ? <CaretUpIcon /> : <CaretDownIcon />)}</span>
      </button>
    </th>
  );
}

function WantedRow({ movie, kind, selected, onSelect }: { movie: LibraryMovie; kind: WantedKind; selected: boolean; onSelect: (on: boolean) => void }) {
  const formats = useDateFormats();
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={`Select ${movie.title}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <th scope="row">
        <Link to={movieAddress(movie)}>{movie.title}</Link>
      </th>
      <td>{movie.year || "—"}</td>
      <td>{formatDate(movie.inCinemas, formats) || "—"}</td>
      <td>{formatDate(movie.digitalRelease, formats) || "—"}</td>
      <td>{formatDate(movie.physicalRelease, formats) || "—"}</td>
      <td>{kind === "cutoff" ? <QualityCell quality={movie.movieFile?.quality} /> : movie.isAvailable ? statusLabel(movie.status) : "Not available"}</td>
    </tr>
  );
}

/** Radarr's Wanted → Missing or Cutoff Unmet: a sorted page of the monitored films still wanted, to search. */
export function WantedPage({ kind }: { kind: WantedKind }) {
  const text = TEXT[kind];
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<WantedSort>(DEFAULT_WANTED_SORT);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const wanted = useWanted(kind, page, PAGE_SIZE, sort);
  const search = useCommandRun(() => void wanted.refetch());
  const records = wanted.data?.records ?? [];
  const chosen = records.filter((m) => selected.has(m.id)).map((m) => m.id);
  const total = wanted.data?.totalRecords ?? 0;

  return (
    <>
      <div className="page-header">
        <h1>{text.title}</h1>
        <div className="page-header__actions">
          <button type="button" className="button" disabled={chosen.length === 0 || search.busy} onClick={() => search.start(searchSelectedCommand(chosen))}>
            Search selected{chosen.length > 0 ? ` (${chosen.length})` : ""}
          </button>
          <button type="button" className="button button--primary" disabled={total === 0 || search.busy} onClick={() => search.start(searchAllCommand(kind))}>
            {search.busy ? "Searching…" : "Search all"}
          </button>
        </div>
      </div>
      <CommandOutcome command={search.command} startError={search.startError} />
      {wanted.isPending && <Loading what={`the ${text.what}`} />}
      {wanted.isError && <ErrorMessage error={wanted.error} title={`The ${text.what} could not be loaded`} />}
      {wanted.data && total === 0 && <p className="muted">{text.empty}</p>}
      {records.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label={text.title}>
            <thead>
              <tr>
                <th scope="col">
                  <SelectAll ids={records.map((m) => m.id)} selected={selected} onChange={setSelected} what="film" />
                </th>
                {WANTED_COLUMNS.map((column) => (
                  <SortHeader
                    key={column.key}
                    column={column}
                    sort={sort}
                    onSort={(key) => {
                      setSort((s) => nextSort(s, key));
                      setPage(1);
                    }}
                  />
                ))}
                <th scope="col">{kind === "cutoff" ? "Quality" : "Status"}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((movie) => (
                <WantedRow key={movie.id} movie={movie} kind={kind} selected={selected.has(movie.id)} onSelect={(on) => setSelected((s) => toggled(s, movie.id, on))} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={total} what={text.what} onPage={setPage} />}
    </>
  );
}

export function MissingPage() {
  return <WantedPage kind="missing" />;
}

export function CutoffUnmetPage() {
  return <WantedPage kind="cutoff" />;
}
