import { describe, expect, it } from "vitest";
import type { Movie } from "../api/types";
import { addMonths, apiDay, isoDate, monthGrid, parseMonth, releaseEvents } from "./calendar";

describe("monthGrid", () => {
  it("covers whole weeks from Monday, marking the days of other months", () => {
    const weeks = monthGrid(2026, 10, 1); // November 2026 starts on a Sunday
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toEqual({ date: "2026-10-26", inMonth: false });
    expect(weeks[0]?.[6]).toEqual({ date: "2026-11-01", inMonth: true });
    expect(weeks[5]?.[0]).toEqual({ date: "2026-11-30", inMonth: true });
    expect(weeks[5]?.[6]).toEqual({ date: "2026-12-06", inMonth: false });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it("starts on Sunday when asked, and needs only four weeks for February 2021", () => {
    expect(monthGrid(2026, 10, 0)[0]?.[0]?.date).toBe("2026-11-01");
    expect(monthGrid(2021, 1, 1)).toHaveLength(4);
  });
});

describe("dates", () => {
  it("rolls over and parses months", () => {
    expect(isoDate(2024, 1, 30)).toBe("2024-03-01");
    expect(addMonths(2026, 11, 1)).toEqual({ year: 2027, month: 0 });
    expect(addMonths(2026, 0, -1)).toEqual({ year: 2025, month: 11 });
    expect(parseMonth("1999-09")).toEqual({ year: 1999, month: 8 });
    expect(parseMonth("1999-13")).toBeUndefined();
    expect(parseMonth("soon")).toBeUndefined();
  });

  it("reads API dates as calendar days in UTC", () => {
    expect(apiDay("1999-03-31T00:00:00Z")).toBe("1999-03-31");
    expect(apiDay("0001-01-01T00:00:00Z")).toBeUndefined();
    expect(apiDay(undefined)).toBeUndefined();
    expect(apiDay("not a date")).toBeUndefined();
  });
});

describe("releaseEvents", () => {
  const movie = (title: string, dates: Partial<Movie>): Movie => ({
    title,
    year: 1999,
    images: [],
    qualityProfileId: 1,
    hasFile: false,
    monitored: true,
    minimumAvailability: "released",
    tmdbId: 1,
    tags: [],
    ...dates,
  });

  it("lists each release inside the window on its day, by title", () => {
    const events = releaseEvents(
      [
        movie("Zulu", { inCinemas: "1999-09-21T00:00:00Z" }),
        movie("The Matrix", { inCinemas: "1999-03-31T00:00:00Z", physicalRelease: "1999-09-21T00:00:00Z" }),
      ],
      "1999-09-01",
      "1999-09-30",
    );
    expect([...events.keys()]).toEqual(["1999-09-21"]);
    expect(events.get("1999-09-21")?.map((e) => [e.movie.title, e.kind])).toEqual([
      ["The Matrix", "physicalRelease"],
      ["Zulu", "inCinemas"],
    ]);
  });
});
