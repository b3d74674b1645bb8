// Display formats for the system pages. Pure: no clock unless passed in.

const UNITS: [number, string][] = [
  [60 * 24 * 7, "week"],
  [60 * 24, "day"],
  [60, "hour"],
  [1, "minute"],
];

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** A task interval in minutes as words: 15 -> "15 minutes", 360 -> "6 hours", 90 -> "1 hour 30 minutes". */
export function formatInterval(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return "Manual";
  const parts: string[] = [];
  let rest = Math.round(minutes);
  for (const [size, unit] of UNITS) {
    if (rest >= size) {
      parts.push(plural(Math.floor(rest / size), unit));
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** A .NET-style "[d.]hh:mm:ss[.fffffff]" duration as "1.25 s", "2 min 5 s", "1 h 2 min". */
export function formatDuration(value: string | null | undefined): string {
  if (!value) return "—";
  const match = /^(?:(\d+)\.)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!match) return value;
  const days = Number(match[1] ?? 0);
  const hours = Number(match[2]) + days * 24;
  const minutes = Number(match[3]);
  const seconds = Number(match[4]);
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return `${minutes} min ${Math.floor(seconds)} s`;
  if (seconds < 10) return `${Number(seconds.toFixed(2))} s`;
  return `${Math.round(seconds)} s`;
}

/** True for a missing date or .NET's "never" (0001-01-01). */
export function isNever(value: string | null | undefined): boolean {
  if (!value) return true;
  const time = Date.parse(value);
  return Number.isNaN(time) || new Date(time).getUTCFullYear() < 1971;
}

/** A timestamp in the user's locale, or "Never". */
export function formatDateTime(value: string | null | undefined): string {
  if (isNever(value)) return "Never";
  return new Date(value as string).toLocaleString();
}

/** Time since `start` as "3 days 4 hours", using `now` (ms since epoch). */
export function formatSince(start: string | null | undefined, now: number): string {
  if (isNever(start)) return "—";
  const minutes = Math.max(0, Math.floor((now - Date.parse(start as string)) / 60_000));
  return minutes < 1 ? "less than a minute" : formatInterval(minutes);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** A size in bytes as "1.4 GiB" (binary units, as Radarr shows them); "—" when unknown. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/**
 * A release date as "Mar 31, 1999". The API sends dates as midnight UTC, so they are shown in UTC:
 * in the user's zone a date could fall on the day before.
 */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (isNever(value)) return "—";
  return new Date(value as string).toLocaleDateString(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

/** A runtime in minutes as "2h 16m"; "—" when unknown. */
export function formatRuntime(minutes: number | null | undefined): string {
  if (!minutes || minutes <= 0) return "—";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
