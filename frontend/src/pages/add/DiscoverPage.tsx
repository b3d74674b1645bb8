import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { discoverKeys, useDiscoverMovies, useExcludeMovie, type DiscoverMovie } from "../../api/discover";
import type { ImportList } from "../../api/importLists";
import { useProviders } from "../../api/providers";
import type { LibraryMovie, Movie } from "../../api/types";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Checkbox, SelectField } from "../../components/Field";
import { Poster } from "../../components/Poster";
import { isBoolean, oneOf, useStoredState } from "../../hooks/useStoredState";
import { DISCOVER_FILTERS, sourceLabels, visibleFilms, type DiscoverFilter } from "../../lib/discover";
import { formatRuntime } from "../../lib/format";
import { movieAddress } from "../../routes/addresses";
import { AddMovieDialog } from "./AddMovieDialog";
import "./discover.css";

interface FilmCardProps {
  movie: DiscoverMovie;
  sources: string[];
  onAdd: (movie: DiscoverMovie) => void;
}

function FilmCard({ movie, sources, onAdd }: FilmCardProps) {
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

/** Radarr's Discover: the films the import lists offer and TMDB recommends for the library, one click to add. */
export function DiscoverPage() {
  const client = useQueryClient();
  const [showRecommendations, setShowRecommendations] = useStoredState("discover.includeRecommendations", true, isBoolean);
  const [filter, setFilter] = useStoredState<DiscoverFilter>("discover.filter", "all", oneOf(Object.keys(DISCOVER_FILTERS) as DiscoverFilter[]));
  const films = useDiscoverMovies(showRecommendations);
  const lists = useProviders<ImportList>("importlist");
  const [adding, setAdding] = useState<DiscoverMovie | null>(null);
  const [added, setAdded] = useState<LibraryMovie | null>(null);
  const listNames = useMemo(() => new Map((lists.data ?? []).map((l) => [l.id, l.name])), [lists.data]);
  const shown = visibleFilms(films.data ?? [], filter, showRecommendations);

  return (
    <>
      <div className="page-header">
        <h1>Discover</h1>
        {films.data && <span className="page-header__count muted">{shown.length} films</span>}
      </div>
      <div className="discover-toolbar">
        <Checkbox
          label="Include recommendations"
          name="includeRecommendations"
          checked={showRecommendations}
          hint="TMDB's recommendations for the films you added last."
          onChange={(e) => setShowRecommendations(e.target.checked)}
        />
        <SelectField label="Show" name="filter" value={filter} onChange={(e) => setFilter(e.target.value as DiscoverFilter)}>
          {Object.entries(DISCOVER_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
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
          here), or add films to the library for TMDB to recommend others.
        </p>
      )}
      <ul className="discover-films" aria-label="Films to discover">
        {shown.map((movie) => (
          <FilmCard key={movie.tmdbId} movie={movie} sources={sourceLabels(movie, listNames)} onAdd={setAdding} />
        ))}
      </ul>
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
