// Server validation failures ([{propertyName, errorMessage}]) placed next to the form's fields.
import type { ValidationFailure } from "../api/types";

export interface PlacedErrors {
  /** The first message for each field the form shows, by the form's field name. */
  fields: Record<string, string>;
  /** Messages about anything else, for the form's general alert. */
  general: string[];
}

/**
 * Sort failures onto fields. `fieldFor` maps the server's property names (any case, dotted paths
 * like "addOptions.searchForMovie", list items like "required[2]") to the form's; unmapped ones
 * become general messages.
 */
export function placeErrors(failures: readonly ValidationFailure[], fieldFor: Record<string, string>): PlacedErrors {
  const byLowerName = new Map(Object.entries(fieldFor).map(([property, field]) => [property.toLowerCase(), field]));
  const placed: PlacedErrors = { fields: {}, general: [] };
  for (const failure of failures) {
    const property = (failure.propertyName ?? "").toLowerCase();
    // "required[2]" (the third term of a list) belongs to the list's field.
    const field =
      byLowerName.get(property) ?? byLowerName.get(property.split(".").pop() ?? "") ?? byLowerName.get(property.replace(/\[\d+\]$/, ""));
    if (field && !placed.fields[field]) placed.fields[field] = failure.errorMessage;
    else if (!field) placed.general.push(failure.errorMessage);
  }
  return placed;
}
