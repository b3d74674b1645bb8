import { describe, expect, it } from "vitest";
import { liveUrlFrom, safeReturnPath, urlBaseFrom } from "./paths";

describe("urlBaseFrom", () => {
  it.each([
    [null, ""],
    ["http://host:7878/", ""],
    ["http://host/reelarr/", "/reelarr"],
    ["https://host/a/b/", "/a/b"],
  ])("%s -> %j", (href, base) => expect(urlBaseFrom(href)).toBe(base));
});

describe("liveUrlFrom", () => {
  it("follows the page's scheme and the URL base", () => {
    expect(liveUrlFrom("http://127.0.0.1:7878", "")).toBe("ws://127.0.0.1:7878/ws");
    expect(liveUrlFrom("https://example.org", "/reelarr")).toBe("wss://example.org/reelarr/ws");
  });
});

describe("safeReturnPath", () => {
  it.each([
    [null, "", "/"],
    ["/system/tasks", "", "/system/tasks"],
    ["/reelarr/system/tasks?x=1", "/reelarr", "/system/tasks?x=1"],
    ["/reelarr", "/reelarr", "/"],
    ["/system/status", "/reelarr", "/system/status"],
    ["/login?returnUrl=/x", "", "/"],
    ["/reelarr/setup", "/reelarr", "/"],
  ])("keeps in-app paths: %j under %j -> %j", (url, base, path) => expect(safeReturnPath(url, base)).toBe(path));

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "system"])(
    "never leaves the site: %j",
    (url) => expect(safeReturnPath(url, "")).toBe("/"),
  );
});
