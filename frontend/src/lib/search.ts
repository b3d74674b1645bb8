// Whether searching for releases can happen, from what /api/v3/indexer answers. Pure.

export type SearchAvailability =
  | { state: "unknown" }
  | { state: "possible" }
  | { state: "impossible"; reason: string };

export type IndexerAnswer =
  | { state: "pending" }
  | { state: "error"; status: number | undefined }
  | { state: "answered"; indexers: unknown };

export const NO_INDEXER_SUPPORT = "Searching needs indexers, and this version of Reelarr has no indexers yet.";
export const NO_SEARCH_INDEXER = "No indexer with automatic search is set up, so nothing can be searched.";

function searchesAutomatically(indexer: unknown): boolean {
  return typeof indexer === "object" && indexer !== null && (indexer as { enableAutomaticSearch?: unknown }).enableAutomaticSearch === true;
}

/**
 * Searching is possible when an indexer (Radarr's resource) has automatic search on; impossible
 * when the server has no indexer API (404) or no such indexer; unknown while asking. Any other
 * failure leaves it possible: the server says itself what it could not do.
 */
export function searchAvailability(answer: IndexerAnswer): SearchAvailability {
  switch (answer.state) {
    case "pending":
      return { state: "unknown" };
    case "error":
      return answer.status === 404 ? { state: "impossible", reason: NO_INDEXER_SUPPORT } : { state: "possible" };
    case "answered":
      return Array.isArray(answer.indexers) && answer.indexers.some(searchesAutomatically)
        ? { state: "possible" }
        : { state: "impossible", reason: NO_SEARCH_INDEXER };
  }
}
