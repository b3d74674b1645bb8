import { Link } from "react-router";
import type { DiscoverMovie } from "../../api/discover";
import { CaretDownIcon, CaretUpIcon } from "../../components/Icons";
import { DISCOVER_SORT_LABELS, type DiscoverSortKey, type SortDirection } from "../../lib/discover";
import { formatRuntime } from "../../lib/format";
import { allChosen } from "../../lib/massEditor";
import { movieAddress } from "../../routes/addresses";

/** Select mode: a checkbox per film that can be added, and one for every such film shown. */
export interface DiscoverSelection {
  selected: ReadonlySet<number>;
  onToggle: (tmdbId: number) => void;
  onToggleAll: () => void;
}

interface DiscoverTableProps {
  movies: readonly DiscoverMovie[];
  sources: (movie: DiscoverMovie) => string[];
  sortKey: DiscoverSortKey;
  sortDirection: SortDirection;
  onSort: (key: DiscoverSortKey) => void;
  onAdd: (movie: DiscoverMovie) => void;
  selection?: DiscoverSelection | undefined;
}

function SortHeader({ column, props }: { column: DiscoverSortKey; props: DiscoverTableProps }) {
  const active = props.sortKey === column;
  return (
    <th scope="col" aria-sort={active ? props.sortDirection : undefined}>
      <button type="button" className="sort-button" onClick={() => props.onSort(column)}>
        {DISCOVER_SORT_LABELS[column]}
        <span className="sort-button__arrow">{active && (props.sortDirection === "ascending" ? <CaretUpIcon /> : <CaretDownIcon />)}</span>
      </button>
    </th>
  );
}

function Row({ movie, props }: { movie: DiscoverMovie; props: DiscoverTableProps }) {
  const { selection, onAdd } = props;
  const name = `${movie.title}${movie.year ? ` (${movie.year})` : ""}`;
  const rating = movie.ratings?.tmdb?.value;
  return (
    <tr>
      {selection && (
        <td className="movie-table__check">
          {!movie.isExisting && (
            <input type="checkbox" aria-label={`Select ${name}`} checked={selection.selected.has(movie.tmdbId)} onChange={() => selection.onToggle(movie.tmdbId)} />
          )}
        </td>
      )}
      <th scope="row" className="movie-table__title">
        {movie.title}
      </th>
      <td>{movie.year || "—"}</td>
      <td className="numeric">{rating ? rating.toFixed(1) : "—"}</td>
      <td className="numeric">{movie.popularity ? Math.round(movie.popularity).toLocaleString() : "—"}</td>
      <td>{movie.runtime ? formatRuntime(movie.runtime) : "—"}</td>
      <td>{props.sources(movie).join(", ")}</td>
      <td>
        {movie.isExisting ? (
          <span className="badge badge--ok">In library</span>
        ) : movie.isExcluded ? (
          <span className="badge badge--muted">Excluded</span>
        ) : (
          <span className="muted" title="Not in the library">
            —
          </span>
        )}
      </td>
      <td>
        {movie.isExisting ? (
          <Link to={movieAddress(movie)} className="button button--small" aria-label={`Open ${name}`}>
            Open
          </Link>
        ) : (
          <button type="button" className="button button--small" aria-label={`Add ${name}`} onClick={() => onAdd(movie)}>
            Add
          </button>
        )}
      </td>
    </tr>
  );
}

/** Discover's films as a table, sortable by its column headers. */
export function DiscoverTable(props: DiscoverTableProps) {
  const { movies, selection } = props;
  const addable = movies.filter((m) => !m.isExisting).map((m) => m.tmdbId);
  return (
    <div className="library__scroller discover-table">
      <table className="table movie-table" aria-label="Films to discover">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="movie-table__check">
                <input type="checkbox" aria-label="Select all shown" checked={allChosen(selection.selected, addable)} onChange={selection.onToggleAll} />
              </th>
            )}
            <SortHeader column="title" props={props} />
            <SortHeader column="year" props={props} />
            <SortHeader column="rating" props={props} />
            <SortHeader column="popularity" props={props} />
            <SortHeader column="runtime" props={props} />
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {movies.map((movie) => (
            <Row key={movie.tmdbId} movie={movie} props={props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
