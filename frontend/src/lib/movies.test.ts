import { describe, expect, it } from "vitest";
import type { Movie } from "../api/types";
import { countMovies, coverSources, fileState, filterMovies, normalizeText, sortMovies, withUrlBase } from "./movies";

const movie = (title: string, extra: Partial<Movie> = {}): Movie => ({
  title,
  sortTitle: title.toLowerCase().replace(/^the /, ""),
  year: 2000,
  images: [],
  qualityProfileId: 1,
  hasFile: false,
  monitored: true,
  minimumAvailability: "released",
  tmdbId: 1,
  tags: [],
  ...extra,
});

const titles = (movies: Movie[]) => movies.map((m) => m.title);

describe("filterMovies", () => {
  const library = [
    movie("The Matrix", { year: 1999, hasFile: true }),
    movie("Amélie", { year: 2001, monitored: false, originalTitle: "Le Fabuleux Destin d'Amélie Poulain" }),
    movie("Inception", { year: 2010 }),
  ];

  it.each([
    ["all", ["The Matrix", "Amélie", "Inception"]],
    ["monitored", ["The Matrix", "Inception"]],
    ["unmonitored", ["Amélie"]],
    ["missing", ["Amélie", "Inception"]],
    ["downloaded", ["The Matrix"]],
  ] as const)("%s", (filter, expected) => expect(titles(filterMovies(library, filter, ""))).toEqual(expected));

  it("matches every word of the text in title, original title or year, ignoring case and accents", () => {
    expect(titles(filterMovies(library, "all", "amelie"))).toEqual(["Amélie"]);
    expect(titles(filterMovies(library, "all", "FABULEUX destin"))).toEqual(["Amélie"]);
    expect(titles(filterMovies(library, "all", "matrix 1999"))).toEqual(["The Matrix"]);
    expect(titles(filterMovies(library, "all", "matrix 2010"))).toEqual([]);
    expect(titles(filterMovies(library, "monitored", "amelie"))).toEqual([]);
  });

  it("returns a copy, never the list it was given", () => {
    expect(filterMovies(library, "all", "")).not.toBe(library);
  });
});

describe("sortMovies", () => {
  const library = [
    movie("The Matrix", { year: 1999, added: "2024-03-01T00:00:00Z", runtime: 136, sizeOnDisk: 5 }),
    movie("Alien", { year: 1979, added: "2024-01-01T00:00:00Z", runtime: 117, sizeOnDisk: 9 }),
    movie("Matrix 10", { sortTitle: "matrix 10", year: 1999, added: "2024-02-01T00:00:00Z" }),
    movie("Matrix 9", { sortTitle: "matrix 9", year: 1999 }),
  ];

  it("sorts titles by sort title, numbers in number order", () => {
    expect(titles(sortMovies(library, "title", "ascending"))).toEqual(["Alien", "The Matrix", "Matrix 9", "Matrix 10"]);
    expect(titles(sortMovies(library, "title", "descending"))).toEqual(["Matrix 10", "Matrix 9", "The Matrix", "Alien"]);
  });

  it("sorts by year, added, runtime and size, ties by title", () => {
    expect(titles(sortMovies(library, "year", "ascending"))).toEqual(["Alien", "The Matrix", "Matrix 9", "Matrix 10"]);
    expect(titles(sortMovies(library, "added", "descending"))).toEqual(["The Matrix", "Matrix 10", "Alien", "Matrix 9"]);
    expect(titles(sortMovies(library, "runtime", "descending"))[0]).toBe("The Matrix");
    expect(titles(sortMovies(library, "sizeOnDisk", "descending")).slice(0, 2)).toEqual(["Alien", "The Matrix"]);
  });

  // Correctness at a large library's size; its speed is bench/movies' to measure, not a timed test's.
  it("leaves the input alone and sorts and filters 50,000 movies", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => movie(`Film ${(i * 7919) % 50_000}`, { year: 1900 + (i % 120) }));
    const before = many[0];
    const sorted = sortMovies(many, "title", "ascending");
    const byYear = sortMovies(many, "year", "descending");
    const found = filterMovies(sorted, "monitored", "film 12");
    expect(sorted.slice(0, 3).map((m) => m.title)).toEqual(["Film 0", "Film 1", "Film 2"]);
    expect(sorted.at(-1)?.title).toBe("Film 49999");
    expect(byYear[0]?.year).toBe(2019);
    expect(byYear.at(-1)?.year).toBe(1900);
    expect(found.map((m) => m.title)).toContain("Film 12");
    expect(found.length).toBeLessThan(many.length);
    expect(many[0]).toBe(before);
  });
});

describe("cover URLs", () => {
  const images = [
    { coverType: "poster", url: "/MediaCover/1/poster.jpg?lastWrite=1", remoteUrl: "https://image.tmdb.org/p.jpg" },
    { coverType: "fanart", url: "/reelarr/MediaCover/1/fanart.jpg", remoteUrl: "https://image.tmdb.org/f.jpg" },
    { coverType: "clearlogo", url: "https://image.tmdb.org/l.png", remoteUrl: "https://image.tmdb.org/l.png" },
  ];

  it("tries the local copy under the URL base first, then the remote one", () => {
    expect(coverSources(images, "poster", "")).toEqual(["/MediaCover/1/poster.jpg?lastWrite=1", "https://image.tmdb.org/p.jpg"]);
    expect(coverSources(images, "poster", "/reelarr")[0]).toBe("/reelarr/MediaCover/1/poster.jpg?lastWrite=1");
  });

  it("does not add the URL base twice, nor to full URLs, and lists one URL once", () => {
    expect(coverSources(images, "fanart", "/reelarr")[0]).toBe("/reelarr/MediaCover/1/fanart.jpg");
    expect(coverSources(images, "clearlogo", "/reelarr")).toEqual(["https://image.tmdb.org/l.png"]);
    expect(withUrlBase("//cdn.example/x.jpg", "/reelarr")).toBe("//cdn.example/x.jpg");
    expect(coverSources(images, "banner", "")).toEqual([]);
    expect(coverSources(undefined, "poster", "")).toEqual([]);
  });
});

describe("library states", () => {
  it("counts and labels", () => {
    const library = [movie("A", { hasFile: true }), movie("B", { monitored: false }), movie("C", { isAvailable: true })];
    expect(countMovies(library)).toEqual({ all: 3, monitored: 2, unmonitored: 1, missing: 2, downloaded: 1 });
    expect(library.map((m) => fileState(m).label)).toEqual(["Downloaded", "Missing (unmonitored)", "Missing"]);
    expect(fileState(movie("D", { isAvailable: false })).label).toBe("Not available yet");
  });

  it("normalizes text for matching", () => {
    expect(normalizeText("  Léon: The PROFESSIONAL ")).toBe("leon: the professional");
  });
});
