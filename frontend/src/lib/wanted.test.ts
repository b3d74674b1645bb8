import { describe, expect, it } from "vitest";
import { DEFAULT_WANTED_SORT, nextSort, searchAllCommand, searchSelectedCommand, WANTED_COLUMNS, wantedQuery } from "./wanted";

describe("wanted sorting", () => {
  it("starts by sort title, ascending, a key of the title column", () => {
    expect(DEFAULT_WANTED_SORT).toEqual({ sortKey: "movieMetadata.sortTitle", sortDirection: "ascending" });
    expect(WANTED_COLUMNS.find((c) => c.key === "title")?.sortKey).toBe(DEFAULT_WANTED_SORT.sortKey);
  });

  it("turns the direction round on the same column and starts another column ascending", () => {
    const byYear = nextSort(DEFAULT_WANTED_SORT, "movieMetadata.year");
    expect(byYear).toEqual({ sortKey: "movieMetadata.year", sortDirection: "ascending" });
    expect(nextSort(byYear, "movieMetadata.year")).toEqual({ sortKey: "movieMetadata.year", sortDirection: "descending" });
    expect(nextSort(nextSort(byYear, "movieMetadata.year"), "movieMetadata.year").sortDirection).toBe("ascending");
  });

  it("sends Radarr's movieMetadata sort keys", () => {
    for (const column of WANTED_COLUMNS) expect(column.sortKey).toMatch(/^movieMetadata\./);
  });
});

describe("wanted queries", () => {
  it("ask for a page of monitored films unless told", () => {
    const query = new URLSearchParams(wantedQuery(3, 20, { sortKey: "movieMetadata.year", sortDirection: "descending" }));
    expect(Object.fromEntries(query)).toEqual({
      page: "3",
      pageSize: "20",
      sortKey: "movieMetadata.year",
      sortDirection: "descending",
      monitored: "true",
    });
    expect(new URLSearchParams(wantedQuery(1, 20, DEFAULT_WANTED_SORT, false)).get("monitored")).toBe("false");
  });
});

describe("wanted searches", () => {
  it("search all with Radarr's backlog commands", () => {
    expect(searchAllCommand("missing")).toEqual({ name: "MissingMoviesSearch" });
    expect(searchAllCommand("cutoff")).toEqual({ name: "CutoffUnmetMoviesSearch" });
  });

  it("search the selected films once each with MoviesSearch", () => {
    expect(searchSelectedCommand([4, 2, 4])).toEqual({ name: "MoviesSearch", movieIds: [4, 2] });
  });
});
