import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/errors";
import { releaseKeys } from "../../api/releases";
import { libraryKeys, useMovie, useMovieIdByTmdbId, useQualityProfiles, useUpdateMovie } from "../../api/library";
import type { LibraryMovie, Rating } from "../../api/types";
import { CommandOutcome } from "../../components/CommandOutcome";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Poster } from "../../components/Poster";
import { useTagLabels } from "../../components/TagsField";
import { useCommandRun } from "../../hooks/useCommandRun";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatBytes, formatDate, formatLocalDate, formatRuntime } from "../../lib/format";
import { AVAILABILITY_LABELS, statusLabel } from "../../lib/movies";
import { tmdbIdFromSlug } from "../../routes/addresses";
import { DecisionHistory } from "./DecisionHistory";
import { DeleteMovieDialog } from "./DeleteMovieDialog";
import { EditMovieDialog } from "./EditMovieDialog";
import { MovieCredits } from "./MovieCredits";
import { MovieExtraFiles } from "./MovieExtraFiles";
import { MovieFileInfo } from "./MovieFileInfo";
import { InteractiveSearchDialog } from "./InteractiveSearchDialog";
import { OrganizeDialog } from "./OrganizeDialog";

const RATING_SOURCES: [string, string][] = [
  ["tmdb", "TMDB"],
  ["imdb", "IMDb"],
];

function Ratings({ ratings }: { ratings: LibraryMovie["ratings"] }) {
  const shown = RATING_SOURCES.map(([key, name]) => [name, ratings?.[key]] as [string, Rating | undefined]).filter(
    ([, rating]) => rating && rating.votes > 0,
  );
  if (shown.length === 0) return null;
  return (
    <ul className="ratings" aria-label="Ratings">
      {shown.map(([name, rating]) => (
        <li key={name}>
          <strong>{name}</strong> {rating!.value.toFixed(1)}{" "}
          <span className="muted">({rating!.votes.toLocaleString()} votes)</span>
        </li>
      ))}
    </ul>
  );
}

function CommandButton({ movie, name, label, busyLabel }: { movie: LibraryMovie; name: string; label: string; busyLabel: string }) {
  const client = useQueryClient();
  const run = useCommandRun(() => {
    void client.invalidateQueries({ queryKey: libraryKeys.movie(movie.id) });
    // A search keeps its decisions about the film's releases.
    void client.invalidateQueries({ queryKey: releaseKeys.movieDecisions(movie.id) });
  });
  return (
    <span className="command-button">
      <button type="button" className="button" disabled={run.busy} onClick={() => run.start({ name, movieIds: [movie.id] })}>
        {run.busy ? busyLabel : label}
      </button>
      <CommandOutcome command={run.command} startError={run.startError} testId={`${name}-state`} />
    </span>
  );
}

function MonitoredSwitch({ movie }: { movie: LibraryMovie }) {
  const update = useUpdateMovie();
  return (
    <span className="switch-field">
      <input
        id="movie-monitored"
        type="checkbox"
        role="switch"
        className="switch"
        checked={movie.monitored}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ movie: { ...movie, monitored: e.target.checked } })}
      />
      <label htmlFor="movie-monitored">Monitored</label>
      {update.isError && (
        <span className="badge badge--failed" role="alert">
          Not saved: {update.error.message}
        </span>
      )}
    </span>
  );
}

