import { describe, expect, it } from "vitest";
import { levelLabel, levelTone, logQuery } from "./logs";

describe("log levels", () => {
  it("are shown with a name and a tone", () => {
    expect(levelLabel("warn")).toBe("Warn");
    expect(levelTone("fatal")).toBe("error");
    expect(levelTone("warn")).toBe("warning");
    expect(levelTone("debug")).toBe("muted");
  });
});

describe("the log query", () => {
  it("asks newest first, with Radarr's level filter only when one is chosen", () => {
    expect(logQuery({ page: 2, pageSize: 50, level: "" })).toBe("page=2&pageSize=50&sortKey=time&sortDirection=descending");
    expect(logQuery({ page: 1, pageSize: 50, level: "error" })).toContain("&level=error");
  });
});
