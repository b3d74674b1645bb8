import { describe, expect, it } from "vitest";
import type { ImportFilm, ImportMovieBody, ImportSuggestion } from "../api/types";
import {
  batchesOf,
  duplicateFilms,
  filmOptions,
  filterFolders,
  folderState,
  importBody,
  matchBadge,
  placeImportFailures,
  selectedFolders,
  skippedFolder,
  suggestionsQuery,
  type Choices,
  type ImportOptions,
} from "./libraryImport";

function film(tmdbId: number, title: string, year: number, extra: Partial<ImportFilm> = {}): ImportFilm {
  return {
    tmdbId,
    title,
    year,
    images: [],
    tags: [],
    qualityProfileId: 0,
    hasFile: false,
    monitored: false,
    minimumAvailability: "released",
    ...extra,
  };
}

function suggestion(folder: string, extra: Partial<ImportSuggestion> = {}): ImportSuggestion {
  return { folder, path: `/movies/${folder}`, relativePath: folder, confidence: "none", candidates: [], excluded: false, ...extra };
}

const MATRIX = film(603, "The Matrix", 1999);
const RELOADED = film(604, "The Matrix Reloaded", 2003);
const INCEPTION = film(27205, "Inception", 2010);

const high = (folder: string, match: ImportFilm, extra: Partial<ImportSuggestion> = {}) =>
  suggestion(folder, { confidence: "high", matchedBy: "title", match, ...extra });

const OPTIONS: ImportOptions = {
  qualityProfileId: 4,
  minimumAvailability: "released",
  monitored: true,
  tags: [2],
  searchForMovie: false,
};