function Facts({ movie }: { movie: LibraryMovie }) {
  const profiles = useQualityProfiles();
  const tags = useTagLabels(movie.tags);
  const formats = useDateFormats();
  const profile = profiles.data?.find((p) => p.id === movie.qualityProfileId)?.name;
  const rows: [string, string | undefined][] = [
    ["Status", statusLabel(movie.status)],
    ["In cinemas", movie.inCinemas && formatDate(movie.inCinemas, formats)],
    ["Digital release", movie.digitalRelease && formatDate(movie.digitalRelease, formats)],
    ["Physical release", movie.physicalRelease && formatDate(movie.physicalRelease, formats)],
    ["Quality profile", profile],
    ["Minimum availability", AVAILABILITY_LABELS[movie.minimumAvailability] ?? movie.minimumAvailability],
    ["Path", movie.path],
    ["Size on disk", movie.hasFile ? formatBytes(movie.sizeOnDisk) : undefined],
    ["Studio", movie.studio],
    ["Collection", movie.collection?.title],
    ["Tags", tags.join(", ") || undefined],
    ["Added", movie.added && formatLocalDate(movie.added, formats)],
  ];
  return (
    <dl className="facts" aria-label="Details">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function Links({ movie }: { movie: LibraryMovie }) {
  return (
    <p className="movie-links">
      <a href={`https://www.themoviedb.org/movie/${movie.tmdbId}`} target="_blank" rel="noreferrer noopener">
        TMDB
      </a>
      {movie.imdbId && (
        <a href={`https://www.imdb.com/title/${movie.imdbId}`} target="_blank" rel="noreferrer noopener">
          IMDb
        </a>
      )}
      {movie.youTubeTrailerId && (
        <a href={`https://www.youtube.com/watch?v=${movie.youTubeTrailerId}`} target="_blank" rel="noreferrer noopener">
          Trailer
        </a>
      )}
    </p>
  );
}

function MovieDetail({ movie }: { movie: LibraryMovie }) {
  const [dialog, setDialog] = useState<"edit" | "delete" | "search" | "organize" | null>(null);
  const meta = [movie.year || null, movie.certification, movie.runtime ? formatRuntime(movie.runtime) : null, movie.genres?.join(", ")]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <div className="movie-hero">
        <div className="movie-hero__fanart" aria-hidden="true">
          <Poster images={movie.images} title={movie.title} coverType="fanart" className="movie-hero__fanart-img" lazy={false} />
        </div>
        <div className="movie-hero__poster">
          <Poster images={movie.images} title={movie.title} decorative={false} lazy={false} />
        </div>
        <div className="movie-hero__text">
          <h1>{movie.title}</h1>
          {meta && <p className="movie-hero__meta">{meta}</p>}
          <Ratings ratings={movie.ratings} />
          {movie.overview && <p className="movie-hero__overview">{movie.overview}</p>}
          <Links movie={movie} />
        </div>
      </div>

      <div className="toolbar movie-actions" role="toolbar" aria-label="Movie actions">
        <MonitoredSwitch movie={movie} />
        <CommandButton movie={movie} name="RefreshMovie" label="Refresh" busyLabel="Refreshing…" />
        <CommandButton movie={movie} name="MoviesSearch" label="Search" busyLabel="Searching…" />
        <button type="button" className="button" onClick={() => setDialog("search")}>
          Interactive search
        </button>
        <button type="button" className="button" onClick={() => setDialog("organize")} disabled={!movie.hasFile}>
          Rename
        </button>
        <button type="button" className="button" onClick={() => setDialog("edit")}>
          Edit
        </button>
        <button type="button" className="button button--danger-quiet" onClick={() => setDialog("delete")}>
          Delete
        </button>
      </div>

      <div className="movie-panels">
        <section className="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <Facts movie={movie} />
        </section>
        <section className="panel" aria-labelledby="file-heading">
          <h2 id="file-heading">File</h2>
          <MovieFileInfo movie={movie} />
        </section>
      </div>

      <MovieExtraFiles movieId={movie.id} />

      <DecisionHistory movieId={movie.id} />

      <MovieCredits movieId={movie.id} />

      {dialog === "edit" && <EditMovieDialog movie={movie} onClose={() => setDialog(null)} />}
      {dialog === "delete" && <DeleteMovieDialog movie={movie} onClose={() => setDialog(null)} />}
      {dialog === "search" && <InteractiveSearchDialog movie={movie} onClose={() => setDialog(null)} />}
      {dialog === "organize" && <OrganizeDialog movie={movie} onClose={() => setDialog(null)} />}
    </>
  );
}

function MovieNotFound({ slug, tmdbId }: { slug: string; tmdbId: number | null }) {
  return (
    <>
      <h1>Movie not found</h1>
      {tmdbId === null ? (
        <p>
          <code>{slug}</code> is not a movie address: Reelarr's movie pages are <code>/movie/</code> followed by the film's
          TMDB id. Go back to <Link to="/">the library</Link>.
        </p>
      ) : (
        <p>
          No film with TMDB id {tmdbId} is in the library (any more).{" "}
          <Link to={`/add/new?term=${encodeURIComponent(`tmdb:${tmdbId}`)}`}>Find it on TMDB to add it</Link>, or go back to{" "}
          <Link to="/">the library</Link>.
        </p>
      )}
    </>
  );
}

function LibraryMoviePage({ id, slug, tmdbId }: { id: number; slug: string; tmdbId: number }) {
  const movie = useMovie(id);
  if (movie.error instanceof ApiError && movie.error.status === 404) return <MovieNotFound slug={slug} tmdbId={tmdbId} />;
  if (movie.data) return <MovieDetail movie={movie.data} />;
  if (movie.isError) return <ErrorMessage error={movie.error} title="The movie could not be loaded" />;
  return <Loading what="the movie" />;
}

/** Radarr's /movie/{titleSlug}: the slug is the film's TMDB id (as the API's titleSlug and Overseerr's links). */
export function MovieDetailPage() {
  const slug = useParams().titleSlug ?? "";
  const tmdbId = tmdbIdFromSlug(slug);
  const found = useMovieIdByTmdbId(tmdbId);
  if (tmdbId === null || found.data === null) return <MovieNotFound slug={slug} tmdbId={tmdbId} />;
  if (found.data !== undefined) return <LibraryMoviePage key={found.data} id={found.data} slug={slug} tmdbId={tmdbId} />;
  if (found.isError) return <ErrorMessage error={found.error} title="The movie could not be loaded" />;
  return <Loading what="the movie" />;
}
