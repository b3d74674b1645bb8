import { describe, expect, it } from "vitest";
import type { ManualImportItem } from "../api/manualImport";
import type { LibraryMovie } from "../api/types";
import { canImport, initiallyChosen, manualImportCommand } from "./manualImport";

const film = { id: 3, title: "The Matrix", year: 1999 } as LibraryMovie;

function item(id: number, changes: Partial<ManualImportItem> = {}): ManualImportItem {
  return {
    id,
    path: `/downloads/${id}.mkv`,
    relativePath: `${id}.mkv`,
    name: String(id),
    size: 10,
    movie: film,
    quality: { quality: { id: 7, name: "Bluray-1080p" }, revision: { version: 1, real: 0 } },
    languages: [{ id: 1, name: "English" }],
    releaseGroup: "",
    qualityWeight: 1,
    downloadId: "abc",
    customFormats: [],
    customFormatScore: 0,
    indexerFlags: 0,
    rejections: [],
    ...changes,
  };
}

describe("manual import", () => {
  it("needs a film and a known quality", () => {
    expect(canImport(item(1))).toBe(true);
    expect(canImport(item(1, { movie: null }))).toBe(false);
    expect(canImport(item(1, { quality: { quality: { id: 0, name: "Unknown" } } }))).toBe(false);
  });

  it("chooses at first only the files the rules would take", () => {
    const items = [item(1), item(2, { rejections: [{ reason: "Sample", type: "permanent" }] }), item(3, { movie: undefined })];
    expect([...initiallyChosen(items)]).toEqual([1]);
  });

  it("tells the command the chosen files with the person's film and quality", () => {
    const items = [item(1), item(2, { releaseGroup: "GRP" }), item(3, { movie: null })];
    const body = manualImportCommand(items, new Set([2, 3]), "copy");
    expect(body.name).toBe("ManualImport");
    expect(body.importMode).toBe("copy");
    expect(body.files).toEqual([
      expect.objectContaining({ path: "/downloads/2.mkv", movieId: 3, releaseGroup: "GRP", downloadId: "abc", quality: items[1]?.quality }),
    ]);
  });
});
