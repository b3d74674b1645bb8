import { describe, expect, it } from "vitest";
import type { DelayProfile } from "../api/profiles";
import { delayText, isGlobal, moveDelayProfile, newDelayProfile, protocolChoice, protocolLabel, withProtocolChoice } from "./delayProfiles";

const profile = (id: number, over: Partial<DelayProfile> = {}): DelayProfile => ({ ...newDelayProfile(), id, tags: id === 1 ? [] : [id], ...over });

describe("the protocol choice", () => {
  it("reads the three values as Radarr's one select", () => {
    expect(protocolChoice(profile(2))).toBe("preferUsenet");
    expect(protocolChoice(profile(2, { preferredProtocol: "torrent" }))).toBe("preferTorrent");
    expect(protocolChoice(profile(2, { enableTorrent: false }))).toBe("onlyUsenet");
    expect(protocolChoice(profile(2, { enableUsenet: false, preferredProtocol: "torrent" }))).toBe("onlyTorrent");
    expect(protocolLabel(profile(2, { enableUsenet: false, preferredProtocol: "torrent" }))).toBe("Only Torrent");
  });

  it("writes the three values back, round trip for every choice", () => {
    for (const choice of ["preferUsenet", "preferTorrent", "onlyUsenet", "onlyTorrent"] as const) {
      expect(protocolChoice(withProtocolChoice(profile(2), choice))).toBe(choice);
    }
    expect(withProtocolChoice(profile(2), "onlyTorrent")).toMatchObject({ enableUsenet: false, enableTorrent: true, preferredProtocol: "torrent" });
  });
});

describe("delays", () => {
  it("read as words, none as No delay, an unused protocol's as a dash", () => {
    expect(delayText(0)).toBe("No delay");
    expect(delayText(90)).toBe("1 hour 30 minutes");
    expect(delayText(60, false)).toBe("—");
  });
});

describe("moving a profile", () => {
  // In order, the global one (id 1) last.
  const list = [profile(4), profile(2), profile(3), profile(1)];

  it("up: behind the one two places above, or first", () => {
    expect(moveDelayProfile(list, 2, "up")).toEqual({ id: 3, after: 4 });
    expect(moveDelayProfile(list, 1, "up")).toEqual({ id: 2, after: null });
    expect(moveDelayProfile(list, 0, "up")).toBeNull();
  });

  it("down: behind the one below, never below the global profile", () => {
    expect(moveDelayProfile(list, 0, "down")).toEqual({ id: 4, after: 2 });
    expect(moveDelayProfile(list, 2, "down")).toBeNull();
  });

  it("never moves the global profile", () => {
    expect(isGlobal(list[3]!)).toBe(true);
    expect(moveDelayProfile(list, 3, "up")).toBeNull();
  });
});
