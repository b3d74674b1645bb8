import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/errors";
import { useLookup } from "../../api/library";
import type { LibraryMovie, Movie } from "../../api/types";
import { ErrorMessage } from "../../components/Feedback";
import { Poster } from "../../components/Poster";
import { useDebounced } from "../../hooks/useDebounced";
import { formatRuntime } from "../../lib/format";
import { statusLabel } from "../../lib/movies";
import { AddMovieDialog } from "./AddMovieDialog";
import { movieAddress } from "../../routes/addresses";

function LookupResult({ movie, onAdd }: { movie: Movie; onAdd: (movie: Movie) => void }) {
  const title = `${movie.title}${movie.year ? ` (${movie.year})` : ""}`;
  return (
    <li className="lookup-result">
      <article aria-label={title} className="lookup-result__body">
        <div className="lookup-result__poster">
          <Poster images={movie.images} title={movie.title} />
        </div>
        <div className="lookup-result__text">
          <h2 className="lookup-result__title">
            {movie.title} {movie.year > 0 && <span className="muted">({movie.year})</span>}
          </h2>
          <p className="lookup-result__meta muted">
            {[statusLabel(movie.status), movie.runtime ? formatRuntime(movie.runtime) : null, movie.genres?.slice(0, 3).join(", ")]
              .filter((part) => part && part !== "—")
              .join(" · ")}
          </p>
          {movie.overview && <p className="lookup-result__overview">{movie.overview}</p>}
        </div>
        <div className="lookup-result__actions">
          {movie.id ? (
            <>
              <span className="badge badge--ok">In library</span>
              <Link to={movieAddress(movie)} className="button button--small" aria-label={`Open ${title}`}>
                Open
              </Link>
            </>
          ) : (
            <button type="button" className="button button--primary button--small" aria-label={`Add ${title}`} onClick={() => onAdd(movie)}>
              Add
            </button>
          )}
        </div>
      </article>
    </li>
  );
}

/** Lookup errors that mean TMDB itself needs attention. */
function isTmdbProblem(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 503 || error.status === 502 || /tmdb/i.test(error.message));
}

export function AddMoviePage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("term") ?? "");
  const term = useDebounced(text.trim(), 400);
  const lookup = useLookup(term);
  const [adding, setAdding] = useState<Movie | null>(null);
  const [added, setAdded] = useState<LibraryMovie | null>(null);

  // The term is part of the address, so going back to the results works.
  useEffect(() => {
    if ((params.get("term") ?? "") !== term) setParams(term ? { term } : {}, { replace: true });
  }, [term, params, setParams]);

  const searching = text.trim() !== term || (lookup.isFetching && lookup.isPlaceholderData);

  return (
    <>
      <h1>Add movie</h1>
      <div className="panel">
        <div className="field">
          <label htmlFor="lookup-term">Search for a movie</label>
          <input
            id="lookup-term"
            type="search"
            autoFocus
            spellCheck={false}
            autoComplete="off"
            placeholder="The Matrix, tmdb:603 or imdb:tt0133093"
            aria-describedby="lookup-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p id="lookup-hint" className="field__hint">
            A title (with a year to narrow it: "the matrix 1999"), a TMDB or IMDb id, or a TMDB or IMDb address.
          </p>
        </div>
      </div>

      {added && (
        <div className="alert alert--ok" role="status">
          {added.title} was added to the library. <Link to={movieAddress(added)}>Open {added.title}</Link>
        </div>
      )}
      <div aria-live="polite" className="lookup-state">
        {term && (lookup.isPending || searching) && !lookup.isError && <p className="muted">Searching…</p>}
      </div>
      {lookup.isError && (
        <>
          <ErrorMessage error={lookup.error} title="Search failed" />
          {isTmdbProblem(lookup.error) && (
            <p>
              Check the TMDB settings in <Link to="/settings/tmdb">Settings → TMDB</Link>.
            </p>
          )}
        </>
      )}
      {term && lookup.data && !searching && lookup.data.length === 0 && <p className="muted">No films found for “{term}”.</p>}
      {lookup.data && lookup.data.length > 0 && (
        <ul className="lookup-results" aria-label="Search results">
          {lookup.data.map((movie) => (
            <LookupResult key={movie.tmdbId} movie={movie} onAdd={setAdding} />
          ))}
        </ul>
      )}
      {adding && (
        <AddMovieDialog
          movie={adding}
          onClose={() => setAdding(null)}
          onAdded={(movie) => {
            setAdding(null);
            setAdded(movie);
          }}
        />
      )}
    </>
  );
}
