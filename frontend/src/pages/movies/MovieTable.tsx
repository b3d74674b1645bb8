import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef } from "react";
import { Link } from "react-router";
import type { LibraryMovie } from "../../api/types";
import { formatBytes } from "../../lib/format";
import { allChosen } from "../../lib/massEditor";
import { fileState, SORT_LABELS, statusLabel, type SortDirection, type SortKey } from "../../lib/movies";
import type { Selection } from "./PosterGrid";
import { useRememberedScroll, useScrollTopOn } from "./useRememberedScroll";
import { CaretDownIcon, CaretUpIcon } from "../../components/Icons";
import { movieAddress } from "../../routes/addresses";

const ROW_HEIGHT = 41;

interface MovieTableProps {
  movies: readonly LibraryMovie[];
  profileName: (id: number) => string;
  sortKey: SortKey;
  sortDirection: SortDirection;
  onSort: (key: SortKey) => void;
  resetKey: string;
  /** Select mode: a checkbox per row and one for every row shown. */
  selection?: (Selection & { onToggleAll: () => void }) | undefined;
}

function SortHeader({ column, label, props }: { column: SortKey; label?: string; props: MovieTableProps }) {
  const active = props.sortKey === column;
  return (
    <th scope="col" aria-sort={active ? props.sortDirection : undefined}>
      <button type="button" className="sort-button" onClick={() => props.onSort(column)}>
        {label ?? SORT_LABELS[column]}
        <span className="sort-button__arrow">{active && (props.sortDirection === "ascending" ? <CaretUpIcon /> : <CaretDownIcon />)}</span>
      </button>
    </th>
  );
}

function MovieRow({ movie, index, profileName, selection }: { movie: LibraryMovie; index: number; profileName: (id: number) => string; selection?: Selection | undefined }) {
  const state = fileState(movie);
  return (
    <tr aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      {selection && (
        <td className="movie-table__check">
          <input type="checkbox" aria-label={`Select ${movie.title}`} checked={selection.selected.has(movie.id)} onChange={() => selection.onToggle(movie.id)} />
        </td>
      )}
      <th scope="row" className="movie-table__title">
        <Link to={movieAddress(movie)}>{movie.title}</Link>
      </th>
      <td>{movie.year || "—"}</td>
      <td>{statusLabel(movie.status)}</td>
      <td>{movie.monitored ? "Monitored" : <span className="muted">Unmonitored</span>}</td>
      <td>{profileName(movie.qualityProfileId)}</td>
      <td>
        <span className={`badge badge--${state.tone}`}>{state.label}</span>
      </td>
      <td className="numeric">{movie.hasFile ? formatBytes(movie.sizeOnDisk) : "—"}</td>
    </tr>
  );
}

/** The library as a table; rows outside the scrolled-to part are left out (spacer rows keep the height). */
export function MovieTable(props: MovieTableProps) {
  const { movies, profileName, selection } = props;
  const columns = selection ? 8 : 7;
  const allShown = selection !== undefined && allChosen(selection.selected, movies.map((m) => m.id));
  const scroller = useRef<HTMLDivElement>(null);
  const initialOffset = useRememberedScroll("table", scroller);
  const virtualizer = useVirtualizer({
    count: movies.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialOffset,
  });
  useScrollTopOn(props.resetKey, useCallback(() => virtualizer.scrollToOffset(0), [virtualizer]));
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scroller} className="library__scroller" tabIndex={-1}>
      <table className="table movie-table" aria-label="Movies" aria-rowcount={movies.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {selection && (
              <th scope="col" className="movie-table__check">
                <input type="checkbox" aria-label="Select all shown" checked={allShown} onChange={selection.onToggleAll} />
              </th>
            )}
            <SortHeader column="title" props={props} />
            <SortHeader column="year" props={props} />
            <SortHeader column="status" props={props} />
            <th scope="col">Monitored</th>
            <th scope="col">Quality profile</th>
            <th scope="col">File</th>
            <SortHeader column="sizeOnDisk" props={props} />
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="movie-table__spacer" style={{ height: before }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.map((item) => {
            const movie = movies[item.index];
            return movie ? <MovieRow key={movie.id} movie={movie} index={item.index} profileName={profileName} selection={selection} /> : null;
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="movie-table__spacer" style={{ height: after }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
