import { describe, expect, it } from "vitest";
import type { CollectionMovie, MovieCollection } from "../api/collections";
import { collectionSummary, filmStanding, sortedCollections } from "./collections";

const film = (tmdbId: number, isExisting: boolean, isExcluded = false): CollectionMovie => ({
  tmdbId,
  title: `Film ${tmdbId}`,
  sortTitle: `film ${tmdbId}`,
  status: "released",
  overview: "",
  runtime: 0,
  year: 2000,
  images: [],
  genres: [],
  isExisting,
  isExcluded,
});

const collection = (id: number, sortTitle: string, movies: CollectionMovie[], missingMovies: number): MovieCollection => ({
  id,
  title: sortTitle,
  sortTitle,
  tmdbId: id * 10,
  overview: "",
  images: [],
  monitored: false,
  qualityProfileId: 1,
  rootFolderPath: "/movies",
  minimumAvailability: "released",
  searchOnAdd: false,
  movies,
  missingMovies,
  tags: [],
});

describe("collections", () => {
  it("tell a film in the library from an excluded and a missing one", () => {
    expect(filmStanding(film(1, true))).toBe("inLibrary");
    expect(filmStanding(film(2, false, true))).toBe("excluded");
    expect(filmStanding(film(3, false))).toBe("missing");
  });

  it("sum up how many films are in the library and missing", () => {
    expect(collectionSummary(collection(1, "matrix", [film(1, true), film(2, false), film(3, false, true)], 1))).toBe(
      "1 of 3 films in the library, 1 missing",
    );
    expect(collectionSummary(collection(1, "solo", [film(1, true)], 0))).toBe("1 of 1 film in the library");
  });

  it("list by sort title", () => {
    const list = [collection(1, "matrix collection", [], 0), collection(2, "dark knight collection", [], 0)];
    expect(sortedCollections(list).map((c) => c.id)).toEqual([2, 1]);
  });
});
