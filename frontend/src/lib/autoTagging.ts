// Auto tagging rules in the editor: drafts, the body sent, condition fields that name Reelarr's own
// things (quality profiles, root folders, tags) drawn as choices, and the server's messages placed. Pure.
import type { AutoTag, AutoTagSpecification } from "../api/autoTagging";
import type { ProviderField, SelectOption } from "../api/providers";
import type { ValidationFailure } from "../api/types";
import { conditionBody } from "./conditions";

/** A condition being edited; `key` only keeps React's rows apart. */
export type AutoTagConditionDraft = AutoTagSpecification & { key: string };

export interface AutoTagDraft {
  id: number;
  name: string;
  removeTagsAutomatically: boolean;
  tags: number[];
  specifications: AutoTagConditionDraft[];
}

let nextKey = 0;
const asCondition = (spec: AutoTagSpecification): AutoTagConditionDraft => ({
  ...spec,
  fields: spec.fields.map((f) => ({ ...f })),
  key: `auto-tag-condition-${++nextKey}`,
});

export const emptyAutoTag = (): AutoTagDraft => ({ id: 0, name: "", removeTagsAutomatically: false, tags: [], specifications: [] });

/** A saved rule as a draft. */
export function autoTagDraft(rule: AutoTag): AutoTagDraft {
  return { id: rule.id, name: rule.name, removeTagsAutomatically: rule.removeTagsAutomatically, tags: [...rule.tags], specifications: rule.specifications.map(asCondition) };
}

/** A new condition of a type, with the schema's blank fields, named after its type as Radarr's UI does. */
export function newAutoTagCondition(schema: AutoTagSpecification): AutoTagConditionDraft {
  return { ...asCondition(schema), name: schema.implementationName, negate: false, required: false };
}

/** What the server takes: each condition's fields as `[{name, value}]`, the tags as ids. */
export function autoTagBody(draft: AutoTagDraft, tags: number[]) {
  return {
    id: draft.id,
    name: draft.name.trim(),
    removeTagsAutomatically: draft.removeTagsAutomatically,
    tags,
    specifications: draft.specifications.map(conditionBody),
  };
}

/** The choices for fields that name one of Reelarr's things. */
export interface Choices {
  qualityProfiles: SelectOption[];
  rootFolders: SelectOption[];
  tags: SelectOption[];
}

const CHOICE_OF: Record<string, keyof Choices> = { qualityProfile: "qualityProfiles", rootFolder: "rootFolders", movieTag: "tags" };

/**
 * A condition's fields as the form draws them: a quality profile, root folder or tag field becomes a
 * select of the existing ones (with a blank first choice while none is picked).
 */
export function drawnFields(fields: readonly ProviderField[], choices: Choices): ProviderField[] {
  return fields.map((field) => {
    const kind = field.type ? CHOICE_OF[field.type] : undefined;
    if (!kind) return field;
    const picked = field.value !== 0 && field.value !== "" && field.value !== null && field.value !== undefined;
    const blank: SelectOption[] = picked ? [] : [{ value: field.value as number | string, name: "Choose…" }];
    return { ...field, type: "select", selectOptions: [...blank, ...choices[kind]] };
  });
}

/** A one-line reading of a condition for a rule's card: "Genres: Action, Drama", "Nineties: 1990–1999". */
export function conditionSummary(spec: AutoTagSpecification, choices: Choices): string {
  const parts = spec.fields.map((field) => {
    const kind = field.type ? CHOICE_OF[field.type] : undefined;
    const named = kind ? choices[kind].find((o) => o.value === field.value)?.name : undefined;
    const fromSelect = field.selectOptions?.find((o) => o.value === field.value)?.name;
    if (named ?? fromSelect) return named ?? fromSelect;
    return Array.isArray(field.value) ? field.value.join(", ") : String(field.value ?? "");
  });
  const values = spec.fields.length === 2 && spec.fields.every((f) => f.type === "number") ? parts.join("–") : parts.join(", ");
  return `${spec.name}${values ? `: ${values}` : ""}`;
}

export interface AutoTagErrors {
  name?: string;
  tags?: string;
  general: string[];
  /** By condition index. */
  conditions: Record<number, string[]>;
}

const CONDITION_PATH = /^specifications\[(\d+)\]/i;

/** The server's messages placed on the name, the tags, a condition, or the rule as a whole. */
export function placeAutoTagErrors(failures: readonly ValidationFailure[], draft: AutoTagDraft): AutoTagErrors {
  const placed: AutoTagErrors = { general: [], conditions: {} };
  for (const failure of failures) {
    const property = (failure.propertyName ?? "").toLowerCase();
    if (property === "name") placed.name ??= failure.errorMessage;
    else if (property === "tags") placed.tags ??= failure.errorMessage;
    else {
      const match = CONDITION_PATH.exec(property);
      const index = match ? Number(match[1]) : -1;
      if (match && draft.specifications[index]) (placed.conditions[index] ??= []).push(failure.errorMessage);
      else placed.general.push(failure.errorMessage);
    }
  }
  return placed;
}
