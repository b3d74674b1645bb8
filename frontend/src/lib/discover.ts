// What Discover shows of a film: where it comes from, which films the view keeps and in what order,
// and what to tell after a bulk add. Pure.
import type { DiscoverMovie } from "../api/discover";
import type { MinimumAvailability } from "../api/types";

export type DiscoverFilter = "all" | "new" | "inLibrary" | "excluded";

export const DISCOVER_FILTERS: Record<DiscoverFilter, string> = {
  all: "All films",
  new: "Not in the library",
  inLibrary: "In the library",
  excluded: "Excluded",
};

/** Which of TMDB's sections Discover asks for beside the lists' films (Radarr's include options). */
export interface DiscoverSources {
  recommendations: boolean;
  trending: boolean;
  popular: boolean;
}

export type DiscoverSortKey = "title" | "year" | "rating" | "popularity" | "runtime";
export type SortDirection = "ascending" | "descending";

export const DISCOVER_SORT_LABELS: Record<DiscoverSortKey, string> = {
  title: "Title",
  year: "Year",
  rating: "Rating",
  popularity: "Popularity",
  runtime: "Runtime",
};
export const DISCOVER_SORT_KEYS = Object.keys(DISCOVER_SORT_LABELS) as DiscoverSortKey[];

export type DiscoverLayout = "posters" | "table";
export const DISCOVER_LAYOUTS: readonly DiscoverLayout[] = ["posters", "table"];

/** A failed section of the answer, from the X-Discover-Errors header. */
export interface SectionFailure {
  section: string;
  message: string;
}

/** The badges naming where a film comes from: "Recommended", "Trending", "Popular", then its lists by name. */
export function sourceLabels(
  movie: Pick<DiscoverMovie, "isRecommendation" | "isTrending" | "isPopular" | "lists">,
  listNames: ReadonlyMap<number, string>,
): string[] {
  const labels: string[] = [];
  if (movie.isRecommendation) labels.push("Recommended");
  if (movie.isTrending) labels.push("Trending");
  if (movie.isPopular) labels.push("Popular");
  for (const id of movie.lists) labels.push(listNames.get(id) ?? `List ${id}`);
  return labels;
}

function keeps(movie: DiscoverMovie, filter: DiscoverFilter): boolean {
  switch (filter) {
    case "new":
      return !movie.isExisting && !movie.isExcluded;
    case "inLibrary":
      return movie.isExisting;
    case "excluded":
      return movie.isExcluded;
    default:
      return true;
  }
}

/** Whether a film comes from a section shown: a list, or one of TMDB's sections switched on. */
function fromShownSource(movie: DiscoverMovie, sources: DiscoverSources): boolean {
  return (
    movie.lists.length > 0 ||
    (sources.recommendations && movie.isRecommendation) ||
    (sources.trending && movie.isTrending) ||
    (sources.popular && movie.isPopular)
  );
}

/** The films the filter keeps, from the sections shown, in the server's order. */
export function visibleFilms(movies: readonly DiscoverMovie[], filter: DiscoverFilter, sources: DiscoverSources): DiscoverMovie[] {
  return movies.filter((m) => fromShownSource(m, sources) && keeps(m, filter));
}

function sortValue(movie: DiscoverMovie, key: DiscoverSortKey): number | string {
  switch (key) {
    case "title":
      return (movie.sortTitle || movie.title).toLowerCase();
    case "year":
      return movie.year || 0;
    case "rating":
      return movie.ratings?.tmdb?.value ?? 0;
    case "popularity":
      return movie.popularity ?? 0;
    case "runtime":
      return movie.runtime || 0;
  }
}

/** The films in the chosen order; ties keep the server's order, then go by title. */
export function sortFilms(movies: readonly DiscoverMovie[], key: DiscoverSortKey, direction: SortDirection): DiscoverMovie[] {
  const sign = direction === "ascending" ? 1 : -1;
  return movies
    .map((movie, index) => ({ movie, index, value: sortValue(movie, key) }))
    .sort((a, b) => {
      if (a.value < b.value) return -sign;
      if (a.value > b.value) return sign;
      return a.index - b.index;
    })
    .map(({ movie }) => movie);
}

/** The sort after a click on a column header: the same column flips, a new one starts its natural way. */
export function sortedByColumn(
  current: { key: DiscoverSortKey; direction: SortDirection },
  key: DiscoverSortKey,
): { key: DiscoverSortKey; direction: SortDirection } {
  if (key === current.key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: key === "title" ? "ascending" : "descending" };
}

/** The sections the server could not give, from its X-Discover-Errors header (none when absent or garbled). */
export function parseDiscoverErrors(header: string | null): SectionFailure[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: unknown) => {
      const f = item as Partial<SectionFailure> | null;
      return typeof f?.section === "string" && typeof f.message === "string" ? [{ section: f.section, message: f.message }] : [];
    });
  } catch {
    return [];
  }
}

const SECTION_NAMES: Record<string, string> = { trending: "Trending films", popular: "Popular films" };

/** "Trending films could not be loaded: TMDB: …" for one failed section. */
export function failureText(failure: SectionFailure): string {
  return `${SECTION_NAMES[failure.section] ?? failure.section} could not be loaded: ${failure.message}`;
}

/** The toast after a bulk add: how many were added, and how many the server skipped. */
export function bulkAddOutcome(asked: number, added: readonly { title: string; year: number }[]): { heading: string; detail: string; failed: boolean } {
  const skipped = asked - added.length;
  const heading = added.length === 1 ? `Added ${added[0]?.title} (${added[0]?.year})` : `Added ${added.length} films`;
  const names = added.length > 1 ? added.map((m) => m.title).join(", ") : "";
  const skippedText = skipped > 0 ? `${skipped} could not be added (already in the library, or TMDB does not know ${skipped === 1 ? "it" : "them"})` : "";
  if (added.length === 0) return { heading: "No film was added", detail: skippedText, failed: true };
  return { heading, detail: [names, skippedText].filter(Boolean).join(". "), failed: false };
}

/** How the chosen films are added, all alike. */
export interface BulkAddChoices {
  rootFolderPath: string;
  qualityProfileId: number;
  monitor: "movieOnly" | "movieAndCollection" | "none";
  minimumAvailability: MinimumAvailability;
  searchForMovie: boolean;
}

/** The body of POST /importlist/movie for these films (Radarr's Discover adds through it). */
export function bulkAddBody(movies: readonly Pick<DiscoverMovie, "tmdbId" | "title" | "year">[], choices: BulkAddChoices) {
  return movies.map((m) => ({
    tmdbId: m.tmdbId,
    title: m.title,
    year: m.year,
    qualityProfileId: choices.qualityProfileId,
    rootFolderPath: choices.rootFolderPath,
    monitored: choices.monitor !== "none",
    minimumAvailability: choices.minimumAvailability,
    tags: [],
    addOptions: { monitor: choices.monitor, searchForMovie: choices.searchForMovie },
  }));
}
