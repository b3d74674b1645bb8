import { describe, expect, it } from "vitest";
import type { Indexer, ProviderField } from "../api/providers";
import {
  addToList,
  errorKeys,
  fieldKind,
  fieldOptions,
  fieldValue,
  inputText,
  newProvider,
  numberFromInput,
  optionLabel,
  optionValue,
  providerBody,
  removeFromList,
  SECRET_MASK,
  shownFields,
  textFromInput,
  withFieldValue,
} from "./providerForm";
import { placeErrors } from "./validation";

const field = (over: Partial<ProviderField>): ProviderField => ({
  order: 0,
  name: "x",
  advanced: false,
  privacy: "normal",
  isFloat: false,
  ...over,
});

// Fields as /api/v3/indexer/schema sends them (Torznab's and PassThePopcorn's, trimmed).
const TORZNAB_FIELDS: ProviderField[] = [
  field({ order: 0, name: "baseUrl", label: "URL", type: "textbox", value: "" }),
  field({ order: 1, name: "apiPath", label: "API Path", type: "textbox", value: "/api", advanced: true }),
  field({ order: 2, name: "apiKey", label: "API Key", type: "textbox", value: "", privacy: "apiKey" }),
  field({ order: 3, name: "categories", label: "Categories", type: "select", value: [2000, 2040], selectOptionsProviderAction: "newznabCategories" }),
  field({ order: 4, name: "seedCriteria.seedRatio", label: "Seed Ratio", type: "number", isFloat: true }),
  field({ order: 5, name: "minimumSeeders", label: "Minimum Seeders", type: "number", value: 1, advanced: true }),
  field({ order: 6, name: "removeYear", label: "Remove year", type: "checkbox", value: false, advanced: true }),
];

const TORZNAB: Indexer = {
  id: 0,
  name: "",
  fields: TORZNAB_FIELDS,
  implementation: "Torznab",
  implementationName: "Torznab",
  configContract: "TorznabSettings",
  tags: [],
  enableRss: false,
  enableAutomaticSearch: false,
  enableInteractiveSearch: false,
  supportsRss: true,
  supportsSearch: true,
  protocol: "torrent",
  priority: 25,
  downloadClientId: 0,
  queriesPerHour: 100,
  presets: [
    {
      id: 0,
      name: "Jackett",
      fields: TORZNAB_FIELDS.map((f) => (f.name === "baseUrl" ? { ...f, value: "http://localhost:9117/api/v2.0/indexers/YOURINDEXER/results/torznab/" } : f)),
      implementation: "Torznab",
      implementationName: "Torznab",
      configContract: "TorznabSettings",
      tags: [],
    } as unknown as Indexer,
  ],
};

describe("fieldKind", () => {
  it("draws every type the nine indexers' schemas use", () => {
    expect(fieldKind(field({ type: "textbox" }))).toBe("text");
    expect(fieldKind(field({ type: "number" }))).toBe("number");
    expect(fieldKind(field({ type: "checkbox" }))).toBe("checkbox");
    expect(fieldKind(field({ type: "select", value: 0 }))).toBe("select");
    expect(fieldKind(field({ type: "select", value: [] }))).toBe("multiSelect");
    expect(fieldKind(field({ type: "password" }))).toBe("password");
  });

  it("hides secrets: API keys and passkeys are password inputs whatever their type", () => {
    expect(fieldKind(field({ type: "textbox", privacy: "apiKey" }))).toBe("password");
    expect(fieldKind(field({ type: "textbox", privacy: "password" }))).toBe("password");
    expect(fieldKind(field({ type: "textbox", privacy: "userName" }))).toBe("text");
  });

  it("draws urls and paths as text, tags as a list, and admits what it cannot draw", () => {
    expect(fieldKind(field({ type: "url" }))).toBe("text");
    expect(fieldKind(field({ type: "path" }))).toBe("text");
    expect(fieldKind(field({ type: "filePath" }))).toBe("text");
    expect(fieldKind(field({ type: "tag", value: ["a"] }))).toBe("list");
    expect(fieldKind(field({ type: "oAuth" }))).toBe("oAuth");
    expect(fieldKind(field({ type: "keyValueList" }))).toBe("unsupported");
  });
});

describe("shownFields", () => {
  it("keeps the schema's order and shows advanced fields only when asked", () => {
    const shuffled = [...TORZNAB_FIELDS].reverse();
    expect(shownFields(shuffled, false).map((f) => f.name)).toEqual(["baseUrl", "apiKey", "categories", "seedCriteria.seedRatio"]);
    expect(shownFields(shuffled, true).map((f) => f.name)).toEqual(TORZNAB_FIELDS.map((f) => f.name));
  });

  it("never shows hidden fields, and hiddenIfNotSet ones only with a value", () => {
    const fields = [
      field({ name: "a", hidden: "hidden", value: "x" }),
      field({ name: "b", hidden: "hiddenIfNotSet", value: "" }),
      field({ name: "c", hidden: "hiddenIfNotSet", value: "set" }),
    ];
    expect(shownFields(fields, true).map((f) => f.name)).toEqual(["c"]);
  });
});

