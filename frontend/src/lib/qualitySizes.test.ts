import { describe, expect, it } from "vitest";
import type { QualityDefinition } from "../api/types";
import { definitionsFrom, draftOf, parseSize, perHour, placeSizeFailures, typingErrors } from "./qualitySizes";

const bluray: QualityDefinition = { id: 7, quality: { id: 7, name: "Bluray-1080p" }, title: "Bluray-1080p", weight: 19, minSize: 0 };
const sdtv: QualityDefinition = { id: 1, quality: { id: 1, name: "SDTV" }, title: "SDTV", weight: 8, minSize: 0, preferredSize: 95, maxSize: 100 };

describe("size drafts", () => {
  it("show no limit as an empty field and send it back as none", () => {
    const draft = draftOf(bluray);
    expect(draft).toEqual({ id: 7, title: "Bluray-1080p", minSize: "0", preferredSize: "", maxSize: "" });
    const [sent] = definitionsFrom([{ ...draft, minSize: "", maxSize: " 400.5 " }], [bluray]);
    expect(sent).toMatchObject({ id: 7, minSize: 0, maxSize: 400.5 });
    expect(sent?.preferredSize).toBeUndefined();
  });

  it("tell numbers from text", () => {
    expect(parseSize("12.5")).toBe(12.5);
    expect(parseSize("  ")).toBeUndefined();
    expect(parseSize("lots")).toBeNull();
    expect(typingErrors([draftOf(sdtv), { ...draftOf(bluray), maxSize: "lots" }])).toEqual(new Map([[1, { maxSize: "Must be a number" }]]));
  });

  it("say what an hour of film takes", () => {
    expect(perHour("")).toBe("Unlimited");
    expect(perHour("100")).toBe("5.9 GiB/h");
  });
});

describe("placeSizeFailures", () => {
  it("puts a list update's failures on their row and field", () => {
    const placed = placeSizeFailures([
      { propertyName: "[1].maxSize", errorMessage: "Must be at least the minimum size" },
      { propertyName: "[1].maxSize", errorMessage: "second" },
      { propertyName: "[0].title", errorMessage: "'Title' must not be empty." },
      { propertyName: "weight", errorMessage: "Something else" },
    ]);
    expect(placed.rows).toEqual(
      new Map([
        [1, { maxSize: "Must be at least the minimum size" }],
        [0, { title: "'Title' must not be empty." }],
      ]),
    );
    expect(placed.general).toEqual(["Something else"]);
  });
});
