import { describe, expect, it } from "vitest";
import type { QualityProfile, QualityProfileItem } from "../api/types";
import {
  allowedNames,
  canMove,
  cutoffOptions,
  ensureCutoff,
  formatScoreOrder,
  groupWithBelow,
  itemName,
  moveItem,
  nextGroupId,
  removeFromGroup,
  renameGroup,
  setAllowed,
  ungroup,
  withItems,
} from "./qualityProfile";

const q = (id: number, name: string, allowed = false): QualityProfileItem => ({ quality: { id, name }, items: [], allowed });
const group = (id: number, name: string, members: QualityProfileItem[], allowed = false): QualityProfileItem => ({
  id,
  name,
  items: members.map((m) => ({ ...m, allowed })),
  allowed,
});

// Least preferred first, as the server sends them.
const SD = q(1, "SDTV");
const WEB = group(1001, "WEB 720p", [q(5, "WEBDL-720p"), q(14, "WEBRip-720p")], true);
const BLURAY = q(6, "Bluray-720p", true);
const REMUX = q(30, "Remux-1080p");
const items = [SD, WEB, BLURAY, REMUX];
const names = (rows: QualityProfileItem[]) => rows.map((row) => (row.items.length ? `${itemName(row)}[${row.items.map(itemName)}]` : itemName(row)));

const profile = (cutoff: number, rows = items): QualityProfile => ({
  id: 1,
  name: "HD",
  upgradeAllowed: true,
  cutoff,
  items: rows,
  minFormatScore: 0,
  cutoffFormatScore: 0,
  minUpgradeFormatScore: 1,
  formatItems: [],
});

describe("moving rows", () => {
  it("moves a top-level row (a group as one) towards more or less preferred", () => {
    expect(names(moveItem(items, [2], "up"))).toEqual(["SDTV", "WEB 720p[WEBDL-720p,WEBRip-720p]", "Remux-1080p", "Bluray-720p"]);
    expect(names(moveItem(items, [1], "down"))).toEqual(["WEB 720p[WEBDL-720p,WEBRip-720p]", "SDTV", "Bluray-720p", "Remux-1080p"]);
  });

  it("keeps a quality of a group inside it", () => {
    expect(names(moveItem(items, [1, 0], "up"))[1]).toBe("WEB 720p[WEBRip-720p,WEBDL-720p]");
    expect(canMove(items, [1, 1], "up")).toBe(false);
    expect(canMove(items, [1, 0], "down")).toBe(false);
  });

  it("goes no further than the ends", () => {
    expect(canMove(items, [3], "up")).toBe(false);
    expect(canMove(items, [0], "down")).toBe(false);
    expect(moveItem(items, [3], "up")).toEqual(items);
  });
});

describe("groups", () => {
  it("gives a new group an id above the others", () => {
    expect(nextGroupId(items)).toBe(1002);
    expect(nextGroupId([SD])).toBe(1001);
  });

  it("puts two qualities into a new group named after the upper one, allowed if either was", () => {
    const merged = groupWithBelow(items, 3);
    expect(names(merged)).toEqual(["SDTV", "WEB 720p[WEBDL-720p,WEBRip-720p]", "Remux-1080p[Bluray-720p,Remux-1080p]"]);
    expect(merged[2]).toMatchObject({ id: 1002, allowed: true });
    expect(merged[2]?.items.every((m) => m.allowed)).toBe(true);
  });

  it("lets a quality join the group next to it, above or below", () => {
    expect(names(groupWithBelow(items, 2))[1]).toBe("WEB 720p[WEBDL-720p,WEBRip-720p,Bluray-720p]");
    expect(names(groupWithBelow(items, 1))[0]).toBe("WEB 720p[SDTV,WEBDL-720p,WEBRip-720p]");
  });

  it("ungroups in place, the qualities keeping the group's allowed state", () => {
    const flat = ungroup(items, 1);
    expect(names(flat)).toEqual(["SDTV", "WEBDL-720p", "WEBRip-720p", "Bluray-720p", "Remux-1080p"]);
    expect(flat.slice(1, 3).every((row) => row.allowed)).toBe(true);
  });

  it("takes a quality out of its group to just below it, and drops a group left empty", () => {
    const out = removeFromGroup(items, 1, 0);
    expect(names(out)).toEqual(["SDTV", "WEBDL-720p", "WEB 720p[WEBRip-720p]", "Bluray-720p", "Remux-1080p"]);
    expect(names(removeFromGroup(out, 2, 0))).toEqual(["SDTV", "WEBDL-720p", "WEBRip-720p", "Bluray-720p", "Remux-1080p"]);
  });

  it("renames groups only", () => {
    expect(renameGroup(items, 1, "Web")[1]?.name).toBe("Web");
    expect(renameGroup(items, 0, "x")[0]).toEqual(SD);
  });
});

describe("allowed qualities and the cutoff", () => {
  it("allows or refuses a group with all its qualities", () => {
    const refused = setAllowed(items, 1, false);
    expect(refused[1]?.allowed).toBe(false);
    expect(refused[1]?.items.some((m) => m.allowed)).toBe(false);
  });

  it("offers the allowed rows as cutoffs, most preferred first", () => {
    expect(cutoffOptions(items)).toEqual([
      { id: 6, name: "Bluray-720p" },
      { id: 1001, name: "WEB 720p" },
    ]);
    expect(allowedNames(items)).toEqual(["Bluray-720p", "WEB 720p"]);
  });

  it("keeps an allowed cutoff", () => {
    expect(ensureCutoff(profile(6)).cutoff).toBe(6);
  });

  it("moves a cutoff that is no longer allowed to the least preferred allowed row", () => {
    expect(withItems(profile(6), setAllowed(items, 2, false)).cutoff).toBe(1001);
    expect(withItems(profile(6), items.map((row) => ({ ...row, allowed: false }))).cutoff).toBe(0);
  });

  it("hands the cutoff to the group its quality went into", () => {
    expect(withItems(profile(6), groupWithBelow(items, 3)).cutoff).toBe(1002);
    expect(withItems(profile(6), groupWithBelow(items, 2)).cutoff).toBe(1001);
  });
});

describe("format scores", () => {
  it("are listed as Radarr lists them: highest score first, then by name with numbers in order", () => {
    const items = [
      { format: 1, name: "x265", score: 0 },
      { format: 2, name: "HDR10+", score: 50 },
      { format: 3, name: "Tier 10", score: 0 },
      { format: 4, name: "Tier 2", score: 0 },
      { format: 5, name: "BR-DISK", score: -10000 },
    ];
    expect(formatScoreOrder(items).map((i) => items[i]!.name)).toEqual(["HDR10+", "Tier 2", "Tier 10", "x265", "BR-DISK"]);
    expect(formatScoreOrder([])).toEqual([]);
  });
});
