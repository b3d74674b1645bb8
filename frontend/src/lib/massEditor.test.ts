import { describe, expect, it } from "vitest";
import { allChosen, changesSomething, editorBody, NO_CHANGES, stillInLibrary, toggled, toggledAll } from "./massEditor";

describe("editorBody", () => {
  it("sends only what the form changes", () => {
    expect(editorBody([1, 2], NO_CHANGES)).toEqual({ movieIds: [1, 2] });
    expect(changesSomething(editorBody([1, 2], NO_CHANGES))).toBe(false);
    expect(editorBody([3], { ...NO_CHANGES, monitored: "unmonitored", qualityProfileId: 4, minimumAvailability: "inCinemas" })).toEqual({
      movieIds: [3],
      monitored: false,
      qualityProfileId: 4,
      minimumAvailability: "inCinemas",
    });
  });

  it("moves files only with a new root folder", () => {
    expect(editorBody([1], { ...NO_CHANGES, moveFiles: true })).toEqual({ movieIds: [1] });
    expect(editorBody([1], { ...NO_CHANGES, rootFolderPath: "/films", moveFiles: true })).toEqual({
      movieIds: [1],
      rootFolderPath: "/films",
      moveFiles: true,
    });
  });

  it("adds or removes the given tags, and replacing with none clears them", () => {
    expect(editorBody([1], { ...NO_CHANGES, tagIds: [5], applyTags: "remove" })).toMatchObject({ tags: [5], applyTags: "remove" });
    expect(editorBody([1], { ...NO_CHANGES, applyTags: "add" })).toEqual({ movieIds: [1] });
    expect(editorBody([1], { ...NO_CHANGES, applyTags: "replace" })).toEqual({ movieIds: [1], tags: [], applyTags: "replace" });
  });
});

describe("selection", () => {
  it("toggles one movie", () => {
    expect([...toggled(new Set([1]), 2)]).toEqual([1, 2]);
    expect([...toggled(new Set([1, 2]), 1)]).toEqual([2]);
  });

  it("chooses all shown, or clears them when all were chosen", () => {
    expect(allChosen(new Set([1, 2, 3]), [1, 2])).toBe(true);
    expect(allChosen(new Set(), [])).toBe(false);
    expect([...toggledAll(new Set([9, 1]), [1, 2])].sort()).toEqual([1, 2, 9]);
    expect([...toggledAll(new Set([9, 1, 2]), [1, 2])]).toEqual([9]);
  });

  it("forgets movies that left the library", () => {
    expect([...stillInLibrary(new Set([1, 2, 3]), [3, 1])].sort()).toEqual([1, 3]);
  });
});
