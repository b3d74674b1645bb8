import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { discoverKeys, useDiscoverMovies, useExcludeMovie, type DiscoverMovie } from "../../api/discover";
import type { ImportList } from "../../api/importLists";
import { useProviders } from "../../api/providers";
import type { LibraryMovie, Movie } from "../../api/types";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { ArrowDownIcon, ArrowUpIcon } from "../../components/Icons";
import { Poster } from "../../components/Poster";
import { isBoolean, oneOf, useStoredState } from "../../hooks/useStoredState";
import {
  DISCOVER_FILTERS,
  DISCOVER_LAYOUTS,
  DISCOVER_SORT_KEYS,
  DISCOVER_SORT_LABELS,
  failureText,
  sortedByColumn,
  sortFilms,
  sourceLabels,
  visibleFilms,
  type DiscoverFilter,
  type DiscoverLayout,
  type DiscoverSortKey,
  type DiscoverSources,
  type SortDirection,
} from "../../lib/discover";
import { formatRuntime } from "../../lib/format";
import { allChosen, toggled, toggledAll } from "../../lib/massEditor";
import { movieAddress } from "../../routes/addresses";
import { AddMovieDialog } from "./AddMovieDialog";
import { BulkAddBar } from "./BulkAddBar";
import { DiscoverTable, type DiscoverSelection } from "./DiscoverTable";
import "./discover.css";

interface FilmCardProps {
  movie: DiscoverMovie;
  sources: string[];
  onAdd: (movie: DiscoverMovie) => void;
  selection?: DiscoverSelection | undefined;
}

function FilmCard({ movie, sources, onAdd, selection }: FilmCardProps) {
  const exclude = useExcludeMovie();
  const name = `${movie.title}${movie.year ? ` (${movie.year})` : ""}`;
  const headingId = `discover-${movie.tmdbId}`;
  const meta = [movie.runtime ? formatRuntime(movie.runtime) : null, movie.genres.slice(0, 3).join(", ")].filter(Boolean).join(" · ");
  return (
    <li>
      <article className="discover-film" aria-labelledby={headingId}>
        <Poster images={movie.images} title={movie.title} className="discover-film__poster" />
        <div className="discover-film__body">
          <h2 id={headingId} className="discover-film__title">
            {selection && !movie.isExisting && (
              <input
                type="checkbox"
                className="discover-film__check"
                aria-label={`Select ${name}`}
                checked={selection.selected.has(movie.tmdbId)}
                onChange={() => selection.onToggle(movie.tmdbId)}
              />
            )}
            {movie.title} {movie.year > 0 && <span className="muted">({movie.year})</span>}
          </h2>
          <div className="discover-film__badges">
            {movie.isExisting && <span className="badge badge--ok">In library</span>}
            {movie.isExcluded && <span className="badge badge--muted">Excluded</span>}
            {sources.map((label) => (
              <span key={label} className="badge badge--notice">
                {label}
              </span>
            ))}
          </div>
          {meta && <p className="muted discover-film__meta">{meta}</p>}
          {movie.overview && <p className="discover-film__overview">{movie.overview}</p>}
          <div className="discover-film__actions">
            {movie.isExisting ? (
              <Link to={movieAddress(movie)} className="button button--small" aria-label={`Open ${name}`}>
                Open
              </Link>
            ) : (
              <button type="button" className="button button--primary button--small" aria-label={`Add ${name}`} onClick={() => onAdd(movie)}>
                Add
              </button>
            )}
            {!movie.isExisting && !movie.isExcluded && (
              <button type="button" className="button button--small" aria-label={`Exclude ${name}`} disabled={exclude.isPending} onClick={() => exclude.mutate(movie)}>
                Exclude
              </button>
            )}
          </div>
          {exclude.isError && <ErrorMessage error={exclude.error} title="The film was not excluded" />}
        </div>
      </article>
    </li>
  );
}

/** What AddMovieDialog needs of a film Discover offers. */
function asMovie(movie: DiscoverMovie): Movie {
  return { ...movie, qualityProfileId: 0, hasFile: false, monitored: false, minimumAvailability: "released", tags: [] };
}

const SOURCE_OPTIONS: { key: keyof DiscoverSources; label: string; hint: string }[] = [
  { key: "recommendations", label: "Include recommendations", hint: "TMDB's recommendations for the films you added last." },
  { key: "trending", label: "Include trending", hint: "The films trending on TMDB this week." },
  { key: "popular", label: "Include popular", hint: "The films most popular on TMDB now." },
];

