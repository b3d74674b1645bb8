// Forms drawn from a provider's schema (`fields`): which input each field gets, which fields show,
// how typed text becomes the value sent back, and new providers from the schema. Pure.
import type { Provider, ProviderField, SelectOption } from "../api/providers";

/** What a secret that is set reads as; sent back unchanged, the server keeps the stored secret. */
export const SECRET_MASK = "********";

export type FieldKind = "text" | "password" | "number" | "checkbox" | "select" | "multiSelect" | "list" | "oAuth" | "unsupported";

const TEXT_TYPES = new Set([undefined, "textbox", "url", "path", "filePath", "password"]);
const SECRET_PRIVACY = new Set(["password", "apiKey"]);

/** Whether the server masks the field's value (passwords, API keys, passkeys). */
export function isSecret(field: ProviderField): boolean {
  return field.type === "password" || SECRET_PRIVACY.has(field.privacy);
}

/** The input a field is drawn with (Radarr's ProviderFieldFormGroup types). */
export function fieldKind(field: ProviderField): FieldKind {
  if (TEXT_TYPES.has(field.type)) return isSecret(field) ? "password" : "text";
  switch (field.type) {
    case "number":
      return "number";
    case "checkbox":
      return "checkbox";
    case "select":
      // Radarr's select is a multi-select when its value is a list (categories, languages, flags).
      return Array.isArray(field.value) ? "multiSelect" : "select";
    case "tag":
      return "list";
    case "oAuth":
      // A Sign in button (the device-code sign-in filling the hidden token fields).
      return "oAuth";
    default:
      return "unsupported";
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The fields the form shows, in order: hidden ones never, advanced ones only when asked for. */
export function shownFields(fields: readonly ProviderField[], showAdvanced: boolean): ProviderField[] {
  return [...fields]
    .sort((a, b) => a.order - b.order)
    .filter((field) => field.hidden !== "hidden" && !(field.hidden === "hiddenIfNotSet" && isEmpty(field.value)))
    .filter((field) => showAdvanced || !field.advanced);
}

/** What a text or number input shows for a value (nothing for an unset one). */
export function inputText(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

/** A number input's text as the value: null when empty, a float only where the field takes one. */
export function numberFromInput(field: ProviderField, text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  return field.isFloat ? value : Math.trunc(value);
}

/**
 * A text input's text as the value. A few text fields hold numbers (PassThePopcorn's minimum
 * seeders): numeric text stays a number there, so the server reads what it sent.
 */
export function textFromInput(field: ProviderField, text: string): string | number {
  if (typeof field.value === "number" && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  return text;
}

export function fieldValue(item: { fields: readonly ProviderField[] }, name: string): unknown {
  return item.fields.find((field) => field.name === name)?.value;
}

/** The item with one field's value changed. */
export function withFieldValue<T extends { fields: ProviderField[] }>(item: T, name: string, value: unknown): T {
  return { ...item, fields: item.fields.map((field) => (field.name === name ? { ...field, value } : field)) };
}

/** An option's label: a sub-option is named after its parent too ("Movies/HD"). */
export function optionLabel(options: readonly SelectOption[], option: SelectOption): string {
  if (option.parentValue === undefined) return option.name;
  const parent = options.find((o) => o.value === option.parentValue);
  return parent ? `${parent.name}/${option.name}` : option.name;
}

/**
 * The options to offer: those an action listed (a site's categories), else the field's own. A
 * chosen value missing from them is kept as an option named by its value, so it can be seen and removed.
 */
export function fieldOptions(field: ProviderField, listed?: readonly SelectOption[]): SelectOption[] {
  const options = [...(listed ?? field.selectOptions ?? [])];
  const chosen = Array.isArray(field.value) ? field.value : field.value === undefined || field.value === null ? [] : [field.value];
  for (const value of chosen) {
    if ((typeof value === "number" || typeof value === "string") && !options.some((o) => o.value === value)) {
      options.push({ value, name: String(value) });
    }
  }
  return options;
}

/** A select's chosen text back as the option's value (numbers stay numbers). */
export function optionValue(options: readonly SelectOption[], text: string): number | string {
  return options.find((o) => String(o.value) === text)?.value ?? text;
}

/** A list value with one more item (ignored when it is there already) or one less. */
export function addToList<T>(list: unknown, item: T): T[] {
  const current = Array.isArray(list) ? (list as T[]) : [];
  return current.includes(item) ? current : [...current, item];
}

export function removeFromList<T>(list: unknown, item: T): T[] {
  return Array.isArray(list) ? (list as T[]).filter((value) => value !== item) : [];
}

type Enablable = { supportsRss?: boolean; supportsSearch?: boolean };

/**
 * A new provider from an implementation's schema entry, or from one of its presets: the preset's
 * name and settings, and (for indexers) RSS and searches switched on where the implementation
 * supports them, as Radarr starts a new one.
 */
export function newProvider<T extends Provider & Enablable>(template: T, preset?: Provider): T {
  const { presets: _presets, ...rest } = template;
  const started = { ...rest, id: 0, name: preset?.name ?? "", fields: (preset?.fields ?? template.fields).map((f) => ({ ...f })) } as T;
  if ("supportsRss" in template) {
    Object.assign(started, {
      enableRss: Boolean(template.supportsRss),
      enableAutomaticSearch: Boolean(template.supportsSearch),
      enableInteractiveSearch: Boolean(template.supportsSearch),
    });
  }
  return started;
}

/** The resource a form sends: as read, without what only the server writes (presets, status). */
export function providerBody<T extends Provider>(draft: T): T {
  const { presets: _presets, status: _status, ...body } = draft;
  return body as T;
}

/** The form key of a settings field, for placing the server's validation messages. */
export const fieldKey = (name: string): string => `fields.${name}`;

/**
 * Server property names to form keys: the provider's own (name, priority, tags...) and each
 * settings field by its name ("apiKey" -> "fields.apiKey").
 */
export function errorKeys(fields: readonly ProviderField[], own: readonly string[]): Record<string, string> {
  const keys: Record<string, string> = Object.fromEntries(own.map((name) => [name, name]));
  for (const field of fields) keys[field.name] = fieldKey(field.name);
  return keys;
}
