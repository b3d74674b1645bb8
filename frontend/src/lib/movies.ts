// Library rules for the movie pages: filtering, sorting, labels and cover URLs. Pure.
import type { MediaCover, MinimumAvailability, Movie, MovieStatus } from "../api/types";

export type MovieFilter = "all" | "monitored" | "unmonitored" | "missing" | "downloaded";
export type SortKey = "title" | "year" | "added" | "runtime" | "sizeOnDisk" | "status";
export type SortDirection = "ascending" | "descending";

export const FILTER_LABELS: Record<MovieFilter, string> = {
  all: "All",
  monitored: "Monitored",
  unmonitored: "Unmonitored",
  missing: "Missing",
  downloaded: "Downloaded",
};

export const SORT_LABELS: Record<SortKey, string> = {
  title: "Title",
  year: "Year",
  added: "Added",
  runtime: "Runtime",
  sizeOnDisk: "Size",
  status: "Status",
};

const STATUS_LABELS: Record<MovieStatus, string> = {
  tba: "TBA",
  announced: "Announced",
  inCinemas: "In cinemas",
  released: "Released",
  deleted: "Removed from TMDB",
};

export function statusLabel(status: string | undefined): string {
  if (!status) return "—";
  return STATUS_LABELS[status as MovieStatus] ?? status;
}

/** The minimum availabilities a user can pick (TBA is only a status). */
export const AVAILABILITIES = ["announced", "inCinemas", "released"] as const;

export const AVAILABILITY_LABELS: Record<MinimumAvailability, string> = {
  announced: "Announced",
  inCinemas: "In cinemas",
  released: "Released",
  tba: "TBA",
};

/** Lower case without accents, so "amelie" finds "Amélie". */
export function normalizeText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** Whether a movie passes the state filter. */
export function matchesFilter(movie: Movie, filter: MovieFilter): boolean {
  switch (filter) {
    case "monitored":
      return movie.monitored;
    case "unmonitored":
      return !movie.monitored;
    case "missing":
      return !movie.hasFile;
    case "downloaded":
      return movie.hasFile;
    default:
      return true;
  }
}

/**
 * The movies that pass the filter and whose title, original title or year contain every word of
 * `text` (accents and case ignored). Keeps the order it is given.
 */
export function filterMovies<T extends Movie>(movies: readonly T[], filter: MovieFilter, text: string): T[] {
  const words = normalizeText(text).split(/\s+/).filter(Boolean);
  if (filter === "all" && words.length === 0) return movies.slice();
  return movies.filter((movie) => {
    if (!matchesFilter(movie, filter)) return false;
    if (words.length === 0) return true;
    const haystack = normalizeText(`${movie.title} ${movie.originalTitle ?? ""} ${movie.year || ""}`);
    return words.every((word) => haystack.includes(word));
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Title order as Radarr's: the sort title ("matrix" for "The Matrix"), then the year. */
function compareTitle(a: Movie, b: Movie): number {
  return collator.compare(a.sortTitle ?? a.title, b.sortTitle ?? b.title) || (a.year ?? 0) - (b.year ?? 0);
}

const STATUS_ORDER: Record<string, number> = { deleted: 0, tba: 1, announced: 2, inCinemas: 3, released: 4 };

function sortValue(movie: Movie, key: Exclude<SortKey, "title">): number {
  switch (key) {
    case "year":
      return movie.year || 0;
    case "added":
      return movie.added ? Date.parse(movie.added) || 0 : 0;
    case "runtime":
      return movie.runtime ?? 0;
    case "sizeOnDisk":
      return movie.sizeOnDisk ?? 0;
    case "status":
      return STATUS_ORDER[movie.status ?? ""] ?? -1;
  }
}

/** A sorted copy; ties (same year, same size, ...) fall back to title order, always ascending. */
export function sortMovies<T extends Movie>(movies: readonly T[], key: SortKey, direction: SortDirection): T[] {
  const sign = direction === "descending" ? -1 : 1;
  if (key === "title") return movies.slice().sort((a, b) => sign * compareTitle(a, b));
  // Decorate once: Date.parse for every comparison would be slow on 50,000 movies.
  const decorated = movies.map((movie) => ({ movie, value: sortValue(movie, key) }));
  decorated.sort((a, b) => sign * (a.value - b.value) || compareTitle(a.movie, b.movie));
  return decorated.map((d) => d.movie);
}

/**
 * Where to load a cover from: the local cached copy first (under the URL base), the remote one if
 * that fails. `url` from the server already carries the URL base; one without it gets it added.
 */
export function coverSources(images: readonly MediaCover[] | undefined, coverType: string, urlBase: string): string[] {
  const image = images?.find((i) => i.coverType === coverType);
  if (!image) return [];
  const sources: string[] = [];
  if (image.url) sources.push(withUrlBase(image.url, urlBase));
  if (image.remoteUrl && !sources.includes(image.remoteUrl)) sources.push(image.remoteUrl);
  return sources;
}

/** A server path with the URL base in front, unless it has it already (or is a full URL). */
export function withUrlBase(url: string, urlBase: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  if (!urlBase || url === urlBase || url.startsWith(`${urlBase}/`)) return url;
  return `${urlBase}${url}`;
}

/** How many movies of a list are monitored, missing, ... (for the toolbar's counts). */
export function countMovies(movies: readonly Movie[]): Record<MovieFilter, number> {
  const counts: Record<MovieFilter, number> = { all: movies.length, monitored: 0, unmonitored: 0, missing: 0, downloaded: 0 };
  for (const movie of movies) {
    counts[movie.monitored ? "monitored" : "unmonitored"] += 1;
    counts[movie.hasFile ? "downloaded" : "missing"] += 1;
  }
  return counts;
}

export type FileTone = "ok" | "warning" | "notice" | "muted";

/** The states of a library movie's file with their colours, in the order the poster legend lists them. */
export const FILE_STATES = {
  downloaded: { label: "Downloaded", tone: "ok" },
  missing: { label: "Missing", tone: "warning" },
  notAvailable: { label: "Not available yet", tone: "notice" },
  unmonitored: { label: "Missing (unmonitored)", tone: "muted" },
} as const satisfies Record<string, { label: string; tone: FileTone }>;

/** The one-word state of a library movie for the table, the badges and the bar under its poster. */
export function fileState(movie: Movie): { label: string; tone: FileTone } {
  if (movie.hasFile) return FILE_STATES.downloaded;
  if (!movie.monitored) return FILE_STATES.unmonitored;
  if (movie.isAvailable) return FILE_STATES.missing;
  return FILE_STATES.notAvailable;
}
