import { describe, expect, it } from "vitest";
import type { CustomFormat, Specification } from "../api/customFormats";
import type { ProviderField } from "../api/providers";
import { conditionTone, draftOf, emptyDraft, exportJson, formatBody, importJson, newCondition, placeFormatErrors, type FormatDraft } from "./customFormats";

const field = (over: Partial<ProviderField>): ProviderField => ({ order: 0, name: "value", advanced: false, privacy: "normal", isFloat: false, ...over });

// Condition types as /api/v3/customformat/schema sends them (trimmed).
const SCHEMA: Specification[] = [
  {
    name: "",
    implementation: "ReleaseTitleSpecification",
    implementationName: "Release Title",
    infoLink: "https://wiki.servarr.com/radarr/settings#custom-formats-2",
    negate: false,
    required: false,
    fields: [field({ label: "Regular Expression", type: "textbox" })],
    presets: [],
  },
  {
    name: "",
    implementation: "ResolutionSpecification",
    implementationName: "Resolution",
    negate: false,
    required: false,
    fields: [field({ label: "Resolution", type: "select", value: 0, selectOptions: [{ value: 2160, name: "R2160p" }] })],
  },
  {
    name: "",
    implementation: "SizeSpecification",
    implementationName: "Size",
    negate: false,
    required: false,
    fields: [field({ name: "min", type: "number", value: 0, isFloat: true }), field({ order: 1, name: "max", type: "number", value: 0, isFloat: true })],
  },
];

// TRaSH-Guides' docs/json/radarr/cf/x265-hd.json, as users paste it.
const TRASH_X265 = `{
  "trash_id": "dc98083864ea246d05a42df0d05f81cc",
  "trash_scores": { "default": -10000 },
  "name": "x265 (HD)",
  "includeCustomFormatWhenRenaming": false,
  "specifications": [
    { "name": "x265/HEVC", "implementation": "ReleaseTitleSpecification", "negate": false, "required": true,
      "fields": { "value": "[xh][ ._-]?265|\\\\bHEVC(\\\\b|\\\\d)" } },
    { "name": "Not 2160p", "implementation": "ResolutionSpecification", "negate": true, "required": true,
      "fields": { "value": 2160 } }
  ]
}`;

function imported(text: string, into: FormatDraft = emptyDraft()): FormatDraft {
  const result = importJson(text, SCHEMA, into);
  if ("error" in result) throw new Error(result.error);
  return result.draft;
}

describe("importing JSON", () => {
  it("takes a TRaSH-Guides file: name, flags and each condition's values, ignoring trash_ keys", () => {
    const draft = imported(TRASH_X265);
    expect(draft.name).toBe("x265 (HD)");
    expect(draft.specifications.map((s) => [s.name, s.implementation, s.negate, s.required])).toEqual([
      ["x265/HEVC", "ReleaseTitleSpecification", false, true],
      ["Not 2160p", "ResolutionSpecification", true, true],
    ]);
    expect(draft.specifications[0]!.fields[0]!.value).toBe("[xh][ ._-]?265|\\bHEVC(\\b|\\d)");
    expect(draft.specifications[1]!.fields[0]!.value).toBe(2160);
    // The condition keeps the schema's description of its fields, to draw them.
    expect(draft.specifications[1]!.fields[0]!.selectOptions).toHaveLength(1);
    expect(draft).not.toHaveProperty("trash_id");
  });

  it("keeps the id of the format it is imported into, and unset fields at the schema's values", () => {
    const draft = imported(
      '{"name":"Big","specifications":[{"name":"Over 20 GB","implementation":"SizeSpecification","fields":{"min":20}}]}',
      { ...emptyDraft(), id: 7 },
    );
    expect(draft.id).toBe(7);
    expect(draft.specifications[0]!.fields.map((f) => [f.name, f.value])).toEqual([
      ["min", 20],
      ["max", 0],
    ]);
  });

  it("also takes conditions whose fields are the API's [{name, value}] list", () => {
    const draft = imported('{"name":"G","specifications":[{"name":"g","implementation":"ReleaseTitleSpecification","fields":[{"name":"value","value":"grp"}]}]}');
    expect(draft.specifications[0]!.fields[0]!.value).toBe("grp");
  });

  it("refuses what Radarr refuses, saying what is wrong", () => {
    const error = (text: string) => {
      const result = importJson(text, SCHEMA, emptyDraft());
      return "error" in result ? result.error : null;
    };
    expect(error("{not json")).toMatch(/^This is not JSON/);
    expect(error("[1, 2]")).toMatch(/JSON object/);
    expect(error('{"name":"x","specifications":{}}')).toMatch(/must be a list/);
    expect(error('{"name":"x","specifications":[{"name":"c","implementation":"NoSuchSpecification","fields":{}}]}')).toBe(
      "Condition 'c': unknown condition type 'NoSuchSpecification'",
    );
    expect(error('{"name":"x","specifications":[{"name":"c","implementation":"SizeSpecification","fields":{"mini":1}}]}')).toBe(
      "Condition 'c': Size has no option 'mini'",
    );
    expect(error('{"name":"x","specifications":[5]}')).toBe("Condition 1 is not an object");
  });
});

