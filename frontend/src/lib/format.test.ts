import { describe, expect, it } from "vitest";
import {
  DEFAULT_DATE_FORMATS,
  formatDate,
  formatDateTime,
  formatDuration,
  formatInterval,
  formatLocalDate,
  formatLongDateTime,
  formatPattern,
  formatSince,
  isNever,
  type DateFormats,
} from "./format";

describe("formatInterval", () => {
  it.each([
    [1, "1 minute"],
    [15, "15 minutes"],
    [60, "1 hour"],
    [90, "1 hour 30 minutes"],
    [360, "6 hours"],
    [1440, "1 day"],
    [10080, "1 week"],
    [0, "Manual"],
  ])("%d minutes -> %j", (minutes, text) => expect(formatInterval(minutes)).toBe(text));
});

describe("formatDuration", () => {
  it.each([
    ["00:00:00.1234567", "0.12 s"],
    ["00:00:01.5000000", "1.5 s"],
    ["00:00:42", "42 s"],
    ["00:02:05.9", "2 min 5 s"],
    ["01:00:00", "1 h"],
    ["1.02:03:04", "26 h 3 min"],
    [undefined, "—"],
    ["garbage", "garbage"],
  ])("%j -> %j", (value, text) => expect(formatDuration(value)).toBe(text));
});

describe("isNever", () => {
  it("treats .NET's minimum date and a missing value as never", () => {
    expect(isNever("0001-01-01T00:00:00Z")).toBe(true);
    expect(isNever(undefined)).toBe(true);
    expect(isNever("2025-11-25T14:00:00Z")).toBe(false);
  });
});

describe("formatSince", () => {
  it("counts from the start to now", () => {
    const now = Date.parse("2025-11-25T15:30:00Z");
    expect(formatSince("2025-11-25T14:00:00Z", now)).toBe("1 hour 30 minutes");
    expect(formatSince("2025-11-25T15:29:50Z", now)).toBe("less than a minute");
  });
});

describe("formatPattern", () => {
  // Local time: built from local fields, so the test passes in any time zone.
  const afternoon = new Date(2025, 10, 25, 15, 5, 9);
  const threeSharp = new Date(2025, 10, 25, 15, 0);
  const morning = new Date(2025, 0, 2, 0, 30);

  it.each([
    ["MMM D YYYY", afternoon, "Nov 25 2025"],
    ["DD MMM YYYY", morning, "02 Jan 2025"],
    ["MM/D/YYYY", morning, "01/2/2025"],
    ["DD/MM/YYYY", afternoon, "25/11/2025"],
    ["YYYY-MM-DD", morning, "2025-01-02"],
    ["dddd, MMMM D YYYY", afternoon, "Tuesday, November 25 2025"],
    ["ddd YY", afternoon, "Tue 25"],
    ["h(:mm)a", afternoon, "3:05pm"],
    ["h(:mm)a", threeSharp, "3pm"],
    ["h(:mm)a", morning, "12:30am"],
    ["HH:mm", morning, "00:30"],
    ["HH:mm:ss", afternoon, "15:05:09"],
    ["hh:mm A", afternoon, "03:05 PM"],
    ["[Week of] MMM D", afternoon, "Week of Nov 25"],
  ])("%j", (pattern, date, text) => expect(formatPattern(date, pattern)).toBe(text));

  it("reads UTC fields when asked", () => {
    expect(formatPattern(new Date("1999-03-31T00:00:00Z"), "MMM D YYYY H:mm", true)).toBe("Mar 31 1999 0:00");
  });
});

describe("dates with the user's formats", () => {
  const ymd: DateFormats = { ...DEFAULT_DATE_FORMATS, shortDateFormat: "YYYY-MM-DD", timeFormat: "HH:mm", showRelativeDates: false };

  it("writes a release date as its UTC calendar day, whatever the zone", () => {
    expect(formatDate("1999-03-31T00:00:00Z", DEFAULT_DATE_FORMATS)).toBe("Mar 31 1999");
    expect(formatDate("1999-03-31T00:00:00Z", ymd)).toBe("1999-03-31");
    expect(formatDate(undefined, DEFAULT_DATE_FORMATS)).toBe("—");
    expect(formatDate("0001-01-01T00:00:00Z", DEFAULT_DATE_FORMATS)).toBe("—");
  });

  it("writes an instant's local date", () => {
    expect(formatLocalDate(new Date(2025, 10, 25, 23, 59).toISOString(), ymd)).toBe("2025-11-25");
    expect(formatLocalDate(undefined, ymd)).toBe("—");
  });

  it("writes instants near now relatively, and others with date and time", () => {
    const now = new Date(2025, 10, 25, 12, 0).getTime(); // a Tuesday
    const at = (day: number, hours: number, minutes = 0) => new Date(2025, 10, day, hours, minutes).toISOString();
    expect(formatDateTime(at(25, 15, 5), DEFAULT_DATE_FORMATS, now)).toBe("Today at 3:05pm");
    expect(formatDateTime(at(24, 9), DEFAULT_DATE_FORMATS, now)).toBe("Yesterday at 9am");
    expect(formatDateTime(at(26, 0, 15), DEFAULT_DATE_FORMATS, now)).toBe("Tomorrow at 12:15am");
    expect(formatDateTime(at(28, 14), DEFAULT_DATE_FORMATS, now)).toBe("Friday at 2pm");
    expect(formatDateTime(at(20, 14), DEFAULT_DATE_FORMATS, now)).toBe("Nov 20 2025 2pm");
    expect(formatDateTime(at(25, 15, 5), ymd, now)).toBe("2025-11-25 15:05");
    expect(formatDateTime("0001-01-01T00:00:00Z", DEFAULT_DATE_FORMATS, now)).toBe("Never");
  });

  it("writes an instant in full for tooltips", () => {
    expect(formatLongDateTime(new Date(2025, 10, 25, 15, 5).toISOString(), DEFAULT_DATE_FORMATS)).toBe(
      "Tuesday, November 25 2025 3:05pm",
    );
  });
});
