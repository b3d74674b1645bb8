import { useDeferredValue, useMemo, useState } from "react";
import { Link } from "react-router";
import { useFirstMovies, useMovies, useQualityProfiles } from "../../api/library";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { FILTERS, LAYOUTS, SORT_KEYS, sortByColumn } from "../../lib/libraryView";
import { stillInLibrary, toggled, toggledAll } from "../../lib/massEditor";
import { countMovies, FILTER_LABELS, filterMovies, SORT_LABELS, sortMovies, type MovieFilter, type SortKey } from "../../lib/movies";
import { MassEditor } from "./MassEditor";
import { MovieTable } from "./MovieTable";
import { PosterGrid } from "./PosterGrid";
import { PosterLegend } from "./PosterLegend";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { useLibraryView } from "./useLibraryView";

function EmptyLibrary() {
  return (
    <section className="panel empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">Your library is empty</h2>
      <p>
        Tell Reelarr where your movies live in <Link to="/settings/mediamanagement">Settings → Media management</Link>, then find films to
        add in <Link to="/add/new">Add movie</Link>.
      </p>
      <p>
        Movies already in folders on disk? <Link to="/add/import">Import your library</Link>: Reelarr matches each folder to
        its movie and you confirm.
      </p>
    </section>
  );
}

export function MoviesPage() {
  const movies = useMovies();
  const profiles = useQualityProfiles();
  const { view, filter, sortKey, sortDirection, text, change, setText } = useLibraryView();
  // Typing stays responsive with 50,000 movies: the list catches up in the background.
  const deferredText = useDeferredValue(text);

  const sorted = useMemo(() => sortMovies(movies.data ?? [], sortKey, sortDirection), [movies.data, sortKey, sortDirection]);
  const shown = useMemo(() => filterMovies(sorted, filter, deferredText), [sorted, filter, deferredText]);
  const counts = useMemo(() => countMovies(movies.data ?? []), [movies.data]);
  // Until the whole list has arrived, the first page in title order stands in for it when that is
  // what the view shows (all movies, title order, no text).
  const previewable = movies.isPending && filter === "all" && deferredText === "" && sortKey === "title";
  const first = useFirstMovies(sortDirection, previewable);
  const preview = previewable ? first.data : undefined;
  const visible = preview?.records ?? shown;
  const profileNames = useMemo(() => new Map(profiles.data?.map((p) => [p.id, p.name])), [profiles.data]);
  const profileName = (id: number) => profileNames.get(id) ?? "—";
  const resetKey = `${filter}|${sortKey}|${sortDirection}|${deferredText}`;

  // Select mode for the mass editor; movies that leave the library leave the selection.
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const chosenIds = useMemo(() => stillInLibrary(selected, (movies.data ?? []).map((m) => m.id)), [selected, movies.data]);
  const chosen = useMemo(() => sorted.filter((m) => chosenIds.has(m.id)), [sorted, chosenIds]);
  const toggleAll = () => setSelected(toggledAll(chosenIds, shown.map((m) => m.id)));
  const selection = selecting
    ? { selected: chosenIds, onToggle: (id: number) => setSelected(toggled(chosenIds, id)), onToggleAll: toggleAll }
    : undefined;
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  const onSort = (key: SortKey) => change(sortByColumn({ sortKey, sortDirection }, key));
  const flipDirection = () => change({ sortDirection: sortDirection === "ascending" ? "descending" : "ascending" });

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
          <Link to="/add/import" className="button">
            Import library
          </Link>
          <Link to="/add/new" className="button button--primary">
            Add movie
          </Link>
        </div>
      </div>

      {movies.data?.length !== 0 && (
        <div className="toolbar" role="toolbar" aria-label="Library view">
          <div className="segmented" role="group" aria-label="View">
            {LAYOUTS.map((v) => (
              <button key={v} type="button" className="segmented__button" aria-pressed={view === v} onClick={() => change({ view: v })}>
                {v === "posters" ? "Posters" : "Table"}
              </button>
            ))}
          </div>
          <label className="toolbar__item">
            <span>Show</span>
            <select value={filter} onChange={(e) => change({ filter: e.target.value as MovieFilter })}>
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {FILTER_LABELS[f]} ({counts[f].toLocaleString()})
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar__item">
            <span>Sort by</span>
            <select value={sortKey} onChange={(e) => change({ sortKey: e.target.value as SortKey })}>
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
            onClick={flipDirection}
          >
            {sortDirection === "ascending" ? <ArrowUpIcon /> : <ArrowDownIcon />}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={selecting}
            onClick={() => (selecting ? stopSelecting() : setSelecting(true))}
          >
            Select movies
          </button>
          <label className="toolbar__item toolbar__search">
            <span className="visually-hidden">Filter by title</span>
            <input type="search" placeholder="Filter by title or year" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        </div>
      )}

      {movies.isPending &&
        (preview ? (
          <p className="muted" role="status">
            The first {preview.records.length.toLocaleString()} of {preview.totalRecords.toLocaleString()} movies; the rest are loading…
          </p>
        ) : (
          <Loading what="movies" />
        ))}
      {movies.isError && <ErrorMessage error={movies.error} title="The library could not be loaded" />}
      {movies.data && movies.data.length === 0 && <EmptyLibrary />}
      {movies.data && movies.data.length > 0 && shown.length === 0 && (
        <p className="muted">No movie matches. Change the filter, or <Link to={`/add/new?term=${encodeURIComponent(text)}`}>search TMDB</Link>.</p>
      )}
      {visible.length > 0 &&
        (view === "posters" ? (
          <>
            <PosterGrid movies={visible} resetKey={resetKey} selection={preview ? undefined : selection} />
            <PosterLegend />
          </>
        ) : (
          <MovieTable
            movies={visible}
            profileName={profileName}
            sortKey={sortKey}
            sortDirection={sortDirection}
            onSort={onSort}
            resetKey={resetKey}
            selection={preview ? undefined : selection}
          />
        ))}
      {selecting && shown.length + chosen.length > 0 && <MassEditor chosen={chosen} shown={shown} onToggleAll={toggleAll} onClear={() => setSelected(new Set())} onDone={stopSelecting} />}
    </div>
  );
}
