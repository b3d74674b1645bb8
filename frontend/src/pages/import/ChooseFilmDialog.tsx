import { useId, useState, type FormEvent } from "react";
import { useLookup } from "../../api/library";
import type { ImportFilm, ImportSuggestion } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { ErrorMessage } from "../../components/Feedback";
import { Poster } from "../../components/Poster";
import { useDebounced } from "../../hooks/useDebounced";
import { filmLabel, filmOptions } from "../../lib/libraryImport";

/** A film to pick: named by its title and year, the rest (flags, overview) describes it. */
function FilmOption({ film, checked, onPick }: { film: ImportFilm; checked: boolean; onPick: () => void }) {
  const id = useId();
  const inLibrary = film.id !== undefined;
  const flagged = inLibrary || film.excluded;
  return (
    <li>
      <label className={`film-option${inLibrary ? " film-option--disabled" : ""}`}>
        <input
          type="radio"
          name="film"
          value={film.tmdbId}
          checked={checked}
          disabled={inLibrary}
          onChange={onPick}
          aria-labelledby={`${id}-title`}
          aria-describedby={[flagged ? `${id}-flags` : "", film.overview ? `${id}-overview` : ""].filter(Boolean).join(" ") || undefined}
        />
        <span className="film-option__poster">
          <Poster images={film.images} title={film.title} />
        </span>
        <span className="film-option__text">
          <span className="film-option__title" id={`${id}-title`}>
            {filmLabel(film)}
          </span>
          {flagged && (
            <span id={`${id}-flags`}>
              {inLibrary && <span className="badge badge--muted">In library</span>}{" "}
              {film.excluded && <span className="badge badge--warning">Excluded</span>}
            </span>
          )}
          {film.overview && (
            <span className="film-option__overview muted" id={`${id}-overview`}>
              {film.overview}
            </span>
          )}
        </span>
      </label>
    </li>
  );
}

interface ChooseFilmDialogProps {
  suggestion: ImportSuggestion;
  /** The film the folder is set to now. */
  current: ImportFilm | undefined;
  onChoose: (film: ImportFilm) => void;
  onClose: () => void;
}

/** Pick the film a folder holds: the suggestion, another candidate, or anything found on TMDB. */
export function ChooseFilmDialog({ suggestion, current, onChoose, onClose }: ChooseFilmDialogProps) {
  const suggested = filmOptions(suggestion);
  // Nothing suggested: start with a search for what the folder name says.
  const [text, setText] = useState(() =>
    suggested.length > 0 ? "" : [suggestion.parsedTitle ?? suggestion.folder, suggestion.parsedYear].filter(Boolean).join(" "),
  );
  const term = useDebounced(text.trim(), 400);
  const lookup = useLookup(term);
  const [picked, setPicked] = useState<number | undefined>(current?.tmdbId);
  const suggestedIds = new Set(suggested.map((f) => f.tmdbId));
  const found = term ? (lookup.data ?? []).filter((f) => !suggestedIds.has(f.tmdbId)) : [];
  const pickedFilm = [...suggested, ...found].find((f) => f.tmdbId === picked);
  const searching = text.trim() !== term || lookup.isFetching;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pickedFilm) onChoose(pickedFilm);
  };

  return (
    <Dialog title={`Movie in “${suggestion.folder}”`} open onClose={onClose} wide>
      <form className="form" onSubmit={onSubmit} aria-label={`Choose the movie in ${suggestion.folder}`}>
        <p className="muted dialog__note">
          <code>{suggestion.path}</code>
        </p>
        {suggested.length > 0 && (
          <fieldset className="film-options">
            <legend>Suggested</legend>
            <ul>
              {suggested.map((film) => (
                <FilmOption key={film.tmdbId} film={film} checked={picked === film.tmdbId} onPick={() => setPicked(film.tmdbId)} />
              ))}
            </ul>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="choose-film-term">Search TMDB</label>
          <input
            id="choose-film-term"
            type="search"
            spellCheck={false}
            autoComplete="off"
            placeholder="A title, tmdb:603 or imdb:tt0133093"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div aria-live="polite">
          {term && searching && !lookup.isError && <p className="muted">Searching…</p>}
          {term && !searching && lookup.data && lookup.data.length === 0 && <p className="muted">No films found for “{term}”.</p>}
        </div>
        {lookup.isError && <ErrorMessage error={lookup.error} title="Search failed" />}
        {found.length > 0 && (
          <fieldset className="film-options">
            <legend>Search results</legend>
            <ul>
              {found.map((film) => (
                <FilmOption key={film.tmdbId} film={film} checked={picked === film.tmdbId} onPick={() => setPicked(film.tmdbId)} />
              ))}
            </ul>
          </fieldset>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!pickedFilm || pickedFilm.id !== undefined}>
            Use this movie
          </button>
        </div>
      </form>
    </Dialog>
  );
}
