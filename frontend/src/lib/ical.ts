// The address of the iCal feed, as Radarr's calendar link builds it. Pure.

export interface FeedOptions {
  /** The page's origin, e.g. "http://192.168.1.5:7878". */
  origin: string;
  /** The reverse-proxy prefix ("" at the root). */
  urlBase: string;
  apiKey: string;
  unmonitored: boolean;
  pastDays: number;
  futureDays: number;
  tagIds: readonly number[];
}

/** Calendar apps ask for years; more than ten is never needed (the server clamps there too). */
export const MAX_FEED_DAYS = 3650;

/** A day count the feed accepts: a whole number from 0 to MAX_FEED_DAYS (bad input counts as 0). */
export function feedDays(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_FEED_DAYS, Math.max(0, Math.trunc(value)));
}

/** The feed's http(s) address: /feed/v3/calendar/radarr.ics with the options and the API key. */
export function icalFeedUrl(options: FeedOptions): string {
  const params = new URLSearchParams();
  if (options.unmonitored) params.set("unmonitored", "true");
  if (options.tagIds.length > 0) params.set("tags", options.tagIds.join(","));
  params.set("pastDays", String(feedDays(options.pastDays)));
  params.set("futureDays", String(feedDays(options.futureDays)));
  params.set("apikey", options.apiKey);
  const base = options.urlBase.replace(/\/+$/, "");
  return `${options.origin.replace(/\/+$/, "")}${base}/feed/v3/calendar/radarr.ics?${params.toString().replace(/%2C/g, ",")}`;
}

/** The same address for "subscribe" links, which calendar apps open (webcal://). */
export function webcalUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:\/\//i, "webcal://");
}