describe("exporting JSON", () => {
  const saved: CustomFormat = {
    id: 4,
    name: "x265 (HD)",
    includeCustomFormatWhenRenaming: false,
    specifications: [
      { ...SCHEMA[0]!, name: "x265/HEVC", required: true, fields: [{ ...SCHEMA[0]!.fields[0]!, value: "x265" }] },
      { ...SCHEMA[1]!, name: "Not 2160p", negate: true, required: true, fields: [{ ...SCHEMA[1]!.fields[0]!, value: 2160 }] },
    ],
  };

  it("writes Radarr's shape: no ids, names of implementations or links, fields as an object", () => {
    expect(JSON.parse(exportJson(draftOf(saved)))).toEqual({
      name: "x265 (HD)",
      includeCustomFormatWhenRenaming: false,
      specifications: [
        { name: "x265/HEVC", implementation: "ReleaseTitleSpecification", negate: false, required: true, fields: { value: "x265" } },
        { name: "Not 2160p", implementation: "ResolutionSpecification", negate: true, required: true, fields: { value: 2160 } },
      ],
    });
    expect(exportJson(draftOf(saved))).toContain('\n  "name": "x265 (HD)"');
  });

  it("round-trips through import", () => {
    const again = imported(exportJson(draftOf(saved)));
    expect(exportJson(again)).toBe(exportJson(draftOf(saved)));
  });
});

describe("drafts and what is saved", () => {
  it("copies a format without its id, named as a copy", () => {
    const copy = draftOf({ id: 3, name: "HDR", specifications: [] }, true);
    expect(copy).toMatchObject({ id: 0, name: "HDR (copy)" });
  });

  it("sends each condition's fields as [{name, value}] with trimmed names", () => {
    const condition = { ...newCondition(SCHEMA[2]!), name: " Big " };
    const body = formatBody({ id: 0, name: " Big ", includeCustomFormatWhenRenaming: true, specifications: [condition] });
    expect(body).toEqual({
      id: 0,
      name: "Big",
      includeCustomFormatWhenRenaming: true,
      specifications: [{ name: "Big", implementation: "SizeSpecification", negate: false, required: false, fields: [{ name: "min", value: 0 }, { name: "max", value: 0 }] }],
    });
  });

  it("gives every new condition its own key", () => {
    expect(newCondition(SCHEMA[0]!).key).not.toBe(newCondition(SCHEMA[0]!).key);
  });
});

describe("server messages", () => {
  it("land on the name, on a condition's field, on a condition, or in general", () => {
    const draft = imported(TRASH_X265);
    const placed = placeFormatErrors(
      [
        { propertyName: "name", errorMessage: "Must be unique." },
        { propertyName: "specifications[0].fields[0].value", errorMessage: "Condition 'x265/HEVC': Invalid regular expression" },
        { propertyName: "specifications[1].implementation", errorMessage: "Unknown" },
        { propertyName: "specifications", errorMessage: "Condition name(s) cannot be empty" },
        { propertyName: "specifications[9].fields[0].value", errorMessage: "Out of range" },
      ],
      draft,
    );
    expect(placed.name).toBe("Must be unique.");
    expect(placed.conditions[0]!.fields).toEqual({ "fields.value": "Condition 'x265/HEVC': Invalid regular expression" });
    expect(placed.conditions[1]!.general).toEqual(["Unknown"]);
    expect(placed.general).toEqual(["Condition name(s) cannot be empty", "Out of range"]);
  });

  it("tone conditions as Radarr's cards do: negated over required", () => {
    expect(conditionTone({ negate: true, required: true })).toBe("negated");
    expect(conditionTone({ negate: false, required: true })).toBe("required");
    expect(conditionTone({ negate: false, required: false })).toBe("plain");
  });
});
