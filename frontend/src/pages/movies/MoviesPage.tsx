import { useDeferredValue, useMemo, useState } from "react";
import { Link } from "react-router";
import { useMovies, useQualityProfiles } from "../../api/library";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { oneOf, useStoredState } from "../../hooks/useStoredState";
import {
  countMovies,
  FILTER_LABELS,
  filterMovies,
  SORT_LABELS,
  sortMovies,
  type MovieFilter,
  type SortDirection,
  type SortKey,
} from "../../lib/movies";
import { MovieTable } from "./MovieTable";
import { PosterGrid } from "./PosterGrid";
import { PosterLegend } from "./PosterLegend";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";

type View = "posters" | "table";
const VIEWS = ["posters", "table"] as const;
const FILTERS = Object.keys(FILTER_LABELS) as MovieFilter[];
const SORT_KEYS = Object.keys(SORT_LABELS) as SortKey[];
const DIRECTIONS = ["ascending", "descending"] as const;

function EmptyLibrary() {
  return (
    <section className="panel empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Your library is empty</h2>
      <p>
        Tell Reelarr where your movies live in <Link to="/settings/media">Settings → Media</Link>, then find films to
        add in <Link to="/add">Add movie</Link>.
      </p>
      <p>
        Movies already in folders on disk? <Link to="/import">Import your library</Link>: Reelarr matches each folder to
        its movie and you confirm.
      </p>
    </section>
  );
}

export function MoviesPage() {
  const movies = useMovies();
  const profiles = useQualityProfiles();
  const [view, setView] = useStoredState<View>("library.view", "posters", oneOf(VIEWS));
  const [filter, setFilter] = useStoredState<MovieFilter>("library.filter", "all", oneOf(FILTERS));
  const [sortKey, setSortKey] = useStoredState<SortKey>("library.sortKey", "title", oneOf(SORT_KEYS));
  const [sortDirection, setSortDirection] = useStoredState<SortDirection>("library.sortDirection", "ascending", oneOf(DIRECTIONS));
  const [text, setText] = useState("");
  // Typing stays responsive with 50,000 movies: the list catches up in the background.
  const deferredText = useDeferredValue(text);

  const sorted = useMemo(() => sortMovies(movies.data ?? [], sortKey, sortDirection), [movies.data, sortKey, sortDirection]);
  const shown = useMemo(() => filterMovies(sorted, filter, deferredText), [sorted, filter, deferredText]);
  const counts = useMemo(() => countMovies(movies.data ?? []), [movies.data]);
  const profileNames = useMemo(() => new Map(profiles.data?.map((p) => [p.id, p.name])), [profiles.data]);
  const profileName = (id: number) => profileNames.get(id) ?? "—";
  const resetKey = `${filter}|${sortKey}|${sortDirection}|${deferredText}`;

  const onSort = (key: SortKey) => {
    if (key === sortKey) setSortDirection(sortDirection === "ascending" ? "descending" : "ascending");
    else {
      setSortKey(key);
      setSortDirection(key === "title" ? "ascending" : "descending");
    }
  };

  return (
    <div className="library">
      <div className="page-header">
        <h1>Movies</h1>
        {movies.data && (
          <p className="muted page-header__count" role="status" data-testid="movie-count">
            {shown.length === movies.data.length
              ? `${movies.data.length.toLocaleString()} ${movies.data.length === 1 ? "movie" : "movies"}`
              : `${shown.length.toLocaleString()} of ${movies.data.length.toLocaleString()} movies`}
          </p>
        )}
        <div className="page-header__actions">
          <Link to="/import" className="button">
            Import library
          </Link>
          <Link to="/add" className="button button--primary">
            Add movie
          </Link>
        </div>
      </div>

      {movies.data?.length !== 0 && (
        <div className="toolbar" role="toolbar" aria-label="Library view">
          <div className="segmented" role="group" aria-label="View">
            {VIEWS.map((v) => (
              <button key={v} type="button" className="segmented__button" aria-pressed={view === v} onClick={() => setView(v)}>
                {v === "posters" ? "Posters" : "Table"}
              </button>
            ))}
          </div>
          <label className="toolbar__item">
            <span>Show</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value as MovieFilter)}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {FILTER_LABELS[f]} ({counts[f].toLocaleString()})
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar__item">
            <span>Sort by</span>
            <select value={sortKey} onChange={(e) => setSortKey(e.target.value as SortKey)}>
              {SORT_KEYS.map((k) => (
                <option key={k} value={k}>
                  {SORT_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            aria-label={sortDirection === "ascending" ? "Sort descending" : "Sort ascending"}
            title={sortDirection === "ascending" ? "Ascending" : "Descending"}
            onClick={() => setSortDirection(sortDirection === "ascending" ? "descending" : "ascending")}
          >
            {sortDirection === "ascending" ? <ArrowUpIcon /> : <ArrowDownIcon />}
          </button>
          <label className="toolbar__item toolbar__search">
            <span className="visually-hidden">Filter by title</span>
            <input type="search" placeholder="Filter by title or year" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        </div>
      )}

      {movies.isPending && <Loading what="movies" />}
      {movies.isError && <ErrorMessage error={movies.error} title="The library could not be loaded" />}
      {movies.data && movies.data.length === 0 && <EmptyLibrary />}
      {movies.data && movies.data.length > 0 && shown.length === 0 && (
        <p className="muted">No movie matches. Change the filter, or <Link to={`/add?term=${encodeURIComponent(text)}`}>search TMDB</Link>.</p>
      )}
      {shown.length > 0 &&
        (view === "posters" ? (
          <>
            <PosterGrid movies={shown} resetKey={resetKey} />
            <PosterLegend />
          </>
        ) : (
          <MovieTable
            movies={shown}
            profileName={profileName}
            sortKey={sortKey}
            sortDirection={sortDirection}
            onSort={onSort}
            resetKey={resetKey}
          />
        ))}
    </div>
  );
}