describe("batchesOf and suggestionsQuery", () => {
  it("cuts folders into requests of a few, each naming its folders", () => {
    expect(batchesOf(["a", "b", "c", "d", "e"], 2)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(batchesOf([], 10)).toEqual([]);
    expect(batchesOf(["a"], 0)).toEqual([["a"]]);
    expect(suggestionsQuery(3, ["The Matrix (1999)", "Amélie & co"])).toBe(
      "rootFolderId=3&folder=The+Matrix+%281999%29&folder=Am%C3%A9lie+%26+co",
    );
  });
});

describe("folderState", () => {
  it("tells importable folders from ones without a film, with an error, excluded or in the library", () => {
    expect(folderState(high("a", MATRIX))).toBe("matched");
    expect(folderState(suggestion("b"))).toBe("noMatch");
    expect(folderState(suggestion("c", { error: "TMDB is down" }))).toBe("error");
    expect(folderState(high("d", { ...MATRIX, excluded: true }, { excluded: true }))).toBe("excluded");
    expect(folderState(high("e", { ...MATRIX, id: 7 }))).toBe("inLibrary");
  });

  it("follows the film the user chose instead", () => {
    const excluded = high("a", { ...MATRIX, excluded: true }, { excluded: true });
    expect(folderState(excluded, { film: RELOADED })).toBe("matched");
    expect(folderState(suggestion("b"), { film: INCEPTION })).toBe("matched");
  });
});

describe("selectedFolders", () => {
  it("ticks high-confidence matches by default, not unsure, excluded, missing or library films", () => {
    const suggestions = [
      high("The Matrix (1999)", MATRIX),
      suggestion("Matrix", { confidence: "medium", match: RELOADED }),
      high("Inception", { ...INCEPTION, excluded: true }, { excluded: true }),
      suggestion("Unknown Thing (2003)"),
      high("Owned", { ...film(129, "Spirited Away", 2001), id: 3 }),
    ];
    expect([...selectedFolders(suggestions, {})]).toEqual(["The Matrix (1999)"]);
  });

  it("lets the user tick and untick, and ticks a film the user chose", () => {
    const suggestions = [high("a", MATRIX), suggestion("b", { confidence: "low", match: RELOADED }), suggestion("c")];
    const choices: Choices = { a: { selected: false }, b: { selected: true }, c: { film: INCEPTION } };
    expect([...selectedFolders(suggestions, choices)]).toEqual(["b", "c"]);
  });

  it("never ticks a folder that has no importable film, even when asked to", () => {
    const suggestions = [suggestion("a"), high("b", { ...MATRIX, id: 1 })];
    expect(selectedFolders(suggestions, { a: { selected: true }, b: { selected: true } }).size).toBe(0);
  });

  it("ticks only the first of two folders matched to the same film; the user may tick both", () => {
    const suggestions = [high("The Matrix (1999)", MATRIX), high("The.Matrix.1999.1080p", MATRIX)];
    const selected = selectedFolders(suggestions, {});
    expect([...selected]).toEqual(["The Matrix (1999)"]);
    expect(duplicateFilms(suggestions, {}, selected).size).toBe(0);

    const choices = { "The.Matrix.1999.1080p": { selected: true } };
    const both = selectedFolders(suggestions, choices);
    expect(both.size).toBe(2);
    expect(duplicateFilms(suggestions, choices, both)).toEqual(new Map([[603, ["The Matrix (1999)", "The.Matrix.1999.1080p"]]]));
  });
});

describe("importBody", () => {
  it("sends each ticked folder's film with its folder as path and the chosen settings", () => {
    const suggestions = [high("The Matrix (1999)", MATRIX), suggestion("Matrix", { confidence: "low", match: RELOADED })];
    const choices: Choices = { Matrix: { film: INCEPTION } };
    const body = importBody(suggestions, choices, selectedFolders(suggestions, choices), OPTIONS);
    expect(body).toEqual([
      {
        tmdbId: 603,
        title: "The Matrix",
        year: 1999,
        qualityProfileId: 4,
        path: "/movies/The Matrix (1999)",
        monitored: true,
        minimumAvailability: "released",
        tags: [2],
        addOptions: { searchForMovie: false },
      },
      expect.objectContaining({ tmdbId: 27205, path: "/movies/Matrix" }),
    ]);
  });

  it("leaves out unticked folders", () => {
    const suggestions = [high("a", MATRIX), high("b", INCEPTION)];
    expect(importBody(suggestions, {}, new Set(["b"]), OPTIONS).map((item) => item.tmdbId)).toEqual([27205]);
  });
});

describe("placeImportFailures", () => {
  const sent = importBody([high("a", MATRIX), high("b", INCEPTION)], {}, new Set(["a", "b"]), OPTIONS);

  it("puts film and path failures on their folders, the rest on the whole import, each once", () => {
    const placed = placeImportFailures(
      [
        { propertyName: "tmdbId", errorMessage: "This movie has already been added", attemptedValue: 27205 },
        { propertyName: "path", errorMessage: "Path '/movies/a' is already used by another movie", attemptedValue: "/movies/a/" },
        { propertyName: "qualityProfileId", errorMessage: "Quality profile does not exist", attemptedValue: 4 },
        { propertyName: "qualityProfileId", errorMessage: "Quality profile does not exist", attemptedValue: 4 },
        { propertyName: "tmdbId", errorMessage: "Unknown film", attemptedValue: 1 },
      ],
      sent,
    );
    expect(placed.byPath).toEqual(
      new Map([
        ["/movies/b", ["This movie has already been added"]],
        ["/movies/a", ["Path '/movies/a' is already used by another movie"]],
      ]),
    );
    expect(placed.general).toEqual(["Quality profile does not exist", "Unknown film"]);
  });
});

describe("what the page shows", () => {
  it("badges the confidence, the user's choice and problems", () => {
    expect(matchBadge(high("a", MATRIX, { matchedBy: "tmdbId" }))).toEqual({
      label: "High confidence",
      tone: "ok",
      title: "Matched by the TMDB id in the folder name",
    });
    expect(matchBadge(suggestion("b", { confidence: "low", match: RELOADED })).tone).toBe("warning");
    expect(matchBadge(suggestion("c")).label).toBe("No match");
    expect(matchBadge(suggestion("d", { error: "TMDB is down" }))).toMatchObject({ label: "TMDB error", title: "TMDB is down" });
    expect(matchBadge(suggestion("e"), { film: MATRIX }).label).toBe("Your choice");
  });

  it("offers the match first, then the other candidates and search results, each once", () => {
    const s = suggestion("Matrix", { confidence: "medium", match: MATRIX, candidates: [RELOADED, MATRIX] });
    expect(filmOptions(s, [INCEPTION, RELOADED]).map((f) => f.tmdbId)).toEqual([603, 604, 27205]);
  });

  it("filters folders by tick, by what needs a look, and by text", () => {
    const list = [high("The Matrix (1999)", MATRIX), suggestion("Matrix", { confidence: "medium", match: RELOADED }), suggestion("Home")];
    const byName = new Map(list.map((s) => [s.folder, s]));
    const names = [...byName.keys(), "Not matched yet"];
    const selected = selectedFolders(list, {});
    expect(filterFolders(names, byName, {}, selected, "all", "")).toEqual(names);
    expect(filterFolders(names, byName, {}, selected, "selected", "")).toEqual(["The Matrix (1999)"]);
    expect(filterFolders(names, byName, {}, selected, "unselected", "")).toEqual(["Matrix", "Home"]);
    expect(filterFolders(names, byName, {}, selected, "attention", "")).toEqual(["Matrix", "Home"]);
    expect(filterFolders(names, byName, {}, selected, "all", "reloaded")).toEqual(["Matrix"]);
    expect(filterFolders(names, byName, {}, selected, "all", "matrix 1999")).toEqual(["The Matrix (1999)"]);
  });
});

const sent = (path: string, tmdbId: number): ImportMovieBody => ({
  tmdbId,
  title: "Film",
  year: 2000,
  qualityProfileId: 1,
  path,
  monitored: true,
  minimumAvailability: "released",
  tags: [],
  addOptions: { searchForMovie: false },
});

describe("skippedFolder", () => {
  const batch = [sent("/srv/movies/Good (2000)", 1), sent("/srv/movies/Gone (2001)", 2)];
  const folders = new Map([
    ["/srv/movies/Good (2000)", "Good (2000)"],
    ["/srv/movies/Gone (2001)", "Gone (2001)"],
  ]);

  it("names the folder the film was sent from, by its place in the batch, with the server's reasons", () => {
    const skipped = skippedFolder(
      {
        index: 1,
        tmdbId: 2,
        alreadyAdded: false,
        errors: [
          { propertyName: "tmdbId", errorMessage: "TMDB does not know the movie 2" },
          { propertyName: "tmdbId", errorMessage: "TMDB does not know the movie 2" },
        ],
      },
      batch,
      folders,
    );
    expect(skipped).toEqual({ folder: "Gone (2001)", reason: "TMDB does not know the movie 2" });
  });

  it("says a film already in the library is why, not an error", () => {
    expect(skippedFolder({ index: 0, tmdbId: 1, alreadyAdded: true, errors: [] }, batch, folders)).toEqual({
      folder: "Good (2000)",
      reason: "its movie is in the library already",
    });
  });
});
