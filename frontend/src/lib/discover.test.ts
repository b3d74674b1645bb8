import { describe, expect, it } from "vitest";
import type { DiscoverMovie } from "../api/discover";
import { sourceLabels, visibleFilms } from "./discover";

const film = (tmdbId: number, changes: Partial<DiscoverMovie> = {}): DiscoverMovie => ({
  tmdbId,
  title: `Film ${tmdbId}`,
  sortTitle: `film ${tmdbId}`,
  year: 2000,
  overview: "",
  images: [],
  runtime: 0,
  genres: [],
  ratings: {},
  isExcluded: false,
  isExisting: false,
  isRecommendation: false,
  isTrending: false,
  isPopular: false,
  lists: [1],
  ...changes,
});

describe("sourceLabels", () => {
  it("names a recommendation first, then the offering lists by name", () => {
    const names = new Map([[1, "IMDb Top 250"]]);
    expect(sourceLabels({ isRecommendation: true, lists: [1, 7] }, names)).toEqual(["Recommended", "IMDb Top 250", "List 7"]);
    expect(sourceLabels({ isRecommendation: false, lists: [] }, names)).toEqual([]);
  });
});

describe("visibleFilms", () => {
  const films = [
    film(1),
    film(2, { isExisting: true }),
    film(3, { isExcluded: true }),
    film(4, { isRecommendation: true, lists: [] }),
    film(5, { isRecommendation: true }),
  ];
  const ids = (kept: DiscoverMovie[]) => kept.map((m) => m.tmdbId);

  it("keeps every film, in order, for 'all'", () => {
    expect(ids(visibleFilms(films, "all", true))).toEqual([1, 2, 3, 4, 5]);
  });

  it("drops films only recommended when recommendations are hidden, not listed ones TMDB also recommends", () => {
    expect(ids(visibleFilms(films, "all", false))).toEqual([1, 2, 3, 5]);
  });

  it("filters by standing", () => {
    expect(ids(visibleFilms(films, "new", true))).toEqual([1, 4, 5]);
    expect(ids(visibleFilms(films, "inLibrary", true))).toEqual([2]);
    expect(ids(visibleFilms(films, "excluded", true))).toEqual([3]);
  });
});
