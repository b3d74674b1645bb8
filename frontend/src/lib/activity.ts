// Activity pages: queue progress, time left and status (as Radarr's queue words them), history
// event types and details, and page counts. Pure.
import type { HistoryRecord, QueueItem } from "../api/activity";
import { formatBytes } from "./format";

/** How far a download is, 0 to 1 (0 while its size is unknown). */
export function queueProgress(item: Pick<QueueItem, "size" | "sizeleft">): number {
  if (!(item.size > 0)) return 0;
  const done = (item.size - Math.max(0, item.sizeleft)) / item.size;
  return Math.min(1, Math.max(0, done));
}

/**
 * A .NET time span ("[d.]hh:mm:ss[.fffffff]") as Radarr's queue shows time left: "02:05:09",
 * "1d 02:05:09"; "—" when unknown.
 */
export function formatTimeLeft(value: string | null | undefined): string {
  if (!value) return "—";
  const match = /^(?:(\d+)\.)?(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value.trim());
  if (!match) return value;
  const days = Number(match[1] ?? 0) + Math.floor(Number(match[2]) / 24);
  const hours = String(Number(match[2]) % 24).padStart(2, "0");
  const clock = `${hours}:${match[3]}:${match[4]}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

export type Tone = "ok" | "notice" | "warning" | "error" | "muted";

export interface QueueStatusView {
  /** What the row's status says ("Downloading", "Downloaded - Waiting to import"). */
  label: string;
  tone: Tone;
  /** The icon the status gets: a warning or an error; none while all is well. */
  icon: "warning" | "error" | null;
  /** Whether the row's status messages are shown with it (blocked imports, warnings, errors). */
  showMessages: boolean;
}

const COMPLETED_STATES: Record<string, string> = {
  importPending: "Downloaded - Waiting to import",
  importing: "Downloaded - Importing",
  importBlocked: "Downloaded - Unable to import automatically",
  failedPending: "Downloaded - Waiting to process",
  imported: "Downloaded - Imported",
};

const STATUSES: Record<string, [string, Tone]> = {
  queued: ["Queued", "notice"],
  paused: ["Paused", "muted"],
  delay: ["Pending", "notice"],
  downloadClientUnavailable: ["Download client unavailable", "error"],
  failed: ["Download failed", "error"],
  warning: ["Download warning: check the download client", "warning"],
  downloading: ["Downloading", "notice"],
};

/** Radarr's QueueStatus: the client's status, then what Reelarr is doing with the download. */
export function queueStatus(item: Pick<QueueItem, "status" | "trackedDownloadState" | "trackedDownloadStatus" | "statusMessages" | "errorMessage">): QueueStatusView {
  const state = item.trackedDownloadState;
  const health = item.trackedDownloadStatus ?? "ok";
  const icon = health === "error" ? "error" : health === "warning" ? "warning" : null;
  let label: string;
  let tone: Tone;
  if (state && COMPLETED_STATES[state]) {
    label = COMPLETED_STATES[state];
    tone = state === "importBlocked" ? "warning" : state === "failedPending" ? "error" : "ok";
  } else {
    [label, tone] = STATUSES[item.status] ?? [item.status ? item.status[0]!.toUpperCase() + item.status.slice(1) : "Unknown", "muted"];
  }
  if (health === "error") tone = "error";
  else if (health === "warning" && tone !== "error") tone = "warning";
  const hasMessages = item.statusMessages.length > 0 || Boolean(item.errorMessage);
  const showMessages = hasMessages && (state === "importBlocked" || state === "failedPending" || icon !== null);
  return { label, tone, icon, showMessages };
}

/** The lines to show for a queue row's messages: "Title: message" for each, and the client's error. */
export function queueMessages(item: Pick<QueueItem, "statusMessages" | "errorMessage">): string[] {
  const lines: string[] = [];
  for (const { title, messages } of item.statusMessages) {
    if (messages.length === 0) lines.push(title);
    for (const message of messages) lines.push(title && title !== message ? `${title}: ${message}` : message);
  }
  if (item.errorMessage && !lines.includes(item.errorMessage)) lines.push(item.errorMessage);
  return lines;
}

/** Radarr's history event types: the API's name, its number (for the filter) and how the UI says it. */
export const HISTORY_EVENTS = [
  { type: "grabbed", id: 1, label: "Grabbed" },
  { type: "downloadFolderImported", id: 3, label: "Imported" },
  { type: "downloadFailed", id: 4, label: "Download failed" },
  { type: "movieFileDeleted", id: 6, label: "File deleted" },
  { type: "movieFolderImported", id: 7, label: "Folder imported" },
  { type: "movieFileRenamed", id: 8, label: "File renamed" },
  { type: "downloadIgnored", id: 9, label: "Download ignored" },
] as const;

export function historyEventLabel(type: string): string {
  return HISTORY_EVENTS.find((e) => e.type === type)?.label ?? (type || "Unknown");
}

/** The details Radarr's history shows, in its order; the rest of `data` is for machines (URLs with keys, ids). */
const DETAIL_LABELS: [string, string][] = [
  ["indexer", "Indexer"],
  ["releaseGroup", "Release group"],
  ["downloadClientName", "Download client"],
  ["message", "Message"],
  ["reason", "Reason"],
  ["droppedPath", "Source"],
  ["importedPath", "Imported to"],
  ["sourcePath", "Source"],
  ["path", "Path"],
  ["size", "Size"],
  ["age", "Age"],
  ["publishedDate", "Published"],
  ["nzbInfoUrl", "Info URL"],
  ["transferMode", "Transfer"],
];

/** Why a file was deleted, as Radarr's history details word each reason its history keeps. */
const DELETE_REASONS: Record<string, string> = {
  Manual: "File was deleted using Reelarr, either manually or by another tool through the API",
  MissingFromDisk: "Reelarr was unable to find the file on disk so the file was unlinked from the movie in the database",
  Upgrade: "File was deleted to import an upgrade",
};

/** What a history row's `data` says, as [label, value] pairs in Radarr's order; empty values left out. */
export function historyDetails(
  record: Pick<HistoryRecord, "data"> & { eventType?: string },
  formatDate: (iso: string) => string = (iso) => iso,
): [string, string][] {
  const data = record.data ?? {};
  const text = (key: string) => {
    const value = data[key];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const details: [string, string][] = [];
  for (const [key, label] of DETAIL_LABELS) {
    // The client's name, else its type ("QBittorrent") when the name was not kept.
    const value = key === "downloadClientName" ? (text(key) ?? text("downloadClient")) : text(key);
    if (value === undefined) continue;
    if (key === "size") details.push([label, Number.isFinite(Number(value)) ? formatBytes(Number(value)) : value]);
    else if (key === "age") details.push([label, /^\d+$/.test(value) ? `${value} ${value === "1" ? "day" : "days"}` : value]);
    else if (key === "publishedDate") details.push([label, formatDate(value)]);
    else if (key === "reason" && record.eventType === "movieFileDeleted") details.push([label, DELETE_REASONS[value] ?? value]);
    else details.push([label, value]);
  }
  return details;
}

/** How many pages `total` rows fill (at least one, so "page 1 of 1" reads right when empty). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, pageSize)));
}
