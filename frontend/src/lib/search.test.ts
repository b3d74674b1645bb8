import { describe, expect, it } from "vitest";
import { NO_INDEXER_SUPPORT, NO_SEARCH_INDEXER, searchAvailability } from "./search";

describe("searchAvailability", () => {
  it("is impossible while the server has no indexer API", () => {
    expect(searchAvailability({ state: "error", status: 404 })).toEqual({ state: "impossible", reason: NO_INDEXER_SUPPORT });
  });

  it("is impossible without an indexer that searches automatically", () => {
    expect(searchAvailability({ state: "answered", indexers: [] })).toEqual({ state: "impossible", reason: NO_SEARCH_INDEXER });
    const rssOnly = [{ id: 1, enableRss: true, enableAutomaticSearch: false }];
    expect(searchAvailability({ state: "answered", indexers: rssOnly }).state).toBe("impossible");
    expect(searchAvailability({ state: "answered", indexers: { message: "odd" } }).state).toBe("impossible");
  });

  it("is possible with one indexer that searches automatically", () => {
    const indexers = [{ id: 1, enableAutomaticSearch: false }, { id: 2, enableAutomaticSearch: true }];
    expect(searchAvailability({ state: "answered", indexers })).toEqual({ state: "possible" });
  });

  it("is unknown while asking, and left to the server when asking fails otherwise", () => {
    expect(searchAvailability({ state: "pending" })).toEqual({ state: "unknown" });
    expect(searchAvailability({ state: "error", status: 500 })).toEqual({ state: "possible" });
    expect(searchAvailability({ state: "error", status: undefined })).toEqual({ state: "possible" });
  });
});
