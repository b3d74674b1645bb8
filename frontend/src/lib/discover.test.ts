import { describe, expect, it } from "vitest";
import type { DiscoverMovie } from "../api/discover";
import { bulkAddBody, bulkAddOutcome, parseDiscoverErrors, sortedByColumn, sortFilms, sourceLabels, visibleFilms, type DiscoverSources } from "./discover";

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
const ids = (kept: DiscoverMovie[]) => kept.map((m) => m.tmdbId);
const ALL: DiscoverSources = { recommendations: true, trending: true, popular: true };
const NONE: DiscoverSources = { recommendations: false, trending: false, popular: false };

describe("sourceLabels", () => {
  it("names TMDB's sections first, then the offering lists by name", () => {
    const names = new Map([[1, "IMDb Top 250"]]);
    expect(sourceLabels({ isRecommendation: true, isTrending: true, isPopular: true, lists: [1, 7] }, names)).toEqual([
      "Recommended",
      "Trending",
      "Popular",
      "IMDb Top 250",
      "List 7",
    ]);
    expect(sourceLabels({ isRecommendation: false, isTrending: false, isPopular: false, lists: [] }, names)).toEqual([]);
  });
});

describe("visibleFilms", () => {
  const films = [
    film(1),
    film(2, { isExisting: true }),
    film(3, { isExcluded: true }),
    film(4, { isRecommendation: true, lists: [] }),
    film(5, { isRecommendation: true }),
    film(6, { isTrending: true, lists: [] }),
    film(7, { isPopular: true, lists: [] }),
    film(8, { isTrending: true, isPopular: true, lists: [] }),
  ];

  it("keeps every film, in order, for 'all' with every section shown", () => {
    expect(ids(visibleFilms(films, "all", ALL))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("drops films only from hidden sections, not listed ones TMDB also has", () => {
    expect(ids(visibleFilms(films, "all", NONE))).toEqual([1, 2, 3, 5]);
    expect(ids(visibleFilms(films, "all", { ...NONE, trending: true }))).toEqual([1, 2, 3, 5, 6, 8]);
    expect(ids(visibleFilms(films, "all", { ...NONE, popular: true }))).toEqual([1, 2, 3, 5, 7, 8]);
  });

  it("filters by standing", () => {
    expect(ids(visibleFilms(films, "new", ALL))).toEqual([1, 4, 5, 6, 7, 8]);
    expect(ids(visibleFilms(films, "inLibrary", ALL))).toEqual([2]);
    expect(ids(visibleFilms(films, "excluded", ALL))).toEqual([3]);
  });
});

describe("sortFilms", () => {
  const films = [
    film(1, { sortTitle: "matrix", year: 1999, popularity: 85, runtime: 136, ratings: { tmdb: { value: 8.2, votes: 10 } } }),
    film(2, { sortTitle: "amelie", year: 2001, popularity: 30, runtime: 122, ratings: { tmdb: { value: 7.9, votes: 10 } } }),
    film(3, { sortTitle: "parasite", year: 2019, popularity: 60, runtime: 133 }),
  ];

  it("sorts by each key both ways", () => {
    expect(ids(sortFilms(films, "title", "ascending"))).toEqual([2, 1, 3]);
    expect(ids(sortFilms(films, "year", "descending"))).toEqual([3, 2, 1]);
    expect(ids(sortFilms(films, "popularity", "descending"))).toEqual([1, 3, 2]);
    expect(ids(sortFilms(films, "runtime", "ascending"))).toEqual([2, 3, 1]);
  });

  it("puts a film without a rating last when the best come first", () => {
    expect(ids(sortFilms(films, "rating", "descending"))).toEqual([1, 2, 3]);
  });

  it("keeps the server's order among equals", () => {
    expect(ids(sortFilms([film(5), film(4), film(6)], "year", "ascending"))).toEqual([5, 4, 6]);
  });

  it("flips the same column and starts a new one its natural way", () => {
    expect(sortedByColumn({ key: "year", direction: "descending" }, "year")).toEqual({ key: "year", direction: "ascending" });
    expect(sortedByColumn({ key: "year", direction: "ascending" }, "title")).toEqual({ key: "title", direction: "ascending" });
    expect(sortedByColumn({ key: "title", direction: "ascending" }, "rating")).toEqual({ key: "rating", direction: "descending" });
  });
});

describe("parseDiscoverErrors", () => {
  it("reads the failed sections, and nothing from a missing or garbled header", () => {
    expect(parseDiscoverErrors('[{"section":"trending","message":"TMDB: down"}]')).toEqual([{ section: "trending", message: "TMDB: down" }]);
    expect(parseDiscoverErrors(null)).toEqual([]);
    expect(parseDiscoverErrors("not json")).toEqual([]);
    expect(parseDiscoverErrors('{"section":"trending"}')).toEqual([]);
    expect(parseDiscoverErrors('[{"section":1}]')).toEqual([]);
  });
});

describe("bulkAddBody", () => {
  it("sends every film with the same choices, unmonitored when monitor is none", () => {
    const choices = { rootFolderPath: "/movies", qualityProfileId: 4, monitor: "none" as const, minimumAvailability: "released" as const, searchForMovie: true };
    const body = bulkAddBody([film(1), film(2)], choices);
    expect(body.map((b) => b.tmdbId)).toEqual([1, 2]);
    expect(body[0]).toMatchObject({ qualityProfileId: 4, rootFolderPath: "/movies", monitored: false, addOptions: { monitor: "none", searchForMovie: true } });
  });
});

describe("bulkAddOutcome", () => {
  it("names one film, counts several, and says how many were skipped", () => {
    expect(bulkAddOutcome(1, [{ title: "Parasite", year: 2019 }])).toEqual({ heading: "Added Parasite (2019)", detail: "", failed: false });
    const two = bulkAddOutcome(3, [
      { title: "Parasite", year: 2019 },
      { title: "Amélie", year: 2001 },
    ]);
    expect(two.heading).toBe("Added 2 films");
    expect(two.detail).toContain("Parasite, Amélie");
    expect(two.detail).toContain("1 could not be added");
    expect(bulkAddOutcome(2, []).failed).toBe(true);
  });
});
