// How the Events page shows a log record's level.
import type { Tone } from "./activity";

/** The level filters of Radarr's Events page: each keeps its level and those above it. */
export const LEVEL_FILTERS = [
  { value: "", label: "All" },
  { value: "info", label: "Info" },
  { value: "warn", label: "Warn" },
  { value: "error", label: "Error" },
] as const;

const TONES: Record<string, Tone> = { fatal: "error", error: "error", warn: "warning", info: "notice" };

/** The badge tone of a level (debug and trace are muted). */
export function levelTone(level: string): Tone {
  return TONES[level] ?? "muted";
}

/** A level's name as the page shows it ("warn" -> "Warn"). */
export function levelLabel(level: string): string {
  return level ? level.charAt(0).toUpperCase() + level.slice(1) : "Unknown";
}

export interface LogRequest {
  page: number;
  pageSize: number;
  /** Radarr's filter: this level and those above it; "" for every record. */
  level: string;
}

/** The query string Radarr's Events page sends: newest first, with `level` when filtering. */
export function logQuery(request: LogRequest): string {
  const params = new URLSearchParams({
    page: String(request.page),
    pageSize: String(request.pageSize),
    sortKey: "time",
    sortDirection: "descending",
  });
  if (request.level) params.set("level", request.level);
  return params.toString();
}

