// What the Collections page says about a collection's films.
import type { CollectionMovie, MovieCollection } from "../api/collections";

/** Where a film of a collection stands in the library. */
export type FilmStanding = "inLibrary" | "excluded" | "missing";

export function filmStanding(movie: CollectionMovie): FilmStanding {
  if (movie.isExisting) return "inLibrary";
  return movie.isExcluded ? "excluded" : "missing";
}

export const STANDING_LABELS: Record<FilmStanding, string> = {
  inLibrary: "In library",
  excluded: "Excluded",
  missing: "Missing",
};

/** "2 of 4 films in the library", or how many are missing. */
export function collectionSummary(collection: MovieCollection): string {
  const total = collection.movies.length;
  const owned = collection.movies.filter((m) => m.isExisting).length;
  const films = total === 1 ? "film" : "films";
  const missing = collection.missingMovies > 0 ? `, ${collection.missingMovies} missing` : "";
  return `${owned} of ${total} ${films} in the library${missing}`;
}

/** Collections by sort title, as Radarr lists them. */
export function sortedCollections(collections: readonly MovieCollection[]): MovieCollection[] {
  return [...collections].sort((a, b) => a.sortTitle.localeCompare(b.sortTitle) || a.id - b.id);
}
