// Settings → Download Clients: the working folders list and remote path mappings. Pure.
import type { RemotePathMapping } from "../api/downloadClients";

/** Radarr keeps the working folders as one '|'-separated string ("_UNPACK_|_FAILED_"). */
export function splitWorkingFolders(value: string): string[] {
  return value
    .split("|")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function joinWorkingFolders(items: readonly string[]): string {
  return items.map((item) => item.trim()).filter(Boolean).join("|");
}

/** A mapping as the form sends it: the text as typed, less the spaces around it. */
export function mappingBody(mapping: RemotePathMapping): RemotePathMapping {
  return { ...mapping, host: mapping.host.trim(), remotePath: mapping.remotePath.trim(), localPath: mapping.localPath.trim() };
}

/** The hosts the download clients are set up with, for the host field's suggestions. */
export function clientHosts(clients: readonly { fields: readonly { name: string; value?: unknown }[] }[]): string[] {
  const hosts = clients.map((c) => c.fields.find((f) => f.name === "host")?.value).filter((h): h is string => typeof h === "string" && h.trim() !== "");
  return [...new Set(hosts.map((h) => h.trim()))].sort();
}
