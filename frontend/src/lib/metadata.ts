// Settings → Metadata: which writers the page shows.
import type { MetadataProvider } from "../api/metadata";

/**
 * Every writer Radarr offers, once: the saved ones, and for each kind never saved its blank
 * settings from the schema (disabled, named as Radarr names it), saved on its first save.
 */
export function metadataWriters(saved: readonly MetadataProvider[], schema: readonly MetadataProvider[]): MetadataProvider[] {
  const kept = new Set(saved.map((p) => p.implementation));
  const unsaved = schema
    .filter((t) => !kept.has(t.implementation))
    .map(({ presets: _presets, ...t }) => ({ ...t, id: 0, name: t.implementationName, enable: false, fields: t.fields.map((f) => ({ ...f })) }));
  const order = new Map(schema.map((t, i) => [t.implementation, i]));
  return [...saved, ...unsaved].sort((a, b) => (order.get(a.implementation) ?? 99) - (order.get(b.implementation) ?? 99));
}
