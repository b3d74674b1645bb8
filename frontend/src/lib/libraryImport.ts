// Rules of the library import page: which folders are ticked, what is sent, what came back. Pure.
import type {
  ImportFilm,
  ImportMovieBody,
  ImportSuggestion,
  MatchConfidence,
  MinimumAvailability,
  SkippedImport,
  ValidationFailure,
} from "../api/types";

/**
 * Folders asked about per suggestions request. The server asks TMDB about each folder (a few at a
 * time), so a small batch answers in a second or two and the page fills in as they arrive.
 */
export const SUGGESTION_BATCH_SIZE = 10;

/** `items` cut into consecutive slices of `size` (the last one shorter). */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += step) batches.push(items.slice(start, start + step));
  return batches;
}

/** The query string asking for the suggestions of some folders of a root folder (`folder=` repeated). */
export function suggestionsQuery(rootFolderId: number, folders: readonly string[]): string {
  const params = new URLSearchParams({ rootFolderId: String(rootFolderId) });
  for (const folder of folders) params.append("folder", folder);
  return params.toString();
}

/** What the user changed about a folder: ticked or not, another film than the suggested one. */
export interface FolderChoice {
  selected?: boolean;
  film?: ImportFilm;
}

/** The user's changes by folder name. */
export type Choices = Readonly<Record<string, FolderChoice | undefined>>;

/**
 * - matched: a film that can be imported
 * - inLibrary: the film is in the library already (the server would skip it)
 * - excluded: the film is on the import exclusion list (importable, but only when ticked by hand)
 * - noMatch: TMDB knows no film for the name
 * - error: TMDB could not be asked
 */
export type FolderState = "matched" | "inLibrary" | "excluded" | "noMatch" | "error";

/** The film a folder will be imported as: the user's choice, else the suggested match. */
export function filmFor(suggestion: ImportSuggestion, choice?: FolderChoice): ImportFilm | undefined {
  return choice?.film ?? suggestion.match;
}

export function folderState(suggestion: ImportSuggestion, choice?: FolderChoice): FolderState {
  const film = filmFor(suggestion, choice);
  if (!film) return suggestion.error ? "error" : "noMatch";
  if (film.id) return "inLibrary";
  if (film.excluded || (!choice?.film && suggestion.excluded)) return "excluded";
  return "matched";
}

/** Whether a folder can be ticked: it needs a film that is not in the library yet. */
export function canSelect(state: FolderState): boolean {
  return state === "matched" || state === "excluded";
}

/** Ticked without asking: a film the user picked, or one matched with high confidence; never an excluded one. */
function tickedByDefault(suggestion: ImportSuggestion, choice: FolderChoice | undefined): boolean {
  return folderState(suggestion, choice) === "matched" && (choice?.film !== undefined || suggestion.confidence === "high");
}

/**
 * The ticked folders. The user's tick counts first; otherwise a folder is ticked by default
 * (see above) unless a folder before it is already ticked for the same film: two folders of one
 * film are for the user to sort out.
 */
export function selectedFolders(suggestions: readonly ImportSuggestion[], choices: Choices): Set<string> {
  const selected = new Set<string>();
  const taken = new Set<number>();
  for (const suggestion of suggestions) {
    const choice = choices[suggestion.folder];
    const film = filmFor(suggestion, choice);
    if (!film || !canSelect(folderState(suggestion, choice))) continue;
    const ticked = choice?.selected ?? (tickedByDefault(suggestion, choice) && !taken.has(film.tmdbId));
    if (ticked) {
      selected.add(suggestion.folder);
      taken.add(film.tmdbId);
    }
  }
  return selected;
}

/** Films ticked for more than one folder, with those folders' names (the server would add each film once). */
export function duplicateFilms(
  suggestions: readonly ImportSuggestion[],
  choices: Choices,
  selected: ReadonlySet<string>,
): Map<number, string[]> {
  const folders = new Map<number, string[]>();
  for (const suggestion of suggestions) {
    if (!selected.has(suggestion.folder)) continue;
    const film = filmFor(suggestion, choices[suggestion.folder]);
    if (!film) continue;
    folders.set(film.tmdbId, [...(folders.get(film.tmdbId) ?? []), suggestion.folder]);
  }
  for (const [tmdbId, names] of folders) if (names.length < 2) folders.delete(tmdbId);
  return folders;
}

/** The settings every imported film gets. */
export interface ImportOptions {
  qualityProfileId: number;
  minimumAvailability: MinimumAvailability;
  monitored: boolean;
  tags: readonly number[];
  searchForMovie: boolean;
}

/** The body of POST /movie/import: each ticked folder's film, to be kept in that folder. */
export function importBody(
  suggestions: readonly ImportSuggestion[],
  choices: Choices,
  selected: ReadonlySet<string>,
  options: ImportOptions,
): ImportMovieBody[] {
  const body: ImportMovieBody[] = [];
  for (const suggestion of suggestions) {
    if (!selected.has(suggestion.folder)) continue;
    const film = filmFor(suggestion, choices[suggestion.folder]);
    if (!film) continue;
    body.push({
      tmdbId: film.tmdbId,
      title: film.title,
      year: film.year,
      qualityProfileId: options.qualityProfileId,
      path: suggestion.path,
      monitored: options.monitored,
      minimumAvailability: options.minimumAvailability,
      tags: [...options.tags],
      addOptions: { searchForMovie: options.searchForMovie },
    });
  }
  return body;
}

const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, "") : path);

