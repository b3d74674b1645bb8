import { describe, expect, it } from "vitest";
import { formatDuration, formatInterval, formatSince, isNever } from "./format";

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
