import { matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";
import {
  addressOf,
  answeredAddresses,
  FORMER_ADDRESSES,
  movieAddress,
  PAGE_IDS,
  RADARR_ADDRESSES,
  REELARR_ADDRESSES,
  tmdbIdFromSlug,
} from "./addresses";

// Radarr's page routes (frontend/src/App/AppRoutes.tsx, develop 2025-11).
const RADARR_ROUTES = [
  "/",
  "/add/new",
  "/collections",
  "/add/import",
  "/add/discover",
  "/movie/:titleSlug",
  "/calendar",
  "/activity/history",
  "/activity/queue",
  "/activity/blocklist",
  "/wanted/missing",
  "/wanted/cutoffunmet",
  "/settings",
  "/settings/mediamanagement",
  "/settings/profiles",
  "/settings/quality",
  "/settings/customformats",
  "/settings/indexers",
  "/settings/downloadclients",
  "/settings/importlists",
  "/settings/connect",
  "/settings/metadata",
  "/settings/tags",
  "/settings/general",
  "/settings/ui",
  "/system/status",
  "/system/tasks",
  "/system/backup",
  "/system/updates",
  "/system/events",
  "/system/logs/files",
];

const routes = () => [
  ...answeredAddresses().map(({ address, page }) => ({ path: address, id: page })),
  ...Object.keys(FORMER_ADDRESSES).map((path) => ({ path, id: `former ${path}` })),
  { path: "*", id: "not found" },
];
const pageAt = (path: string) => matchRoutes(routes(), path)?.at(-1)?.route.id;

describe("Radarr's addresses", () => {
  it("are listed once each, all 31 of them", () => {
    const listed = RADARR_ADDRESSES.map((a) => a.address);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...RADARR_ROUTES].sort());
  });

  it("open Reelarr's page where it has one, and the not-found page elsewhere", () => {
    for (const { address, page } of RADARR_ADDRESSES) {
      const concrete = address.replace(":titleSlug", "603");
      expect(pageAt(concrete), address).toBe(page ?? "not found");
    }
    expect(pageAt("/movie/603")).toBe("movie");
    expect(pageAt("/settings/nothing")).toBe("not found");
  });

  it("name only pages the app knows", () => {
    for (const { page } of [...RADARR_ADDRESSES, ...REELARR_ADDRESSES]) {
      if (page !== null) expect(PAGE_IDS).toContain(page);
    }
  });

  it("give every page one address, and Reelarr's own addresses do not hide Radarr's", () => {
    const answered = answeredAddresses();
    expect(new Set(answered.map((a) => a.address)).size).toBe(answered.length);
    for (const page of PAGE_IDS) expect(answered.some((a) => a.page === page), page).toBe(true);
    for (const { address } of REELARR_ADDRESSES) expect(RADARR_ROUTES).not.toContain(address);
  });
});

describe("Reelarr's former addresses", () => {
  it("lead to a page that answers, never to another former address", () => {
    for (const [former, address] of Object.entries(FORMER_ADDRESSES)) {
      expect(pageAt(former)).toBe(`former ${former}`);
      expect(pageAt(address), `${former} -> ${address}`).not.toMatch(/^(former|not found)/);
    }
  });

  it("send the library, add and import pages to Radarr's addresses", () => {
    expect(FORMER_ADDRESSES["/movies"]).toBe(addressOf("movies"));
    expect(FORMER_ADDRESSES["/add"]).toBe(addressOf("addMovie"));
    expect(FORMER_ADDRESSES["/import"]).toBe(addressOf("importLibrary"));
    expect(FORMER_ADDRESSES["/settings/media"]).toBe(addressOf("mediaManagement"));
  });
});

describe("movie addresses", () => {
  it("are Radarr's /movie/{titleSlug}, the slug being the TMDB id", () => {
    expect(movieAddress({ tmdbId: 603 })).toBe("/movie/603");
    expect(tmdbIdFromSlug("603")).toBe(603);
  });

  it("refuse slugs that cannot be a TMDB id", () => {
    for (const slug of [undefined, "", "0", "-3", "the-matrix-1999", "6.03", "1e3", "99999999999", "2147483648"]) {
      expect(tmdbIdFromSlug(slug), String(slug)).toBeNull();
    }
    expect(tmdbIdFromSlug("2147483647")).toBe(2147483647);
  });
});
