import { describe, expect, it } from "vitest";
import { formatBytes, formatRuntime } from "./format";
import { placeErrors } from "./validation";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KiB"],
    [83_399_380_992, "77.7 GiB"],
    [5 * 1024 ** 4, "5.0 TiB"],
    [150 * 1024 ** 3, "150 GiB"],
    [undefined, "—"],
    [-1, "—"],
  ])("%j -> %j", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe("formatRuntime", () => {
  it.each([
    [136, "2h 16m"],
    [120, "2h"],
    [45, "45m"],
    [0, "—"],
    [undefined, "—"],
  ])("%j -> %j", (minutes, text) => expect(formatRuntime(minutes)).toBe(text));
});

describe("placeErrors", () => {
  it("puts server messages on the form's fields, the rest in general", () => {
    const placed = placeErrors(
      [
        { propertyName: "RootFolderPath", errorMessage: "Root folder does not exist" },
        { propertyName: "rootFolderPath", errorMessage: "second message for the same field" },
        { propertyName: "addOptions.qualityProfileId", errorMessage: "Quality profile does not exist" },
        { propertyName: "tmdbId", errorMessage: "This movie has already been added" },
      ],
      { rootFolderPath: "rootFolder", qualityProfileId: "profile" },
    );
    expect(placed.fields).toEqual({ rootFolder: "Root folder does not exist", profile: "Quality profile does not exist" });
    expect(placed.general).toEqual(["This movie has already been added"]);
  });

  it("puts a message about one item of a list (a release profile's third term) on the list's field", () => {
    const placed = placeErrors(
      [{ propertyName: "ignored[2]", errorMessage: "Invalid regular expression /(?P<x>cam)/" }],
      { ignored: "ignored", required: "required" },
    );
    expect(placed.fields).toEqual({ ignored: "Invalid regular expression /(?P<x>cam)/" });
  });
});
