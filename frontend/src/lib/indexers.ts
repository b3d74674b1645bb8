// Settings → Indexers: which indexers Prowlarr manages, what the add dialog offers, and the
// indexer options' list values. Pure.
import type { Indexer, Protocol, Provider } from "../api/providers";
import { isSecret } from "./providerForm";

/** Prowlarr's sync names what it adds "<its indexer> (Prowlarr)" and replaces its settings at each sync. */
export function isProwlarrIndexer(indexer: Pick<Indexer, "name">): boolean {
  return /\(Prowlarr\)\s*$/i.test(indexer.name);
}

const PROTOCOL_TITLES: Record<Protocol, string> = { usenet: "Usenet", torrent: "Torrents" };

export function protocolName(protocol: Protocol): string {
  return protocol === "usenet" ? "Usenet" : "Torrent";
}

/** The implementations to add, Usenet first then torrents (as Radarr's add dialogs), by name in each. */
export function implementationGroups<T extends { protocol: Protocol; implementationName: string }>(
  schema: readonly T[],
): { protocol: Protocol; title: string; implementations: T[] }[] {
  return (["usenet", "torrent"] as const)
    .map((protocol) => ({
      protocol,
      title: PROTOCOL_TITLES[protocol],
      implementations: schema
        .filter((i) => i.protocol === protocol)
        .sort((a, b) => a.implementationName.localeCompare(b.implementationName, undefined, { sensitivity: "base" })),
    }))
    .filter((group) => group.implementations.length > 0);
}

/**
 * What a provider action's answer depends on: where the site is and how to reach it (the text
 * and secret settings), not the choices made in the form.
 */
export function connectionSignature(indexer: Pick<Provider, "implementation" | "fields">): string {
  const parts = indexer.fields
    .filter((f) => f.type === "textbox" || f.type === "url" || f.type === "password" || isSecret(f))
    .map((f) => [f.name, f.value ?? null]);
  return JSON.stringify([indexer.implementation, parts]);
}

/** Radarr keeps the whitelisted subtitle tags as one comma-separated string. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function joinList(items: readonly string[]): string {
  return items.join(",");
}
