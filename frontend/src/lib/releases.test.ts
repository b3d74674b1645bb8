import { describe, expect, it } from "vitest";
import type { Release } from "../api/releases";
import { flagLabel, formatAge, formatScore, nextSort, parseIndexerErrors, peersText, releaseState, sortReleases, type ReleaseColumn } from "./releases";

const release = (weight: number, over: Partial<Release> = {}): Release => ({
  guid: `g${weight}`,
  title: `Release ${weight}`,
  quality: { quality: { id: 7, name: "Bluray-1080p" } },
  qualityWeight: 1000,
  customFormats: [],
  customFormatScore: 0,
  age: 0,
  ageHours: 1,
  ageMinutes: 60,
  size: 1000,
  indexerId: 1,
  indexer: "Fixture",
  languages: [{ id: 1, name: "English" }],
  approved: true,
  temporarilyRejected: false,
  rejected: false,
  rejections: [],
  downloadAllowed: true,
  releaseWeight: weight,
  protocol: "torrent",
  indexerFlags: [],
  ...over,
});

const titles = (list: Release[]) => list.map((r) => r.title);

describe("sorting releases", () => {
  // As the server ranks them: 1 is the best.
  const releases = [
    release(1, { title: "A 2160p", size: 60e9, qualityWeight: 3100, seeders: 40, leechers: 1, ageMinutes: 300, customFormatScore: 50 }),
    release(2, { title: "B 1080p usenet", protocol: "usenet", size: 10e9, qualityWeight: 2000, ageMinutes: 120, customFormatScore: 0 }),
    release(3, { title: "C 1080p", size: 12e9, qualityWeight: 2000, seeders: 120, leechers: 5, ageMinutes: 60, indexerFlags: ["G_Freeleech"], customFormatScore: -10 }),
    release(4, { title: "D 720p", size: 4e9, qualityWeight: 1000, seeders: 3, leechers: 0, ageMinutes: 1800, approved: false, rejected: true, rejections: ["WEBDL-720p is not wanted in profile"] }),
  ];
  const sorted = (key: ReleaseColumn, direction: "ascending" | "descending") => titles(sortReleases(releases, key, direction));

  it("keeps Reelarr's ranking by default and breaks ties with it", () => {
    expect(sorted("releaseWeight", "ascending")).toEqual(["A 2160p", "B 1080p usenet", "C 1080p", "D 720p"]);
    expect(sorted("quality", "descending")).toEqual(["A 2160p", "B 1080p usenet", "C 1080p", "D 720p"]);
    expect(sorted("quality", "ascending")).toEqual(["D 720p", "B 1080p usenet", "C 1080p", "A 2160p"]);
  });

  it("sorts sizes, ages, scores and peers as numbers", () => {
    expect(sorted("size", "descending")).toEqual(["A 2160p", "C 1080p", "B 1080p usenet", "D 720p"]);
    expect(sorted("age", "ascending")).toEqual(["C 1080p", "B 1080p usenet", "A 2160p", "D 720p"]);
    expect(sorted("customFormatScore", "descending")).toEqual(["A 2160p", "B 1080p usenet", "D 720p", "C 1080p"]);
    expect(sorted("peers", "descending")).toEqual(["C 1080p", "A 2160p", "D 720p", "B 1080p usenet"]);
  });

  it("puts rejected releases and releases without flags after the others, as Radarr does", () => {
    expect(sorted("rejections", "ascending")).toEqual(["A 2160p", "B 1080p usenet", "C 1080p", "D 720p"]);
    expect(sorted("rejections", "descending")[0]).toBe("D 720p");
    expect(sorted("indexerFlags", "ascending")[0]).toBe("C 1080p");
  });

  it("does not change the list it is given", () => {
    const copy = [...releases];
    sortReleases(releases, "size", "ascending");
    expect(releases).toEqual(copy);
  });

  it("flips the direction of the sorted column, and starts others in their own first direction", () => {
    expect(nextSort({ key: "size", direction: "descending" }, "size")).toEqual({ key: "size", direction: "ascending" });
    expect(nextSort({ key: "releaseWeight", direction: "ascending" }, "size")).toEqual({ key: "size", direction: "descending" });
    expect(nextSort({ key: "size", direction: "descending" }, "title")).toEqual({ key: "title", direction: "ascending" });
  });
});

describe("what a row shows", () => {
  it("writes ages in minutes, hours, then days", () => {
    expect(formatAge({ age: 0, ageHours: 0.5, ageMinutes: 30.2 })).toBe("30 minutes");
    expect(formatAge({ age: 0, ageHours: 0.02, ageMinutes: 1 })).toBe("1 minute");
    expect(formatAge({ age: 0, ageHours: 5.0003, ageMinutes: 300.01 })).toBe("5.0 hours");
    expect(formatAge({ age: 3, ageHours: 72, ageMinutes: 4320 })).toBe("3 days");
    expect(formatAge({ age: 1, ageHours: 30, ageMinutes: 1800 })).toBe("30.0 hours");
  });

  it("shows peers for torrents only, scores with their sign, flags by their plain names", () => {
    expect(peersText({ protocol: "torrent", seeders: 40, leechers: 3 })).toBe("40 / 3");
    expect(peersText({ protocol: "usenet" })).toBe("—");
    expect(formatScore(50)).toBe("+50");
    expect(formatScore(-10000)).toBe("-10000");
    expect(formatScore(0)).toBe("0");
    expect(flagLabel("G_Freeleech")).toBe("Freeleech");
    expect(flagLabel("PTP_Golden")).toBe("Golden");
    expect(flagLabel("Nuked")).toBe("Nuked");
  });

  it("says whether a release is acceptable, waiting, or rejected", () => {
    expect(releaseState({ approved: true, temporarilyRejected: false, rejections: [] }).label).toBe("Acceptable");
    expect(releaseState({ approved: false, temporarilyRejected: true, rejections: ["Delay"] }).label).toBe("Waiting");
    expect(releaseState({ approved: false, temporarilyRejected: false, rejections: ["No"] }).label).toBe("Rejected");
  });
});

describe("failed indexers", () => {
  it("are read from the X-Indexer-Errors header", () => {
    const header = JSON.stringify([{ indexerId: 2, indexer: "Usenet (Prowlarr)", message: "Indexer answered 503" }]);
    expect(parseIndexerErrors(header)).toEqual([{ indexerId: 2, indexer: "Usenet (Prowlarr)", message: "Indexer answered 503" }]);
  });

  it("are none when the header is absent or not JSON", () => {
    expect(parseIndexerErrors(null)).toEqual([]);
    expect(parseIndexerErrors("oops")).toEqual([]);
    expect(parseIndexerErrors('{"a":1}')).toEqual([]);
  });
});
