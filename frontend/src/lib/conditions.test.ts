import { describe, expect, it } from "vitest";
import type { ProviderField } from "../api/providers";
import { conditionBody } from "./conditions";

const field = (over: Partial<ProviderField>): ProviderField => ({ order: 0, name: "value", advanced: false, privacy: "normal", isFloat: false, ...over });

describe("conditionBody", () => {
  it("sends the trimmed name and field values only, leaving the editor's key and the type's name behind", () => {
    const draft = {
      key: "row-1",
      name: "  Remux ",
      implementation: "ReleaseTitleSpecification",
      implementationName: "Release Title",
      negate: true,
      required: false,
      fields: [
        field({ label: "Regular Expression", type: "textbox", value: "remux" }),
        field({ name: "other", label: "Other", type: "textbox", order: 1 }),
      ],
    };
    expect(conditionBody(draft)).toEqual({
      name: "Remux",
      implementation: "ReleaseTitleSpecification",
      negate: true,
      required: false,
      fields: [
        { name: "value", value: "remux" },
        { name: "other", value: null },
      ],
    });
  });
});
