import { describe, expect, it } from "vitest";
import type { Command } from "../api/types";
import { reconnectDelay } from "./backoff";
import { latestCommandFor } from "./commands";
import { readCookie } from "./cookies";

describe("readCookie", () => {
  it("finds a cookie by exact name among others", () => {
    const cookies = "theme=dark; reelarr_csrf=abc%2F123; reelarr_csrf_old=zzz";
    expect(readCookie(cookies, "reelarr_csrf")).toBe("abc/123");
    expect(readCookie(cookies, "missing")).toBeUndefined();
    expect(readCookie("", "reelarr_csrf")).toBeUndefined();
  });
});

describe("reconnectDelay", () => {
  it("doubles from one second, capped at thirty, jittered within the upper half", () => {
    expect(reconnectDelay(1, () => 1)).toBe(1000);
    expect(reconnectDelay(1, () => 0)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe("latestCommandFor", () => {
  const command = (id: number, name: string, status: Command["status"]): Command => ({ id, name, status });

  it("picks the newest command for the task, whatever the name's case", () => {
    const commands = [command(3, "RssSync", "completed"), command(7, "rsssync", "started"), command(9, "Backup", "queued")];
    expect(latestCommandFor(commands, "RssSync")?.id).toBe(7);
    expect(latestCommandFor(commands, "Housekeeping")).toBeUndefined();
    expect(latestCommandFor(undefined, "RssSync")).toBeUndefined();
  });
});
