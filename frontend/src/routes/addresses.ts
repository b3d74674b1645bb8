// Which page answers which address. Reelarr's pages live at Radarr's addresses, so links from
// Overseerr, Jellyseerr and a Radarr user's bookmarks land on the matching page. An address whose
// page is not built yet answers with the not-found page; the issue that builds a page flips its
// entry in radarrAddresses.json from null to the page's id.
import radarr from "./radarrAddresses.json";

export const PAGE_IDS = [
  "movies",
  "addMovie",
  "importLibrary",
  "collections",
  "discover",
  "movie",
  "calendar",
  "queue",
  "history",
  "blocklist",
  "missing",
  "cutoffUnmet",
  "settings",
  "mediaManagement",
  "profiles",
  "quality",
  "customFormats",
  "indexers",
  "downloadClients",
  "connect",
  "metadata",
  "importLists",
  "tags",
  "tmdb",
  "general",
  "ui",
  "updates",
  "status",
  "tasks",
  "events",
  "logFiles",
  "backup",
] as const;

export type PageId = (typeof PAGE_IDS)[number];

export interface Address {
  /** A router path ("/settings/profiles", "/movie/:titleSlug"). */
  address: string;
  /** The page that answers it; null while Reelarr has no such page. */
  page: PageId | null;
}

export function isPageId(value: unknown): value is PageId {
  return typeof value === "string" && (PAGE_IDS as readonly string[]).includes(value);
}

function checked(entries: readonly { address: string; page: string | null }[]): Address[] {
  return entries.map(({ address, page }) => {
    if (page !== null && !isPageId(page)) throw new Error(`Unknown page "${page}" for ${address}`);
    return { address, page };
  });
}

/** Every page address of Radarr's UI, with the Reelarr page answering it. */
export const RADARR_ADDRESSES: readonly Address[] = checked(radarr);

/** Pages Reelarr has and Radarr does not. */
export const REELARR_ADDRESSES: readonly Address[] = [{ address: "/settings/tmdb", page: "tmdb" }];

/** Reelarr's earlier addresses, sent on (with their query) so old bookmarks keep working. */
export const FORMER_ADDRESSES: Readonly<Record<string, string>> = {
  "/movies": "/",
  "/add": "/add/new",
  "/import": "/add/import",
  "/settings/media": "/settings/mediamanagement",
  "/system": "/system/status",
};

/** The addresses a page answers, Radarr's first. */
export function answeredAddresses(): (Address & { page: PageId })[] {
  return [...RADARR_ADDRESSES, ...REELARR_ADDRESSES].filter((a): a is Address & { page: PageId } => a.page !== null);
}

/** Where a page lives. */
export function addressOf(page: Exclude<PageId, "movie">): string {
  const found = answeredAddresses().find((a) => a.page === page);
  if (!found) throw new Error(`No address answers the ${page} page`);
  return found.address;
}

/** A library movie's page: Radarr's /movie/{titleSlug}; the API's titleSlug is the TMDB id, as Radarr's. */
export function movieAddress(movie: { tmdbId: number }): string {
  return `/movie/${movie.tmdbId}`;
}

const MAX_INT32 = 2 ** 31 - 1;

/** The TMDB id a /movie/{titleSlug} address names, or null when the slug cannot be one. */
export function tmdbIdFromSlug(slug: string | undefined): number | null {
  if (!slug || !/^\d{1,10}$/.test(slug)) return null;
  const id = Number(slug);
  return id > 0 && id <= MAX_INT32 ? id : null;
}
