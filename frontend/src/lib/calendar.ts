// Month grid and release events for the calendar page. Pure: "today" is passed in.
import type { Movie } from "../api/types";

export type ReleaseKind = "inCinemas" | "digitalRelease" | "physicalRelease";

export const RELEASE_LABELS: Record<ReleaseKind, string> = {
  inCinemas: "In cinemas",
  digitalRelease: "Digital release",
  physicalRelease: "Physical release",
};

export interface CalendarDay {
  /** "YYYY-MM-DD" */
  date: string;
  inMonth: boolean;
}

export interface ReleaseEvent<T extends Movie = Movie> {
  date: string;
  kind: ReleaseKind;
  movie: T;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a calendar date given as year, month (0-11), day; any overflow rolls over. */
export function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The user's local calendar date of an instant, as "YYYY-MM-DD". */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar day of an API date ("1999-03-31T00:00:00Z" -> "1999-03-31"); undefined if none. */
export function apiDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  if (date.getUTCFullYear() < 1900) return undefined;
  return isoDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Year and month (0-11) of "YYYY-MM-DD" or "YYYY-MM". */
export function parseMonth(value: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(value);
  if (!match) return undefined;
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11) return undefined;
  return { year: Number(match[1]), month };
}

/** The month `delta` months from year/month. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + month + delta;
  return { year: Math.floor(index / 12), month: ((index % 12) + 12) % 12 };
}

/**
 * The weeks showing a month, from the week holding its 1st to the week holding its last day;
 * `weekStartsOn` 0 is Sunday, 1 Monday.
 */
export function monthGrid(year: number, month: number, weekStartsOn: 0 | 1 = 1): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const lead = (first.getUTCDay() - weekStartsOn + 7) % 7;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const weeks: CalendarDay[][] = [];
  const total = Math.ceil((lead + daysInMonth) / 7) * 7;
  for (let i = 0; i < total; i += 1) {
    const dayNumber = i - lead + 1;
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push({ date: isoDate(year, month, dayNumber), inMonth: dayNumber >= 1 && dayNumber <= daysInMonth });
  }
  return weeks;
}

/** Every release of the movies between first and last ("YYYY-MM-DD", inclusive), by day, then title. */
export function releaseEvents<T extends Movie>(movies: readonly T[], first: string, last: string): Map<string, ReleaseEvent<T>[]> {
  const byDay = new Map<string, ReleaseEvent<T>[]>();
  for (const movie of movies) {
    for (const kind of ["inCinemas", "digitalRelease", "physicalRelease"] as const) {
      const date = apiDay(movie[kind]);
      if (!date || date < first || date > last) continue;
      const list = byDay.get(date) ?? [];
      list.push({ date, kind, movie });
      byDay.set(date, list);
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.movie.title.localeCompare(b.movie.title));
  return byDay;
}