/** Radarr's Discover: the films the import lists offer and TMDB recommends, has trending or finds popular; add one, or several at once. */
export function DiscoverPage() {
  const client = useQueryClient();
  // Each switch is remembered under its own key, as before the trending and popular ones came.
  const [recommendations, setRecommendations] = useStoredState("discover.includeRecommendations", true, isBoolean);
  const [trending, setTrending] = useStoredState("discover.includeTrending", false, isBoolean);
  const [popular, setPopular] = useStoredState("discover.includePopular", false, isBoolean);
  const sources = useMemo<DiscoverSources>(() => ({ recommendations, trending, popular }), [recommendations, trending, popular]);
  const setSource: Record<keyof DiscoverSources, (on: boolean) => void> = { recommendations: setRecommendations, trending: setTrending, popular: setPopular };
  const [filter, setFilter] = useStoredState<DiscoverFilter>("discover.filter", "all", oneOf(Object.keys(DISCOVER_FILTERS) as DiscoverFilter[]));
  const [layout, setLayout] = useStoredState<DiscoverLayout>("discover.view", "posters", oneOf(DISCOVER_LAYOUTS));
  const [sortKey, setSortKey] = useStoredState<DiscoverSortKey>("discover.sortKey", "popularity", oneOf(DISCOVER_SORT_KEYS));
  const [sortDirection, setSortDirection] = useStoredState<SortDirection>("discover.sortDirection", "descending", oneOf(["ascending", "descending"] as SortDirection[]));
  const films = useDiscoverMovies(sources);
  const lists = useProviders<ImportList>("importlist");
  const [adding, setAdding] = useState<DiscoverMovie | null>(null);
  const [added, setAdded] = useState<LibraryMovie | null>(null);
  const listNames = useMemo(() => new Map((lists.data ?? []).map((l) => [l.id, l.name])), [lists.data]);
  const shown = useMemo(
    () => sortFilms(visibleFilms(films.data?.movies ?? [], filter, sources), sortKey, sortDirection),
    [films.data, filter, sources, sortKey, sortDirection],
  );

  // Select mode for adding several films at once; only films not in the library can be chosen.
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const addable = useMemo(() => shown.filter((m) => !m.isExisting), [shown]);
  const chosen = useMemo(() => addable.filter((m) => selected.has(m.tmdbId)), [addable, selected]);
  const chosenIds = useMemo(() => new Set(chosen.map((m) => m.tmdbId)), [chosen]);
  const toggleAll = () => setSelected(toggledAll(chosenIds, addable.map((m) => m.tmdbId)));
  const selection: DiscoverSelection | undefined = selecting
    ? { selected: chosenIds, onToggle: (id) => setSelected(toggled(chosenIds, id)), onToggleAll: toggleAll }
    : undefined;
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };
  const labels = (movie: DiscoverMovie) => sourceLabels(movie, listNames);
  const onSort = (key: DiscoverSortKey) => {
    const next = sortedByColumn({ key: sortKey, direction: sortDirection }, key);
    setSortKey(next.key);
    setSortDirection(next.direction);
  };

  return (
    <>
      <div className="page-header">
        <h1>Discover</h1>
        {films.data && <span className="page-header__count muted">{shown.length} films</span>}
      </div>
      <div className="discover-toolbar">
        {SOURCE_OPTIONS.map(({ key, label, hint }) => (
          <Checkbox key={key} label={label} name={`include-${key}`} checked={sources[key]} hint={hint} onChange={(e) => setSource[key](e.target.checked)} />
        ))}
        <SelectField label="Show" name="filter" value={filter} onChange={(e) => setFilter(e.target.value as DiscoverFilter)}>
          {Object.entries(DISCOVER_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Discover view">
        <div className="segmented" role="group" aria-label="View">
          {DISCOVER_LAYOUTS.map((v) => (
            <button key={v} type="button" className="segmented__button" aria-pressed={layout === v} onClick={() => setLayout(v)}>
              {v === "posters" ? "Posters" : "Table"}
            </button>
          ))}
        </div>
        <label className="toolbar__item">
          <span>Sort by</span>
          <select value={sortKey} onChange={(e) => setSortKey(e.target.value as DiscoverSortKey)}>
            {DISCOVER_SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {DISCOVER_SORT_LABELS[k]}
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
        <button type="button" className="button button--small" aria-pressed={selecting} onClick={() => (selecting ? stopSelecting() : setSelecting(true))}>
          Select films
        </button>
      </div>
      {films.data?.failures.map((failure) => (
        <div key={failure.section} className="alert alert--error" role="alert">
          {failureText(failure)}
        </div>
      ))}
      {added && (
        <div className="alert alert--ok" role="status">
          {added.title} was added to the library. <Link to={movieAddress(added)}>Open {added.title}</Link>
        </div>
      )}
      {films.isPending && <Loading what="the films to discover" />}
      {films.isError && <ErrorMessage error={films.error} title="The films to discover could not be loaded" />}
      {films.data && shown.length === 0 && (
        <p className="muted">
          Nothing to discover here. Add <Link to="/settings/importlists">import lists</Link> (a list that does not add films on its own offers them
          here), include TMDB's trending or popular films, or add films to the library for TMDB to recommend others.
        </p>
      )}
      {shown.length > 0 &&
        (layout === "table" ? (
          <DiscoverTable movies={shown} sources={labels} sortKey={sortKey} sortDirection={sortDirection} onSort={onSort} onAdd={setAdding} selection={selection} />
        ) : (
          <ul className="discover-films" aria-label="Films to discover">
            {shown.map((movie) => (
              <FilmCard key={movie.tmdbId} movie={movie} sources={labels(movie)} onAdd={setAdding} selection={selection} />
            ))}
          </ul>
        ))}
      {selecting && (
        <BulkAddBar
          chosen={chosen}
          selectable={addable.length}
          allChosen={allChosen(chosenIds, addable.map((m) => m.tmdbId))}
          onToggleAll={toggleAll}
          onClear={() => setSelected(new Set())}
          onDone={stopSelecting}
        />
      )}
      {adding && (
        <AddMovieDialog
          movie={asMovie(adding)}
          onClose={() => setAdding(null)}
          onAdded={(movie) => {
            setAdding(null);
            setAdded(movie);
            void client.invalidateQueries({ queryKey: discoverKeys.all });
          }}
        />
      )}
    </>
  );
}
