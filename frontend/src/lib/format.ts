// How every page writes dates, times, durations and sizes. Pure: no clock unless passed in.
// Dates and times follow the user's date formats (Radarr's UI settings: /api/v3/config/ui), which
// reach the pages through useDateFormats(); until Reelarr stores them the defaults are Radarr's.

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

/** A runtime in minutes as "2h 16m"; "—" when unknown. */
export function formatRuntime(minutes: number | null | undefined): string {
  if (!minutes || minutes <= 0) return "—";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

// --- Dates and times ---------------------------------------------------------------------------

/** The user's date and time formats, in Radarr's (moment.js) tokens, as /api/v3/config/ui has them. */
export interface DateFormats {
  /** "MMM D YYYY", "DD MMM YYYY", "MM/D/YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD" */
  shortDateFormat: string;
  /** "dddd, MMMM D YYYY", "dddd, D MMMM YYYY" */
  longDateFormat: string;
  /** "h(:mm)a" (minutes only when not :00) or "HH:mm" */
  timeFormat: string;
  /** "Today at 3pm", "Tomorrow", "Friday" for the days around now, instead of the date. */
  showRelativeDates: boolean;
  /** 0 Sunday, 1 Monday. */
  firstDayOfWeek: 0 | 1;
}

/** Radarr's defaults, except the week, which Reelarr's calendar has always started on Monday. */
export const DEFAULT_DATE_FORMATS: DateFormats = {
  shortDateFormat: "MMM D YYYY",
  longDateFormat: "dddd, MMMM D YYYY",
  timeFormat: "h(:mm)a",
  showRelativeDates: true,
  firstDayOfWeek: 1,
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const TOKENS = /\[([^\]]*)]|\(:mm\)|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|a|A/g;
const two = (n: number) => String(n).padStart(2, "0");

interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

function fieldsOf(date: Date, utc: boolean): Fields {
  if (utc) {
    const [hours, minutes, seconds] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
    return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), weekday: date.getUTCDay(), hours, minutes, seconds };
  }
  const [hours, minutes, seconds] = [date.getHours(), date.getMinutes(), date.getSeconds()];
  return { year: date.getFullYear(), month: date.getMonth(), day: date.getDate(), weekday: date.getDay(), hours, minutes, seconds };
}

/**
 * A date written with moment.js tokens (YYYY, MMM, D, dddd, h, HH, mm, a, ...; [text] is literal;
 * "(:mm)" is ":mm" unless the minutes are 0). Local time unless `utc`.
 */
export function formatPattern(date: Date, pattern: string, utc = false): string {
  const f = fieldsOf(date, utc);
  const hours12 = f.hours % 12 === 0 ? 12 : f.hours % 12;
  return pattern.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "(:mm)": return f.minutes === 0 ? "" : `:${two(f.minutes)}`;
      case "YYYY": return String(f.year);
      case "YY": return two(f.year % 100);
      case "MMMM": return MONTHS[f.month]!;
      case "MMM": return MONTHS[f.month]!.slice(0, 3);
      case "MM": return two(f.month + 1);
      case "M": return String(f.month + 1);
      case "DD": return two(f.day);
      case "D": return String(f.day);
      case "dddd": return WEEKDAYS[f.weekday]!;
      case "ddd": return WEEKDAYS[f.weekday]!.slice(0, 3);
      case "HH": return two(f.hours);
      case "H": return String(f.hours);
      case "hh": return two(hours12);
      case "h": return String(hours12);
      case "mm": return two(f.minutes);
      case "ss": return two(f.seconds);
      case "a": return f.hours < 12 ? "am" : "pm";
      default: return f.hours < 12 ? "AM" : "PM";
    }
  });
}

/** True for a missing date or .NET's "never" (0001-01-01). */
export function isNever(value: string | null | undefined): boolean {
  if (!value) return true;
  const time = Date.parse(value);
  return Number.isNaN(time) || new Date(time).getUTCFullYear() < 1971;
}

/**
 * A calendar date from the API (release dates come as midnight UTC) in the short format; "—" when
 * none. Read in UTC: in the user's zone the date could fall on the day before.
 */
export function formatDate(value: string | null | undefined, formats: DateFormats): string {
  if (!value || Number.isNaN(Date.parse(value)) || new Date(value).getUTCFullYear() < 1900) return "—";
  return formatPattern(new Date(value), formats.shortDateFormat, true);
}

/** The user's local date of an instant (a file added, a film added) in the short format; "—" when none. */
export function formatLocalDate(value: string | null | undefined, formats: DateFormats): string {
  if (isNever(value)) return "—";
  return formatPattern(new Date(value as string), formats.shortDateFormat);
}

/** An instant in full ("Tuesday, November 25 2025 3:05pm"), for tooltips; "Never" when none. */
export function formatLongDateTime(value: string | null | undefined, formats: DateFormats): string {
  if (isNever(value)) return "Never";
  const date = new Date(value as string);
  return `${formatPattern(date, formats.longDateFormat)} ${formatPattern(date, formats.timeFormat)}`;
}

const DAY_MS = 86_400_000;

/** Whole local calendar days from `now` to `date` (0 today, 1 tomorrow, -1 yesterday). */
function dayOffset(date: Date, now: Date): number {
  const start = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((start(date) - start(now)) / DAY_MS);
}

/**
 * An instant in the user's zone: "Today at 3:05pm", "Yesterday at 9am", "Tomorrow at 1pm", "Friday
 * at 2pm" within the coming week (relative dates on), else "Nov 25 2025 3:05pm"; "Never" when none.
 */
export function formatDateTime(value: string | null | undefined, formats: DateFormats, now: number): string {
  if (isNever(value)) return "Never";
  const date = new Date(value as string);
  const time = formatPattern(date, formats.timeFormat);
  if (formats.showRelativeDates) {
    const days = dayOffset(date, new Date(now));
    if (days === 0) return `Today at ${time}`;
    if (days === -1) return `Yesterday at ${time}`;
    if (days === 1) return `Tomorrow at ${time}`;
    if (days > 1 && days < 7) return `${formatPattern(date, "dddd")} at ${time}`;
  }
  return `${formatPattern(date, formats.shortDateFormat)} ${time}`;
}
