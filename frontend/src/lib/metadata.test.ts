import { describe, expect, it } from "vitest";
import type { MetadataProvider } from "../api/metadata";
import { metadataWriters } from "./metadata";

const kind = (implementation: string, implementationName: string): MetadataProvider => ({
  id: 0,
  name: "",
  enable: false,
  implementation,
  implementationName,
  configContract: `${implementation}Settings`,
  tags: [],
  fields: [{ order: 0, name: "movieMetadata", value: true, advanced: false, privacy: "normal", isFloat: false }],
});

describe("metadataWriters", () => {
  const schema = [kind("MediaBrowserMetadata", "Emby (Legacy)"), kind("XbmcMetadata", "Kodi (XBMC) / Emby"), kind("WdtvMetadata", "WDTV")];

  it("offers every kind once: the saved writer, else the kind's blank settings under Radarr's name", () => {
    const saved = { ...kind("XbmcMetadata", "Kodi (XBMC) / Emby"), id: 4, name: "Kodi", enable: true };
    const writers = metadataWriters([saved], schema);
    expect(writers.map((w) => [w.id, w.name, w.enable])).toEqual([
      [0, "Emby (Legacy)", false],
      [4, "Kodi", true],
      [0, "WDTV", false],
    ]);
  });
});
