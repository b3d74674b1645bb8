// Radarr's Wanted pages: films without a file (missing) and films whose file is below their profile's
// cutoff, their columns and sort keys, and the commands their search buttons start.

export type WantedKind = "missing" | "cutoff";

/** A column the wanted tables sort by, with Radarr's sort key for it. */
export interface WantedColumn {
  key: "title" | "year" | "inCinemas" | "digitalRelease" | "physicalRelease";
  label: string;
  sortKey: string;
}

export const WANTED_COLUMNS: readonly WantedColumn[] = [
  { key: "title", label: "Movie", sortKey: "movieMetadata.sortTitle" },
  { key: "year", label: "Year", sortKey: "movieMetadata.year" },
  { key: "inCinemas", label: "In cinemas", sortKey: "movieMetadata.inCinemas" },
  { key: "digitalRelease", label: "Digital release", sortKey: "movieMetadata.digitalRelease" },
  { key: "physicalRelease", label: "Physical release", sortKey: "movieMetadata.physicalRelease" },
];

export type WantedDirection = "ascending" | "descending";

export interface WantedSort {
  sortKey: string;
  sortDirection: WantedDirection;
}

export const DEFAULT_WANTED_SORT: WantedSort = { sortKey: "movieMetadata.sortTitle", sortDirection: "ascending" };

/** The sort after a click on a column: the same column turns its direction round, another starts ascending. */
export function nextSort(current: WantedSort, sortKey: string): WantedSort {
  if (current.sortKey !== sortKey) return { sortKey, sortDirection: "ascending" };
  return { sortKey, sortDirection: current.sortDirection === "ascending" ? "descending" : "ascending" };
}

/** The query string of a page of a wanted list (monitored films only, as Radarr's default). */
export function wantedQuery(page: number, pageSize: number, sort: WantedSort, monitored = true): string {
  return new URLSearchParams({
    page: String(page),
    pageSize: String(pageSize),
    sortKey: sort.sortKey,
    sortDirection: sort.sortDirection,
    monitored: String(monitored),
  }).toString();
}

/** The command "Search all" starts: Radarr's backlog search of the list. */
export function searchAllCommand(kind: WantedKind): { name: string } {
  return { name: kind === "missing" ? "MissingMoviesSearch" : "CutoffUnmetMoviesSearch" };
}

/** The command "Search selected" starts: MoviesSearch of the chosen films, in the table's order. */
export function searchSelectedCommand(ids: Iterable<number>): { name: string; movieIds: number[] } {
  return { name: "MoviesSearch", movieIds: [...new Set(ids)] };
}
