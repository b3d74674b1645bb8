import { describe, expect, it } from "vitest";
import type { AutoTag, AutoTagSpecification } from "../api/autoTagging";
import type { ProviderField } from "../api/providers";
import { autoTagBody, autoTagDraft, conditionSummary, drawnFields, newAutoTagCondition, placeAutoTagErrors, type Choices } from "./autoTagging";

const field = (over: Partial<ProviderField>): ProviderField => ({ order: 0, name: "value", advanced: false, privacy: "normal", isFloat: false, ...over });

const CHOICES: Choices = {
  qualityProfiles: [{ value: 4, name: "HD-1080p" }],
  rootFolders: [{ value: "/movies", name: "/movies" }],
  tags: [{ value: 3, name: "4k" }],
};

const GENRE: AutoTagSpecification = {
  name: "",
  implementation: "GenreSpecification",
  implementationName: "Genre",
  negate: false,
  required: false,
  fields: [field({ label: "Genre(s)", type: "tag", value: [] })],
};

const RULE: AutoTag = {
  id: 7,
  name: "Old films",
  removeTagsAutomatically: true,
  tags: [3],
  specifications: [
    {
      name: "Before 1970",
      implementation: "YearSpecification",
      implementationName: "Year",
      negate: false,
      required: false,
      fields: [field({ name: "min", type: "number", value: 1900 }), field({ order: 1, name: "max", type: "number", value: 1969 })],
    },
    { name: "Not 4k", implementation: "TagSpecification", implementationName: "Tag", negate: true, required: false, fields: [field({ type: "movieTag", value: 3 })] },
  ],
};

describe("auto tagging drafts", () => {
  it("sends a rule back as Radarr takes it, with the tags' ids", () => {
    const body = autoTagBody({ ...autoTagDraft(RULE), name: " Old films " }, [3, 9]);
    expect(body).toEqual({
      id: 7,
      name: "Old films",
      removeTagsAutomatically: true,
      tags: [3, 9],
      specifications: [
        { name: "Before 1970", implementation: "YearSpecification", negate: false, required: false, fields: [{ name: "min", value: 1900 }, { name: "max", value: 1969 }] },
        { name: "Not 4k", implementation: "TagSpecification", negate: true, required: false, fields: [{ name: "value", value: 3 }] },
      ],
    });
  });

  it("names a new condition after its type and copies the schema's fields", () => {
    const condition = newAutoTagCondition(GENRE);
    expect(condition.name).toBe("Genre");
    condition.fields[0]!.value = ["Drama"];
    expect(GENRE.fields[0]!.value).toEqual([]);
  });

  it("draws profile, folder and tag fields as selects of what exists", () => {
    const [profile] = drawnFields([field({ type: "qualityProfile", value: 0 })], CHOICES);
    expect(profile!.type).toBe("select");
    expect(profile!.selectOptions).toEqual([{ value: 0, name: "Choose…" }, { value: 4, name: "HD-1080p" }]);
    const [folder] = drawnFields([field({ type: "rootFolder", value: "/movies" })], CHOICES);
    expect(folder!.selectOptions).toEqual([{ value: "/movies", name: "/movies" }]);
    const [genre] = drawnFields(GENRE.fields, CHOICES);
    expect(genre!.type).toBe("tag");
  });

  it("reads a condition in a line", () => {
    expect(RULE.specifications.map((s) => conditionSummary(s, CHOICES))).toEqual(["Before 1970: 1900–1969", "Not 4k: 4k"]);
  });

  it("places the server's messages on the name, the tags and the conditions", () => {
    const placed = placeAutoTagErrors(
      [
        { propertyName: "name", errorMessage: "Must be unique." },
        { propertyName: "tags", errorMessage: "'Tags' must not be empty." },
        { propertyName: "specifications[1].fields", errorMessage: "Condition 'Not 4k': 'Value' must be greater than '0'." },
        { propertyName: "", errorMessage: "Must contain at least one Condition" },
      ],
      autoTagDraft(RULE),
    );
    expect(placed).toEqual({
      name: "Must be unique.",
      tags: "'Tags' must not be empty.",
      general: ["Must contain at least one Condition"],
      conditions: { 1: ["Condition 'Not 4k': 'Value' must be greater than '0'."] },
    });
  });
});
