// How a movie's extra files read on its page.
import type { ExtraFile } from "../api/types";

const TYPE_LABELS: Record<ExtraFile["type"], string> = { subtitle: "Subtitle", metadata: "Metadata", other: "Other" };

/** The extra file's kind, as a person reads it. */
export function extraTypeLabel(extra: ExtraFile): string {
  return TYPE_LABELS[extra.type] ?? extra.type;
}

/** A subtitle's language with its tags ("English (forced, sdh)"); nothing for other files. */
export function extraLanguage(extra: ExtraFile): string {
  if (extra.type !== "subtitle") return "";
  const name = extra.language && extra.language.id > 0 ? extra.language.name : "Unknown";
  const tags = extra.languageTags ?? [];
  return tags.length > 0 ? `${name} (${tags.join(", ")})` : name;
}