describe("values from inputs", () => {
  it("turns number inputs into integers, floats where the field takes them, and empty into null", () => {
    const seeders = field({ type: "number", value: 1 });
    const ratio = field({ type: "number", isFloat: true });
    expect(numberFromInput(seeders, "3")).toBe(3);
    expect(numberFromInput(seeders, "3.7")).toBe(3);
    expect(numberFromInput(ratio, "1.5")).toBe(1.5);
    expect(numberFromInput(ratio, "")).toBeNull();
    expect(numberFromInput(ratio, "abc")).toBeNull();
    expect(inputText(undefined)).toBe("");
    expect(inputText(null)).toBe("");
    expect(inputText(0)).toBe("0");
  });

  it("keeps numbers numbers in the text fields that hold them", () => {
    const ptpSeeders = field({ type: "textbox", value: 1 });
    expect(textFromInput(ptpSeeders, "5")).toBe(5);
    expect(textFromInput(ptpSeeders, "five")).toBe("five");
    expect(textFromInput(field({ type: "textbox", value: "" }), "5")).toBe("5");
  });

  it("sets one field's value and leaves the rest and the original alone", () => {
    const changed = withFieldValue(TORZNAB, "apiKey", "k");
    expect(fieldValue(changed, "apiKey")).toBe("k");
    expect(fieldValue(changed, "baseUrl")).toBe("");
    expect(fieldValue(TORZNAB, "apiKey")).toBe("");
  });

  it("adds to and removes from list values without duplicates", () => {
    expect(addToList([2000], 2040)).toEqual([2000, 2040]);
    expect(addToList([2000], 2000)).toEqual([2000]);
    expect(addToList(undefined, 1)).toEqual([1]);
    expect(removeFromList([2000, 2040], 2000)).toEqual([2040]);
    expect(removeFromList(null, 1)).toEqual([]);
  });
});

describe("select options", () => {
  const listed = [
    { value: 2000, name: "Movies" },
    { value: 2040, name: "HD", parentValue: 2000 },
  ];

  it("name a sub-category after its parent", () => {
    expect(optionLabel(listed, listed[1]!)).toBe("Movies/HD");
    expect(optionLabel(listed, listed[0]!)).toBe("Movies");
  });

  it("prefer the options an action listed, and keep chosen values it does not know", () => {
    const categories = TORZNAB_FIELDS[3]!;
    const withUnknown = { ...categories, value: [2000, 2040, 8000] };
    expect(fieldOptions(withUnknown, listed).map((o) => o.value)).toEqual([2000, 2040, 8000]);
    expect(fieldOptions(field({ type: "select", value: 1, selectOptions: [{ value: 1, name: "One" }] })).map((o) => o.name)).toEqual(["One"]);
  });

  it("read a chosen option back with its type", () => {
    expect(optionValue(listed, "2040")).toBe(2040);
    expect(optionValue([{ value: "a", name: "A" }], "a")).toBe("a");
  });
});

describe("new providers and what is sent", () => {
  it("start from the schema with RSS and searches on where supported, without presets", () => {
    const fresh = newProvider(TORZNAB);
    expect(fresh).toMatchObject({ id: 0, name: "", enableRss: true, enableAutomaticSearch: true, enableInteractiveSearch: true });
    expect(fresh.presets).toBeUndefined();
    const rssOnly = newProvider({ ...TORZNAB, supportsSearch: false });
    expect(rssOnly).toMatchObject({ enableRss: true, enableAutomaticSearch: false, enableInteractiveSearch: false });
  });

  it("start from a preset with its name and settings", () => {
    const jackett = newProvider(TORZNAB, TORZNAB.presets![0]);
    expect(jackett.name).toBe("Jackett");
    expect(fieldValue(jackett, "baseUrl")).toContain("localhost:9117");
    expect(jackett.implementation).toBe("Torznab");
  });

  it("send the mask back for an untouched secret, and nothing only the server writes", () => {
    const saved = { ...withFieldValue(TORZNAB, "apiKey", SECRET_MASK), id: 3, status: { escalationLevel: 1 } };
    const body = providerBody(saved);
    expect(fieldValue(body, "apiKey")).toBe(SECRET_MASK);
    expect(body).not.toHaveProperty("presets");
    expect(body).not.toHaveProperty("status");
    expect(body.id).toBe(3);
  });
});

describe("server messages on a provider form", () => {
  it("land on the provider's own inputs and on settings fields by name", () => {
    const keys = errorKeys(TORZNAB_FIELDS, ["name", "priority"]);
    const placed = placeErrors(
      [
        { propertyName: "apiKey", errorMessage: "Invalid API Key" },
        { propertyName: "Name", errorMessage: "Should be unique" },
        { propertyName: "seedCriteria.seedRatio", errorMessage: "Too low" },
        { propertyName: "", errorMessage: "Unable to connect to indexer" },
      ],
      keys,
    );
    expect(placed.fields).toEqual({ "fields.apiKey": "Invalid API Key", name: "Should be unique", "fields.seedCriteria.seedRatio": "Too low" });
    expect(placed.general).toEqual(["Unable to connect to indexer"]);
  });
});
