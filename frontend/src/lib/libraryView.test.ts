import { describe, expect, it } from "vitest";
import { addressOfView, DEFAULT_VIEW, namesWholeView, sortByColumn, viewFromAddress, type RememberedView } from "./libraryView";

const remembered: RememberedView = { view: "table", filter: "missing", sortKey: "year", sortDirection: "descending" };
const params = (query: string) => new URLSearchParams(query);

describe("viewFromAddress", () => {
  it("takes what the address says over what is remembered", () => {
    expect(viewFromAddress(params("view=posters&filter=downloaded&sortKey=added&sortDirection=ascending&q=matrix"), remembered)).toEqual({
      view: "posters",
      filter: "downloaded",
      sortKey: "added",
      sortDirection: "ascending",
      text: "matrix",
    });
  });

  it("fills what the address leaves out or gets wrong from what is remembered", () => {
    expect(viewFromAddress(params(""), remembered)).toEqual({ ...remembered, text: "" });
    expect(viewFromAddress(params("view=grid&filter=monitored&sortKey=rating"), remembered)).toEqual({
      ...remembered,
      filter: "monitored",
      text: "",
    });
  });
});

describe("addressOfView", () => {
  it("spells out every setting, and the typed text only when there is some", () => {
    expect(addressOfView({ ...DEFAULT_VIEW, text: "" }).toString()).toBe("view=posters&filter=all&sortKey=title&sortDirection=ascending");
    expect(addressOfView({ ...remembered, text: "the matrix" }).get("q")).toBe("the matrix");
  });

  it("reads back as the same view, whatever is remembered", () => {
    const view = { ...remembered, text: "amélie & co" };
    expect(viewFromAddress(addressOfView(view), { ...DEFAULT_VIEW })).toEqual(view);
  });
});

describe("namesWholeView", () => {
  it("holds only when every setting is named with a valid value", () => {
    expect(namesWholeView(addressOfView({ ...remembered, text: "" }))).toBe(true);
    expect(namesWholeView(params(""))).toBe(false);
    expect(namesWholeView(params("view=table&filter=all&sortKey=title"))).toBe(false);
    expect(namesWholeView(params("view=grid&filter=all&sortKey=title&sortDirection=ascending"))).toBe(false);
  });
});

describe("sortByColumn", () => {
  it("flips the direction of the sorted column, and starts a new one its natural way", () => {
    expect(sortByColumn({ sortKey: "year", sortDirection: "descending" }, "year")).toEqual({ sortKey: "year", sortDirection: "ascending" });
    expect(sortByColumn({ sortKey: "year", sortDirection: "ascending" }, "title")).toEqual({ sortKey: "title", sortDirection: "ascending" });
    expect(sortByColumn({ sortKey: "title", sortDirection: "ascending" }, "sizeOnDisk")).toEqual({
      sortKey: "sizeOnDisk",
      sortDirection: "descending",
    });
  });
});
