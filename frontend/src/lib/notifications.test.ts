import { describe, expect, it } from "vitest";
import type { Notification } from "../api/providers";
import { eventsTold, NOTIFICATION_EVENTS, supportedEvents } from "./notifications";

function notification(changes: Partial<Notification>): Notification {
  const flags = Object.fromEntries(NOTIFICATION_EVENTS.flatMap((e) => [[e.key, false], [e.supports, true]]));
  return { id: 1, name: "Hook", fields: [], implementation: "Webhook", implementationName: "Webhook", configContract: "WebhookSettings", tags: [], ...flags, ...changes } as Notification;
}

describe("notification events", () => {
  it("are only offered where the implementation supports them", () => {
    const keys = supportedEvents(notification({ supportsOnApplicationUpdate: false, supportsOnHealthIssue: false })).map((e) => e.key);
    expect(keys).not.toContain("onApplicationUpdate");
    expect(keys).not.toContain("onHealthIssue");
    expect(keys).not.toContain("includeHealthWarnings");
    expect(keys).toContain("onGrab");
  });

  it("list what is told, a dependent switch only with the one it needs", () => {
    expect(eventsTold(notification({ onGrab: true, onUpgrade: true }))).toEqual(["On grab"]);
    expect(eventsTold(notification({ onDownload: true, onUpgrade: true, includeHealthWarnings: true }))).toEqual(["On file import", "On file upgrade"]);
    expect(eventsTold(notification({ onGrab: true, supportsOnGrab: false }))).toEqual([]);
  });
});