/**
 * An import's validation failures placed on the folders they are about (by path): a `tmdbId`
 * failure names the film, a `path` failure the folder; anything else (profile, tags, root
 * folder) is about the whole import. Repeated messages are given once.
 */
export function placeImportFailures(
  failures: readonly ValidationFailure[],
  sent: readonly ImportMovieBody[],
): { byPath: Map<string, string[]>; general: string[] } {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  const add = (path: string, message: string) => {
    const messages = byPath.get(path) ?? [];
    if (!messages.includes(message)) byPath.set(path, [...messages, message]);
  };
  for (const failure of failures) {
    const property = (failure.propertyName ?? "").split(".").pop()?.toLowerCase();
    const value = failure.attemptedValue;
    const about =
      property === "tmdbid" && typeof value === "number"
        ? sent.filter((item) => item.tmdbId === value)
        : property === "path" && typeof value === "string"
          ? sent.filter((item) => withoutTrailingSlash(item.path) === withoutTrailingSlash(value))
          : [];
    if (about.length > 0) for (const item of about) add(item.path, failure.errorMessage);
    else if (!general.includes(failure.errorMessage)) general.push(failure.errorMessage);
  }
  return { byPath, general };
}

// --- What the page shows ----------------------------------------------------------------------

export const CONFIDENCE_LABELS: Record<MatchConfidence, string> = {
  high: "High confidence",
  medium: "Medium confidence",
  low: "Low confidence",
  none: "No match",
};

export type Tone = "ok" | "notice" | "warning" | "error" | "muted";

/** The badge saying how sure the match is (or that the user chose the film, or what went wrong). */
export function matchBadge(suggestion: ImportSuggestion, choice?: FolderChoice): { label: string; tone: Tone; title?: string } {
  const state = folderState(suggestion, choice);
  if (state === "error") return { label: "TMDB error", tone: "error", title: suggestion.error };
  if (state === "noMatch") return { label: "No match", tone: "muted" };
  if (choice?.film) return { label: "Your choice", tone: "ok" };
  const tone: Record<MatchConfidence, Tone> = { high: "ok", medium: "notice", low: "warning", none: "muted" };
  return { label: CONFIDENCE_LABELS[suggestion.confidence], tone: tone[suggestion.confidence], title: matchedByText(suggestion) };
}

export function matchedByText(suggestion: ImportSuggestion): string | undefined {
  switch (suggestion.matchedBy) {
    case "tmdbId":
      return "Matched by the TMDB id in the folder name";
    case "imdbId":
      return "Matched by the IMDb id in the folder name";
    case "title":
      return suggestion.parsedYear ? "Matched by title and year" : "Matched by title";
    default:
      return undefined;
  }
}

/** "The Matrix (1999)", or the title alone when the year is unknown. */
export function filmLabel(film: { title: string; year?: number }): string {
  return film.year ? `${film.title} (${film.year})` : film.title;
}

/** The suggested film and the other candidates, each once, the suggested one first. */
export function filmOptions(suggestion: ImportSuggestion, extra: readonly ImportFilm[] = []): ImportFilm[] {
  const seen = new Set<number>();
  const options: ImportFilm[] = [];
  for (const film of [...(suggestion.match ? [suggestion.match] : []), ...suggestion.candidates, ...extra]) {
    if (seen.has(film.tmdbId)) continue;
    seen.add(film.tmdbId);
    options.push(film);
  }
  return options;
}

export type FolderFilter = "all" | "selected" | "unselected" | "attention";

export const FOLDER_FILTER_LABELS: Record<FolderFilter, string> = {
  all: "All folders",
  selected: "Ticked",
  unselected: "Not ticked",
  attention: "To check",
};

/** A folder worth a look before importing: no film, an unsure match, an excluded film or one in the library. */
export function needsAttention(suggestion: ImportSuggestion, choice?: FolderChoice): boolean {
  if (folderState(suggestion, choice) !== "matched") return true;
  return !choice?.film && suggestion.confidence !== "high";
}

/**
 * The folder names to list, in order. Folders not matched yet (no suggestion) only show under
 * "all"; `text` narrows by folder name or film title (case ignored).
 */
export function filterFolders(
  names: readonly string[],
  suggestions: ReadonlyMap<string, ImportSuggestion>,
  choices: Choices,
  selected: ReadonlySet<string>,
  filter: FolderFilter,
  text: string,
): string[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return names.filter((name) => {
    const suggestion = suggestions.get(name);
    const choice = choices[name];
    if (filter !== "all") {
      if (!suggestion) return false;
      if (filter === "selected" && !selected.has(name)) return false;
      if (filter === "unselected" && selected.has(name)) return false;
      if (filter === "attention" && !needsAttention(suggestion, choice)) return false;
    }
    if (words.length === 0) return true;
    const film = suggestion ? filmFor(suggestion, choice) : undefined;
    const haystack = `${name} ${film ? filmLabel(film) : ""}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** A folder whose film the server did not add, and why. */
export interface SkippedFolder {
  folder: string;
  reason: string;
}

/** The folder a skipped film was sent from (by its place in the batch) and the server's reason. */
export function skippedFolder(skipped: SkippedImport, sent: ImportMovieBody[], folderOf: Map<string, string>): SkippedFolder {
  const path = sent[skipped.index]?.path ?? skipped.path ?? `TMDB ${skipped.tmdbId}`;
  const reasons = [...new Set(skipped.errors.map((error) => error.errorMessage))];
  return {
    folder: folderOf.get(path) ?? path,
    reason: skipped.alreadyAdded ? "its movie is in the library already" : reasons.join(" ") || "refused by the server",
  };
}
