import { describe, expect, it } from "vitest";
import { feedDays, icalFeedUrl, webcalUrl } from "./ical";

const options = {
  origin: "http://192.168.1.5:7878",
  urlBase: "",
  apiKey: "0123456789abcdef0123456789abcdef",
  unmonitored: false,
  pastDays: 7,
  futureDays: 28,
  tagIds: [],
};

describe("icalFeedUrl", () => {
  it("carries the day range and the key, as Radarr's link does", () => {
    expect(icalFeedUrl(options)).toBe(
      "http://192.168.1.5:7878/feed/v3/calendar/radarr.ics?pastDays=7&futureDays=28&apikey=0123456789abcdef0123456789abcdef",
    );
  });

  it("adds unmonitored films, tags and the URL base", () => {
    const url = icalFeedUrl({ ...options, origin: "https://home.example/", urlBase: "/reelarr", unmonitored: true, tagIds: [2, 5] });
    expect(url).toBe(
      "https://home.example/reelarr/feed/v3/calendar/radarr.ics?unmonitored=true&tags=2,5&pastDays=7&futureDays=28&apikey=0123456789abcdef0123456789abcdef",
    );
  });

  it("escapes a key set by hand", () => {
    expect(icalFeedUrl({ ...options, apiKey: "a&b=c d" })).toMatch(/apikey=a%26b%3Dc\+d$/);
  });
});

describe("feedDays", () => {
  it.each([
    [7, 7],
    [-3, 0],
    [2.7, 2],
    [99999, 3650],
    [Number.NaN, 0],
  ])("%d -> %d", (value, days) => expect(feedDays(value)).toBe(days));
});

describe("webcalUrl", () => {
  it("swaps the scheme", () => {
    expect(webcalUrl("https://home.example/feed/v3/calendar/radarr.ics?apikey=k")).toBe("webcal://home.example/feed/v3/calendar/radarr.ics?apikey=k");
    expect(webcalUrl("http://x:7878/f")).toBe("webcal://x:7878/f");
  });
});
