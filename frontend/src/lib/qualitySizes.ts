// The quality sizes form: text fields <-> megabytes per minute, and the server's failures placed
// on the row and field they are about. Pure.
import type { QualityDefinition, ValidationFailure } from "../api/types";
import { formatBytes } from "./format";

export type SizeField = "minSize" | "preferredSize" | "maxSize";
export const SIZE_FIELDS: readonly SizeField[] = ["minSize", "preferredSize", "maxSize"];

/** One row as typed: sizes as text ("" is no limit for preferred and maximum, 0 for the minimum). */
export type SizeDraft = { id: number; title: string } & Record<SizeField, string>;

export function draftOf(definition: QualityDefinition): SizeDraft {
  const text = (value: number | undefined) => (value === undefined || value === null ? "" : String(value));
  return {
    id: definition.id,
    title: definition.title,
    minSize: text(definition.minSize),
    preferredSize: text(definition.preferredSize),
    maxSize: text(definition.maxSize),
  };
}

/** A typed size: a number, undefined for an empty field, or null when it is not a number. */
export function parseSize(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Fields the browser can already tell are wrong (not numbers), by row index. */
export function typingErrors(drafts: readonly SizeDraft[]): Map<number, Partial<Record<SizeField, string>>> {
  const errors = new Map<number, Partial<Record<SizeField, string>>>();
  drafts.forEach((draft, row) => {
    for (const field of SIZE_FIELDS) {
      if (parseSize(draft[field]) === null) errors.set(row, { ...errors.get(row), [field]: "Must be a number" });
    }
  });
  return errors;
}

/** The definitions to send: each row's title and sizes over the definition it came from. */
export function definitionsFrom(drafts: readonly SizeDraft[], definitions: readonly QualityDefinition[]): QualityDefinition[] {
  return drafts.map((draft, row) => {
    const original = definitions[row] as QualityDefinition;
    const size = (field: SizeField) => parseSize(draft[field]) ?? undefined;
    return { ...original, title: draft.title, minSize: size("minSize") ?? 0, preferredSize: size("preferredSize"), maxSize: size("maxSize") };
  });
}

/** Server failures of a list update ("[3].maxSize") by row and field; others stay general. */
export function placeSizeFailures(failures: readonly ValidationFailure[]): {
  rows: Map<number, Partial<Record<SizeField | "title", string>>>;
  general: string[];
} {
  const rows = new Map<number, Partial<Record<SizeField | "title", string>>>();
  const general: string[] = [];
  for (const failure of failures) {
    const match = /^\[(\d+)\]\.(\w+)$/.exec(failure.propertyName ?? "");
    const field = match?.[2] as SizeField | "title" | undefined;
    if (match && field && (field === "title" || SIZE_FIELDS.includes(field as SizeField))) {
      const row = Number(match[1]);
      if (!rows.get(row)?.[field]) rows.set(row, { ...rows.get(row), [field]: failure.errorMessage });
    } else {
      general.push(failure.errorMessage);
    }
  }
  return { rows, general };
}

/** How much an hour of film takes at a size in MB per minute ("Unlimited" without a limit). */
export function perHour(text: string): string {
  const value = parseSize(text);
  if (value === undefined) return "Unlimited";
  if (value === null) return "—";
  return `${formatBytes(value * 60 * 1024 * 1024)}/h`;
}
