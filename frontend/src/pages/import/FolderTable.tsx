import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { Link } from "react-router";
import type { ImportFilm, ImportSuggestion } from "../../api/types";
import { Poster } from "../../components/Poster";
import {
  canSelect,
  filmFor,
  filmLabel,
  folderState,
  matchBadge,
  type Choices,
  type FolderChoice,
} from "../../lib/libraryImport";
import { movieAddress } from "../../routes/addresses";

const ROW_HEIGHT = 77;

export interface FolderTableProps {
  /** The folders to show, in order. */
  folders: readonly string[];
  suggestions: ReadonlyMap<string, ImportSuggestion>;
  choices: Choices;
  selected: ReadonlySet<string>;
  /** Folders whose suggestions could not be fetched. */
  failed: ReadonlySet<string>;
  /** Messages about a folder from the last import attempt, by folder path. */
  problems: ReadonlyMap<string, string[]>;
  /** Folders ticked for a film another ticked folder has too. */
  duplicates: ReadonlySet<string>;
  onSelect: (folder: string, selected: boolean) => void;
  onChange: (folder: string) => void;
}

function parsedText(suggestion: ImportSuggestion): string {
  const ids = [
    suggestion.parsedTmdbId ? `tmdb-${suggestion.parsedTmdbId}` : null,
    suggestion.parsedImdbId ? suggestion.parsedImdbId : null,
  ].filter(Boolean);
  const title = suggestion.parsedTitle ? filmLabel({ title: suggestion.parsedTitle, year: suggestion.parsedYear }) : "";
  return [title, ...ids].filter(Boolean).join(" · ");
}

function FilmCell({ film, suggestion, choice }: { film: ImportFilm | undefined; suggestion: ImportSuggestion; choice?: FolderChoice }) {
  const state = folderState(suggestion, choice);
  if (!film) {
    return (
      <div className="import-film">
        <div className="import-film__poster poster--none" aria-hidden="true" />
        <div className="import-film__text">
          {state === "error" ? (
            <span className="import-film__error">TMDB could not be asked: {suggestion.error}</span>
          ) : (
            <span className="muted">No movie found for this name</span>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="import-film">
      <div className="import-film__poster">
        <Poster images={film.images} title={film.title} />
      </div>
      <div className="import-film__text">
        <span className="import-film__title">{filmLabel(film)}</span>
        {state === "inLibrary" && film.id !== undefined && (
          <span>
            <span className="badge badge--muted">In library</span>{" "}
            <Link to={movieAddress(film)} aria-label={`Open ${filmLabel(film)}`}>
              Open
            </Link>
          </span>
        )}
        {state === "excluded" && (
          <span className="badge badge--warning" title="On the import exclusion list: tick it to import it anyway">
            Excluded
          </span>
        )}
      </div>
    </div>
  );
}

function FolderRow({ folder, props }: { folder: string; props: FolderTableProps }) {
  const suggestion = props.suggestions.get(folder);
  const choice = props.choices[folder];
  if (!suggestion) {
    return (
      <>
        <td className="import-table__check">
          <input type="checkbox" disabled aria-label={`Import ${folder}`} />
        </td>
        <th scope="row" className="import-table__folder">
          <span className="import-table__name">{folder}</span>
        </th>
        <td colSpan={3} className="muted">
          {props.failed.has(folder) ? "Not matched: TMDB could not be asked (see above)" : "Matching…"}
        </td>
      </>
    );
  }
  const film = filmFor(suggestion, choice);
  const state = folderState(suggestion, choice);
  const badge = matchBadge(suggestion, choice);
  const problems = props.problems.get(suggestion.path) ?? [];
  const messages = props.duplicates.has(folder) ? ["Another ticked folder has the same movie.", ...problems] : problems;
  const parsed = parsedText(suggestion);
  return (
    <>
      <td className="import-table__check">
        <input
          type="checkbox"
          aria-label={`Import ${folder}`}
          checked={props.selected.has(folder)}
          disabled={!canSelect(state)}
          onChange={(e) => props.onSelect(folder, e.target.checked)}
        />
      </td>
      <th scope="row" className="import-table__folder">
        <span className="import-table__name" title={suggestion.path}>
          {folder}
        </span>
        {parsed && <span className="import-table__parsed muted">Read as {parsed}</span>}
        {messages.map((message) => (
          <span key={message} className="field__error">
            {message}
          </span>
        ))}
      </th>
      <td className="import-table__film">
        <FilmCell film={film} suggestion={suggestion} choice={choice} />
      </td>
      <td>
        <span className={`badge badge--${badge.tone}`} title={badge.title}>
          {badge.label}
        </span>
      </td>
      <td className="actions">
        {/* The name starts with the words on the button, so speech users can say it and screen readers announce what it does. */}
        <button
          type="button"
          className="button button--small"
          aria-label={film ? `Change the movie for ${folder}` : `Search for the movie in ${folder}`}
          onClick={() => props.onChange(folder)}
        >
          {film ? "Change" : "Search"}
        </button>
      </td>
    </>
  );
}

/** The folders of a root folder with their films; only the rows scrolled to are in the page. */
export function FolderTable(props: FolderTableProps) {
  const { folders } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: folders.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => folders[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scroller} className="import-table__scroller" tabIndex={-1}>
      <table className="table import-table" aria-label="Folders" aria-rowcount={folders.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span className="visually-hidden">Import</span>
            </th>
            <th scope="col">Folder</th>
            <th scope="col">Movie</th>
            <th scope="col">Match</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="import-table__spacer" style={{ height: before }}>
              <td colSpan={5} />
            </tr>
          )}
          {items.map((item) => {
            const folder = folders[item.index];
            if (folder === undefined) return null;
            return (
              <tr key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                <FolderRow folder={folder} props={props} />
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="import-table__spacer" style={{ height: after }}>
              <td colSpan={5} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
