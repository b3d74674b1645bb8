import { describe, expect, it } from "vitest";
import type { ExtraFile } from "../api/types";
import { extraLanguage, extraTypeLabel } from "./extras";

function extra(fields: Partial<ExtraFile>): ExtraFile {
  return { id: 1, movieId: 1, relativePath: "Movie.en.srt", extension: ".srt", type: "subtitle", ...fields };
}

describe("extraLanguage", () => {
  it("names a subtitle's language with its tags", () => {
    const forced = extra({ language: { id: 1, name: "English" }, languageTags: ["forced", "sdh"] });
    expect(extraLanguage(forced)).toBe("English (forced, sdh)");
    expect(extraLanguage(extra({ language: { id: 2, name: "French" }, languageTags: [] }))).toBe("French");
  });

  it("says Unknown for a subtitle whose name gives no language, and nothing for other files", () => {
    expect(extraLanguage(extra({ language: { id: 0, name: "Unknown" } }))).toBe("Unknown");
    expect(extraLanguage(extra({ type: "other", relativePath: "Movie.nfo", extension: ".nfo", language: null }))).toBe("");
  });
});

describe("extraTypeLabel", () => {
  it("reads Radarr's types", () => {
    expect(extraTypeLabel(extra({}))).toBe("Subtitle");
    expect(extraTypeLabel(extra({ type: "other" }))).toBe("Other");
  });
});
