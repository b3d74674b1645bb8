// Custom formats in the editor: drafts, the body sent, Radarr's JSON import and export (the shape
// TRaSH-Guides publishes and users paste), and the server's messages placed on conditions. Pure.
import type { CustomFormat, Specification } from "../api/customFormats";
import type { ValidationFailure } from "../api/types";
import { conditionBody } from "./conditions";
import { fieldKey } from "./providerForm";

/** A condition being edited; `key` only keeps React's rows apart. */
export type ConditionDraft = Specification & { key: string };

export interface FormatDraft {
  id: number;
  name: string;
  includeCustomFormatWhenRenaming: boolean;
  specifications: ConditionDraft[];
}

let nextKey = 0;
const newKey = () => `condition-${++nextKey}`;

function asCondition(spec: Specification): ConditionDraft {
  const { presets: _presets, ...rest } = spec;
  return { ...rest, fields: spec.fields.map((f) => ({ ...f })), key: newKey() };
}

/** A saved format as a draft (or a copy of one, with `copy`: no id, "(copy)" after the name). */
export function draftOf(format: CustomFormat, copy = false): FormatDraft {
  return {
    id: copy ? 0 : format.id,
    name: copy ? `${format.name} (copy)` : format.name,
    includeCustomFormatWhenRenaming: Boolean(format.includeCustomFormatWhenRenaming),
    specifications: format.specifications.map(asCondition),
  };
}

export const emptyDraft = (): FormatDraft => ({ id: 0, name: "", includeCustomFormatWhenRenaming: false, specifications: [] });

/** A new condition of a type, with the schema's blank fields and no name yet. */
export function newCondition(schema: Specification): ConditionDraft {
  return { ...asCondition(schema), name: "", negate: false, required: false };
}

/** What the server takes: each condition's fields as `[{name, value}]`. */
export function formatBody(draft: FormatDraft) {
  return {
    id: draft.id,
    name: draft.name.trim(),
    includeCustomFormatWhenRenaming: draft.includeCustomFormatWhenRenaming,
    specifications: draft.specifications.map(conditionBody),
  };
}

/**
 * Radarr's export: the format without ids and descriptions, each condition's fields as an object
 * of values (`{"value": "..."}`), indented by two spaces.
 */
export function exportJson(format: Pick<FormatDraft, "name" | "includeCustomFormatWhenRenaming" | "specifications">): string {
  const exported = {
    name: format.name,
    includeCustomFormatWhenRenaming: format.includeCustomFormatWhenRenaming,
    specifications: format.specifications.map((spec) => ({
      name: spec.name,
      implementation: spec.implementation,
      negate: spec.negate,
      required: spec.required,
      fields: Object.fromEntries(spec.fields.map((f) => [f.name, f.value ?? null])),
    })),
  };
  return JSON.stringify(exported, null, 2);
}

export type ImportResult = { draft: FormatDraft } | { error: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A condition's given field values: Radarr's export object, or the API's `[{name, value}]` list. */
function givenFields(fields: unknown): [string, unknown][] | string {
  if (fields === undefined || fields === null) return [];
  if (isObject(fields)) return Object.entries(fields);
  if (Array.isArray(fields)) {
    const pairs: [string, unknown][] = [];
    for (const item of fields) {
      if (!isObject(item) || typeof item.name !== "string") return "its fields must be an object of values or a list of {name, value}";
      pairs.push([item.name, item.value]);
    }
    return pairs;
  }
  return "its fields must be an object of values or a list of {name, value}";
}

function importCondition(spec: unknown, index: number, schema: readonly Specification[]): ConditionDraft | string {
  const where = `Condition ${index + 1}`;
  if (!isObject(spec)) return `${where} is not an object`;
  const named = typeof spec.name === "string" && spec.name ? `Condition '${spec.name}'` : where;
  const type = schema.find((s) => s.implementation === spec.implementation);
  if (!type) return `${named}: unknown condition type '${String(spec.implementation)}'`;
  const given = givenFields(spec.fields);
  if (typeof given === "string") return `${named}: ${given}`;
  let condition = newCondition(type);
  for (const [name, value] of given) {
    if (!condition.fields.some((f) => f.name === name)) return `${named}: ${type.implementationName} has no option '${name}'`;
    condition = { ...condition, fields: condition.fields.map((f) => (f.name === name ? { ...f, value } : f)) };
  }
  return { ...condition, name: typeof spec.name === "string" ? spec.name : "", negate: spec.negate === true, required: spec.required === true };
}

/**
 * Radarr's import: pasted JSON replaces the draft's name, renaming flag and conditions (its id is
 * kept: importing into a saved format changes it). Unknown condition types and options are refused
 * as Radarr refuses them; keys it does not know (TRaSH-Guides' `trash_id`, `trash_scores`) are ignored.
 */
export function importJson(text: string, schema: readonly Specification[], into: FormatDraft): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `This is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(parsed)) return { error: 'A custom format is a JSON object: {"name": ..., "specifications": [...]}' };
  const specs = parsed.specifications ?? [];
  if (!Array.isArray(specs)) return { error: "'specifications' must be a list of conditions" };
  const conditions: ConditionDraft[] = [];
  for (const [index, spec] of specs.entries()) {
    const condition = importCondition(spec, index, schema);
    if (typeof condition === "string") return { error: condition };
    conditions.push(condition);
  }
  return {
    draft: {
      id: into.id,
      name: typeof parsed.name === "string" ? parsed.name : into.name,
      includeCustomFormatWhenRenaming:
        typeof parsed.includeCustomFormatWhenRenaming === "boolean" ? parsed.includeCustomFormatWhenRenaming : into.includeCustomFormatWhenRenaming,
      specifications: conditions,
    },
  };
}

export interface FormatErrors {
  name?: string;
  general: string[];
  /** By condition index: messages about the condition, and by field key (`fields.value`). */
  conditions: Record<number, { general: string[]; fields: Record<string, string> }>;
}

const CONDITION_PATH = /^specifications\[(\d+)\](?:\.fields\[(\d+)\](?:\.value)?)?/i;

/** The server's messages placed on the format's name, on a condition, or on a condition's field. */
export function placeFormatErrors(failures: readonly ValidationFailure[], draft: FormatDraft): FormatErrors {
  const placed: FormatErrors = { general: [], conditions: {} };
  for (const failure of failures) {
    const property = failure.propertyName ?? "";
    if (property.toLowerCase() === "name") {
      placed.name ??= failure.errorMessage;
      continue;
    }
    const match = CONDITION_PATH.exec(property);
    const index = match ? Number(match[1]) : -1;
    const condition = draft.specifications[index];
    if (!match || !condition) {
      placed.general.push(failure.errorMessage);
      continue;
    }
    const target = (placed.conditions[index] ??= { general: [], fields: {} });
    const field = match[2] === undefined ? undefined : condition.fields[Number(match[2])];
    if (field && !target.fields[fieldKey(field.name)]) target.fields[fieldKey(field.name)] = failure.errorMessage;
    else target.general.push(failure.errorMessage);
  }
  return placed;
}

/** How a condition reads on a card: required ones must match, negated ones must not. */
export function conditionTone(spec: Pick<Specification, "negate" | "required">): "negated" | "required" | "plain" {
  if (spec.negate) return "negated";
  return spec.required ? "required" : "plain";
}
