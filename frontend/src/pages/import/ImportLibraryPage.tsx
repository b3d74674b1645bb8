import { useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/errors";
import { tagIdsFor, useRootFolders } from "../../api/library";
import { forgetSuggestions, useFreshRootFolders, useImportMovies, useImportSuggestions } from "../../api/libraryImport";
import type { ImportMovieBody, ImportSuggestion, RootFolder } from "../../api/types";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { SelectField } from "../../components/Field";
import {
  canSelect,
  duplicateFilms,
  filmFor,
  filterFolders,
  folderState,
  FOLDER_FILTER_LABELS,
  importBody,
  placeImportFailures,
  selectedFolders,
  skippedFolder,
  type FolderChoice,
  type FolderFilter,
} from "../../lib/libraryImport";
import { placeErrors } from "../../lib/validation";
import { ChooseFilmDialog } from "./ChooseFilmDialog";
import { FolderTable } from "./FolderTable";
import { ImportResult, type FinishedImport } from "./ImportResult";
import { ImportSettings, useImportSettings } from "./ImportSettings";
import { ManualImportFolder } from "./ManualImportFolder";

const FILTERS = Object.keys(FOLDER_FILTER_LABELS) as FolderFilter[];
const SETTINGS_FIELDS = { qualityProfileId: "profile", profileId: "profile", minimumAvailability: "availability", tags: "tags" };
const NO_PROBLEMS = new Map<string, string[]>();

function unmappedCount(folder: RootFolder): string {
  const count = folder.unmappedFolders.length;
  if (!folder.accessible) return "not accessible";
  return count === 0 ? "nothing to import" : `${count} ${count === 1 ? "folder" : "folders"} to import`;
}

/** Matching progress while suggestions arrive, and the batches that failed with a way to retry. */
function Progress({ done, total, failed, onRetry }: { done: number; total: number; failed: number; onRetry: () => void }) {
  return (
    <>
      {done < total && (
        <div className="import-progress" role="status">
          <label htmlFor="import-progress">
            Matching folders with TMDB: {done.toLocaleString()} of {total.toLocaleString()}
          </label>
          <progress id="import-progress" max={total} value={done} />
        </div>
      )}
      {failed > 0 && (
        <div className="alert alert--error" role="alert">
          {failed.toLocaleString()} {failed === 1 ? "folder" : "folders"} could not be matched.{" "}
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}

/** The import of one root folder: its folders as they were when the page opened (or was rescanned). */
function RootFolderImport({ rootFolder }: { rootFolder: RootFolder }) {
  const client = useQueryClient();
  const rootFolders = useRootFolders();
  // The folder list is fixed while the user works through it: importing some must not re-match the rest.
  const [names, setNames] = useState(() => rootFolder.unmappedFolders.map((f) => f.name));
  const [imported, setImported] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<Record<string, FolderChoice>>({});
  const [filter, setFilter] = useState<FolderFilter>("all");
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text);
  const [changing, setChanging] = useState<string | null>(null);
  const [finished, setFinished] = useState<FinishedImport | null>(null);
  const [sent, setSent] = useState<ImportMovieBody[]>([]);
  const [tagError, setTagError] = useState<unknown>(null);
  const settings = useImportSettings();
  const suggestions = useImportSuggestions(rootFolder.id, names);
  const importMovies = useImportMovies();

  const remaining = names.filter((name) => !imported.has(name));
  const loaded = remaining.map((name) => suggestions.byFolder.get(name)).filter((s): s is ImportSuggestion => s !== undefined);
  const selected = selectedFolders(loaded, choices);
  const duplicates = duplicateFilms(loaded, choices, selected);
  const duplicateFolders = new Set([...duplicates.values()].flat());
  const shown = filterFolders(remaining, suggestions.byFolder, choices, selected, filter, deferredText);
  const failedBatches = suggestions.batches.filter((b) => b.error && !b.isFetching);
  const failedFolders = new Set(failedBatches.flatMap((b) => b.folders));
  const matching = suggestions.done < suggestions.total;

  const failures = importMovies.error instanceof ApiError ? importMovies.error.validationFailures : [];
  const placed = placeImportFailures(failures, sent);
  const fieldErrors = placeErrors(failures, SETTINGS_FIELDS).fields;
  const generalErrors = placed.general.filter((message) => !Object.values(fieldErrors).includes(message));

  const choose = (folder: string, choice: FolderChoice) => setChoices((all) => ({ ...all, [folder]: { ...all[folder], ...choice } }));

  /** Tick (or untick) every folder shown that can be: ticking skips films another ticked folder has. */
  const tickShown = (ticked: boolean) => {
    const next = { ...choices };
    const taken = new Set(
      loaded.filter((s) => selected.has(s.folder) && !shown.includes(s.folder)).map((s) => filmFor(s, choices[s.folder])?.tmdbId),
    );
    for (const name of shown) {
      const suggestion = suggestions.byFolder.get(name);
      if (!suggestion) continue;
      const film = filmFor(suggestion, choices[name]);
      const state = folderState(suggestion, choices[name]);
      if (!film || !canSelect(state)) continue;
      const tick = ticked && state === "matched" && !taken.has(film.tmdbId);
      if (tick) taken.add(film.tmdbId);
      next[name] = { ...next[name], selected: tick };
    }
    setChoices(next);
  };

  const rescan = async () => {
    const fresh = (await rootFolders.refetch()).data?.find((f) => f.id === rootFolder.id);
    forgetSuggestions(client, rootFolder.id);
    setNames(fresh?.unmappedFolders.map((f) => f.name) ?? []);
    setImported(new Set());
  };

  const onImport = async () => {
    setTagError(null);
    setFinished(null);
    let tags: number[];
    try {
      tags = await tagIdsFor(client, settings.tags);
    } catch (error) {
      setTagError(error);
      return;
    }
    const body = importBody(loaded, choices, selected, { ...settings, tags });
    setSent(body);
    importMovies.mutate(body, {
      onSuccess: ({ added, skipped: notAdded }) => {
        const folderOf = new Map(loaded.map((s) => [s.path, s.folder]));
        const skipped = notAdded.map((s) => skippedFolder(s, body, folderOf));
        const skippedIndexes = new Set(notAdded.map((s) => s.index));
        const addedFolders = body
          .filter((_, index) => !skippedIndexes.has(index))
          .map((item) => folderOf.get(item.path) ?? "");
        setImported((before) => new Set([...before, ...addedFolders]));
        setChoices((all) => {
          const next = { ...all };
          for (const { folder } of skipped) next[folder] = { ...next[folder], selected: false };
          return next;
        });
        setFinished({ added, skipped });
      },
    });
  };

  if (!rootFolder.accessible) {
    return (
      <div className="alert alert--error" role="alert">
        {rootFolder.path} is not accessible: Reelarr cannot read it. Check that it exists and that Reelarr may read it.
      </div>
    );
  }

  const count = selected.size;
  const importLabel = importMovies.isPending ? "Importing…" : `Import ${count.toLocaleString()} ${count === 1 ? "movie" : "movies"}`;
  const changingSuggestion = changing ? suggestions.byFolder.get(changing) : undefined;

  return (
    <>
      <ImportSettings settings={settings} errors={fieldErrors} />

      <section className="panel import-folders" aria-labelledby="import-folders-heading">
        <div className="page-header">
          <h2 id="import-folders-heading">Folders in {rootFolder.path}</h2>
          <button type="button" className="button button--small page-header__action" onClick={() => void rescan()} disabled={rootFolders.isFetching}>
            Rescan folder
          </button>
        </div>
        {remaining.length === 0 ? (
          <p className="muted">
            Every folder in {rootFolder.path} belongs to a movie in the library. <Link to="/">Go to the library</Link>
          </p>
        ) : (
          <>
            <Progress
              done={suggestions.done}
              total={suggestions.total}
              failed={failedFolders.size}
              onRetry={() => failedBatches.forEach((b) => b.retry())}
            />
            <div className="toolbar" role="toolbar" aria-label="Folders">
              <label className="toolbar__item">
                <span>Show</span>
                <select value={filter} onChange={(e) => setFilter(e.target.value as FolderFilter)}>
                  {FILTERS.map((f) => (
                    <option key={f} value={f}>
                      {FOLDER_FILTER_LABELS[f]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button button--small" onClick={() => tickShown(true)}>
                Tick all shown
              </button>
              <button type="button" className="button button--small" onClick={() => tickShown(false)}>
                Untick all shown
              </button>
              <label className="toolbar__item toolbar__search">
                <span className="visually-hidden">Filter folders</span>
                <input type="search" placeholder="Filter by folder or title" value={text} onChange={(e) => setText(e.target.value)} />
              </label>
            </div>
            {shown.length === 0 ? (
              <p className="muted">No folder matches. Change the filter.</p>
            ) : (
              <FolderTable
                folders={shown}
                suggestions={suggestions.byFolder}
                choices={choices}
                selected={selected}
                failed={failedFolders}
                problems={importMovies.isError ? placed.byPath : NO_PROBLEMS}
                duplicates={duplicateFolders}
                onSelect={(folder, ticked) => choose(folder, { selected: ticked })}
                onChange={setChanging}
              />
            )}
          </>
        )}

        <div className="import-bar">
          <p className="import-bar__summary" data-testid="import-summary">
            {count.toLocaleString()} of {remaining.length.toLocaleString()} {remaining.length === 1 ? "folder" : "folders"} ticked
            {matching && `, ${(suggestions.total - suggestions.done).toLocaleString()} still being matched`}
          </p>
          {duplicates.size > 0 && (
            <p className="field__error">
              {duplicates.size === 1 ? "A movie is" : `${duplicates.size} movies are`} ticked for more than one folder: untick all
              but one, or change the movie.
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={count === 0 || duplicates.size > 0 || importMovies.isPending || !settings.qualityProfileId}
            onClick={() => void onImport()}
          >
            {importLabel}
          </button>
        </div>
        {importMovies.isPending && (
          <p className="muted import-pending" role="status">
            Importing {sent.length.toLocaleString()} {sent.length === 1 ? "movie" : "movies"}: Reelarr fetches each one from TMDB,
            which takes a while for many.
          </p>
        )}
        {importMovies.isError && failures.length === 0 && (
          <ErrorMessage error={importMovies.error} title="Nothing was imported" />
        )}
        {generalErrors.length > 0 && (
          <div className="alert alert--error" role="alert">
            <strong>Nothing was imported: </strong>
            {generalErrors.join(" ")}
          </div>
        )}
        {failures.length > 0 && placed.byPath.size > 0 && generalErrors.length === 0 && (
          <div className="alert alert--error" role="alert">
            <strong>Nothing was imported: </strong>
            {placed.byPath.size === 1 ? "a folder has" : `${placed.byPath.size} folders have`} a problem, shown next to it.
          </div>
        )}
        {tagError !== null && <ErrorMessage error={tagError} title="Could not create the tags" />}
        {finished && <ImportResult result={finished} />}
      </section>

      {changing && changingSuggestion && (
        <ChooseFilmDialog
          suggestion={changingSuggestion}
          current={filmFor(changingSuggestion, choices[changing])}
          onClose={() => setChanging(null)}
          onChoose={(film) => {
            choose(changing, { film, selected: true });
            setChanging(null);
          }}
        />
      )}
    </>
  );
}

export function ImportLibraryPage() {
  const [params, setParams] = useSearchParams();
  const rootFolders = useFreshRootFolders();
  const requested = Number(params.get("rootFolderId")) || 0;
  const folders = rootFolders.data ?? [];
  const fallback = folders.find((f) => f.accessible && f.unmappedFolders.length > 0) ?? folders[0];
  const rootFolder = requested ? folders.find((f) => f.id === requested) : fallback;

  // Without a root folder in the address, take the first one with something to import.
  useEffect(() => {
    if (!requested && fallback) setParams({ rootFolderId: String(fallback.id) }, { replace: true });
  }, [requested, fallback, setParams]);

  return (
    <>
      <h1>Import library</h1>
      <p className="muted import-intro">
        Add the movies already in a root folder: Reelarr reads each folder's name, finds the movie on TMDB, and you confirm.
        The movies stay in their folders.
      </p>
      {rootFolders.isPending && <Loading what="root folders" />}
      {rootFolders.isError && <ErrorMessage error={rootFolders.error} title="Root folders unavailable" />}
      {rootFolders.data?.length === 0 && (
        <section className="panel empty-state">
          <p>
            There is no root folder yet. Add the folder your movies are in in <Link to="/settings/mediamanagement">Settings → Media management</Link>{" "}
            first.
          </p>
        </section>
      )}
      {folders.length > 0 && (
        <div className="panel">
          <SelectField
            label="Root folder"
            name="rootFolderId"
            value={rootFolder?.id ?? ""}
            onChange={(e) => setParams({ rootFolderId: e.target.value })}
          >
            {!rootFolder && <option value="">Choose a root folder</option>}
            {folders.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.path} ({unmappedCount(folder)})
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {rootFolders.data && requested > 0 && !rootFolder && (
        <div className="alert alert--error" role="alert">
          There is no root folder with id {requested}. Choose one above.
        </div>
      )}
      {/* The folder list is read once the root folders are fresh, so it is the one on disk now. */}
      {rootFolder && rootFolders.isFetchedAfterMount && <RootFolderImport key={rootFolder.id} rootFolder={rootFolder} />}
      {rootFolder && !rootFolders.isFetchedAfterMount && <Loading what="folders" />}
      <ManualImportFolder />
    </>
  );
}
