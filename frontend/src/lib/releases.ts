// The interactive search table: its columns, Radarr's sort rules, ages, peers and each release's
// state; and the failed indexers the server names in a header. Pure.
import type { Release } from "../api/releases";

export interface IndexerError {
  indexerId: number;
  indexer: string;
  message: string;
}

/** The X-Indexer-Errors header (a JSON list of {indexerId, indexer, message}); nothing when absent or unreadable. */
export function parseIndexerErrors(header: string | null): IndexerError[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
      .map((e) => ({ indexerId: Number(e.indexerId) || 0, indexer: String(e.indexer ?? ""), message: String(e.message ?? "") }));
  } catch {
    return [];
  }
}

export type SortDirection = "ascending" | "descending";

export type ReleaseColumn =
  | "releaseWeight"
  | "protocol"
  | "age"
  | "title"
  | "indexer"
  | "size"
  | "peers"
  | "languages"
  | "quality"
  | "customFormatScore"
  | "indexerFlags"
  | "rejections";

/**
 * Radarr's interactive search columns, in its order. When grabbing exists (the downloads issue's
 * POST /release), a "grab" column goes last and each row gets its button there.
 */
export const RELEASE_COLUMNS: { key: ReleaseColumn; label: string; firstDirection: SortDirection }[] = [
  { key: "releaseWeight", label: "Rank", firstDirection: "ascending" },
  { key: "protocol", label: "Source", firstDirection: "ascending" },
  { key: "age", label: "Age", firstDirection: "ascending" },
  { key: "title", label: "Title", firstDirection: "ascending" },
  { key: "indexer", label: "Indexer", firstDirection: "ascending" },
  { key: "size", label: "Size", firstDirection: "descending" },
  { key: "peers", label: "Peers", firstDirection: "descending" },
  { key: "languages", label: "Language", firstDirection: "ascending" },
  { key: "quality", label: "Quality", firstDirection: "descending" },
  { key: "customFormatScore", label: "Score", firstDirection: "descending" },
  { key: "indexerFlags", label: "Flags", firstDirection: "ascending" },
  { key: "rejections", label: "Decision", firstDirection: "ascending" },
];

/** Where Reelarr's ranking puts a release: 1 is what an automatic search would grab. */
export const DEFAULT_SORT: { key: ReleaseColumn; direction: SortDirection } = { key: "releaseWeight", direction: "ascending" };

/** The value a column sorts by (Radarr's sortPredicates: peers by seeders then leechers; flags and rejections after the rest). */
function sortValue(release: Release, key: ReleaseColumn): number | string {
  switch (key) {
    case "protocol":
      return release.protocol;
    case "age":
      return release.ageMinutes;
    case "title":
      return release.title.toLowerCase();
    case "indexer":
      return (release.indexer ?? "").toLowerCase();
    case "size":
      return release.size;
    case "peers":
      return (release.seeders ?? 0) * 1_000_000 + (release.leechers ?? 0);
    case "languages":
      return release.languages.length > 1 ? 10_000 : (release.languages[0]?.id ?? 0);
    case "quality":
      return release.qualityWeight;
    case "customFormatScore":
      return release.customFormatScore;
    case "indexerFlags":
      return (release.indexerFlags?.length ?? 0) === 0 ? release.releaseWeight + 1_000_000 : release.releaseWeight;
    case "rejections":
      return release.rejections.length > 0 ? release.releaseWeight + 1_000_000 : release.releaseWeight;
    case "releaseWeight":
      return release.releaseWeight;
  }
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** The releases sorted by a column; ties keep Reelarr's ranking. */
export function sortReleases(releases: readonly Release[], key: ReleaseColumn, direction: SortDirection): Release[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...releases].sort((a, b) => sign * compare(sortValue(a, key), sortValue(b, key)) || a.releaseWeight - b.releaseWeight);
}

/** Clicking a column: the other direction when it is the sorted one, else its first direction. */
export function nextSort(current: { key: ReleaseColumn; direction: SortDirection }, key: ReleaseColumn): { key: ReleaseColumn; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  const column = RELEASE_COLUMNS.find((c) => c.key === key);
  return { key, direction: column?.firstDirection ?? "ascending" };
}

const plural = (count: string, unit: string) => `${count} ${unit}${count === "1" || count === "1.0" ? "" : "s"}`;

/** A release's age as Radarr writes it: minutes under two hours, hours under two days, then days. */
export function formatAge(release: Pick<Release, "age" | "ageHours" | "ageMinutes">): string {
  if (release.ageMinutes < 120) return plural(Math.max(0, Math.round(release.ageMinutes)).toString(), "minute");
  if (release.ageHours < 48) return plural(release.ageHours.toFixed(1), "hour");
  return plural(String(release.age), "day");
}

/** Seeders and leechers of a torrent ("40 seeders, 3 leechers" read as "40 / 3"); nothing for usenet. */
export function peersText(release: Pick<Release, "protocol" | "seeders" | "leechers">): string {
  if (release.protocol !== "torrent") return "—";
  return `${release.seeders ?? "?"} / ${release.leechers ?? "?"}`;
}

/** A score with its sign, as Radarr shows it ("+50", "-10000", "0"). */
export function formatScore(score: number): string {
  return score > 0 ? `+${score}` : String(score);
}

/** An indexer flag's name for people: "G_Freeleech" -> "Freeleech", "PTP_Golden" -> "Golden". */
export function flagLabel(flag: string): string {
  return flag.replace(/^(G|PTP)_/, "").replace(/_/g, " ");
}

export type ReleaseState = { label: "Acceptable" | "Waiting" | "Rejected"; tone: "completed" | "started" | "failed" };

/** Whether a release would be grabbed: acceptable, refused for now (a delay, a minimum age), or refused. */
export function releaseState(release: Pick<Release, "approved" | "temporarilyRejected" | "rejections">): ReleaseState {
  if (release.approved) return { label: "Acceptable", tone: "completed" };
  if (release.temporarilyRejected) return { label: "Waiting", tone: "started" };
  return { label: "Rejected", tone: "failed" };
}
