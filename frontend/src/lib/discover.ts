// What Discover shows of a film: where it comes from, and which films the view keeps.
import type { DiscoverMovie } from "../api/discover";

export type DiscoverFilter = "all" | "new" | "inLibrary" | "excluded";

export const DISCOVER_FILTERS: Record<DiscoverFilter, string> = {
  all: "All films",
  new: "Not in the library",
  inLibrary: "In the library",
  excluded: "Excluded",
};

/** The badges naming where a film comes from: "Recommended", then its lists by name. */
export function sourceLabels(movie: Pick<DiscoverMovie, "isRecommendation" | "lists">, listNames: ReadonlyMap<number, string>): string[] {
  const labels = movie.isRecommendation ? ["Recommended"] : [];
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

/** The films the filter keeps, recommended ones only when asked for, in the server's order. */
export function visibleFilms(movies: readonly DiscoverMovie[], filter: DiscoverFilter, showRecommendations: boolean): DiscoverMovie[] {
  return movies.filter((m) => (showRecommendations || m.lists.length > 0) && keeps(m, filter));
}
