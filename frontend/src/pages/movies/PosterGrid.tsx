import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef } from "react";
import { Link } from "react-router";
import type { LibraryMovie } from "../../api/types";
import { Poster } from "../../components/Poster";
import { useElementWidth } from "../../hooks/useElementWidth";
import { fileState } from "../../lib/movies";
import { useRememberedScroll, useScrollTopOn } from "./useRememberedScroll";
import { movieAddress } from "../../routes/addresses";

const MIN_CARD_WIDTH = 150;
const GAP = 16;
const CAPTION_HEIGHT = 54;

/** How many posters fit in a row, and how tall a row is, for a width. */
export function gridLayout(width: number): { columns: number; cardWidth: number; rowHeight: number } {
  const columns = Math.max(1, Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP)));
  const cardWidth = width > 0 ? (width - GAP * (columns - 1)) / columns : MIN_CARD_WIDTH;
  return { columns, cardWidth, rowHeight: Math.round(cardWidth * 1.5 + CAPTION_HEIGHT + GAP) };
}

/** Chosen movies for the mass editor, when the library is in select mode. */
export interface Selection {
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

function CardBody({ movie }: { movie: LibraryMovie }) {
  const state = fileState(movie);
  return (
    <>
      <div className="movie-card__poster">
        <Poster images={movie.images} title={movie.title} />
        <span className={`movie-card__bar movie-card__bar--${state.tone}`} aria-hidden="true" />
      </div>
      <span className="movie-card__title">{movie.title}</span>
      <span className="movie-card__meta">
        {movie.year || "—"}
        {!movie.monitored && <span className="movie-card__unmonitored"> · Unmonitored</span>}
        <span className="visually-hidden"> · {state.label}</span>
      </span>
    </>
  );
}

function MovieCard({ movie, index, total, selection }: { movie: LibraryMovie; index: number; total: number; selection?: Selection | undefined }) {
  const chosen = selection?.selected.has(movie.id) ?? false;
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={total} className={`movie-card${chosen ? " movie-card--chosen" : ""}`}>
      {selection ? (
        <label className="movie-card__link movie-card__choose">
          <input
            type="checkbox"
            className="movie-card__checkbox"
            aria-label={`Select ${movie.title}`}
            checked={chosen}
            onChange={() => selection.onToggle(movie.id)}
          />
          <CardBody movie={movie} />
        </label>
      ) : (
        <Link to={movieAddress(movie)} className="movie-card__link">
          <CardBody movie={movie} />
        </Link>
      )}
    </div>
  );
}

/** Posters in rows; only the rows near the visible part are in the page, so 50,000 films scroll smoothly. */
export function PosterGrid({ movies, resetKey, selection }: { movies: readonly LibraryMovie[]; resetKey: string; selection?: Selection | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scroller);
  const { columns, rowHeight } = gridLayout(width);
  const initialOffset = useRememberedScroll("posters", scroller);
  const rows = Math.ceil(movies.length / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 2,
    initialOffset,
  });

  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, columns]);
  useScrollTopOn(resetKey, useCallback(() => virtualizer.scrollToOffset(0), [virtualizer]));

  return (
    <div ref={scroller} className="library__scroller" tabIndex={-1}>
      <div role="list" aria-label="Movies" className="poster-grid" style={{ height: virtualizer.getTotalSize() }}>
        {width > 0 &&
          virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              className="poster-grid__row"
              style={{ transform: `translateY(${row.start}px)`, height: rowHeight - GAP, gridTemplateColumns: `repeat(${columns}, 1fr)` }}
            >
              {movies.slice(row.index * columns, row.index * columns + columns).map((movie, i) => (
                <MovieCard key={movie.id} movie={movie} index={row.index * columns + i} total={movies.length} selection={selection} />
              ))}
            </div>
          ))}
      </div>
    </div>
  );
}
