import { describe, expect, it } from "vitest";
import { decisionSummary, sourceLabel } from "./decisions";

describe("decision summaries", () => {
  it("explain the outcomes a sync or search leaves", () => {
    const chosen = decisionSummary({ outcome: "chosen", approved: true, temporarilyRejected: false, source: "rss" });
    expect(chosen.label).toBe("Chosen");
    const grabbed = decisionSummary({ outcome: "grabbed", approved: true, temporarilyRejected: false, source: "rss" });
    expect(grabbed).toMatchObject({ label: "Grabbed", tone: "completed" });
    const waiting = decisionSummary({
      outcome: "downloadClientUnavailable",
      outcomeMessage: "No download client is available",
      approved: true,
      temporarilyRejected: false,
      source: "search",
    });
    expect(waiting.label).toBe("Download client unavailable");
    expect(waiting.explanation).toMatch(/^No download client is available\. It waits in the queue/);
    expect(decisionSummary({ outcome: "pending", approved: false, temporarilyRejected: true, source: "rss" }).label).toBe("Pending");
    expect(decisionSummary({ outcome: "superseded", approved: true, temporarilyRejected: false, source: "search" }).label).toBe("Superseded");
  });

  it("say why an acceptable release without an outcome was not taken", () => {
    expect(decisionSummary({ approved: true, temporarilyRejected: false, source: "search" }).explanation).toMatch(/^Another release ranked higher/);
    expect(decisionSummary({ approved: true, temporarilyRejected: false, source: "interactiveSearch" }).explanation).toMatch(/^An interactive search leaves the choice to you/);
  });

  it("call refused releases waiting or rejected", () => {
    expect(decisionSummary({ approved: false, temporarilyRejected: true, source: "interactiveSearch" }).label).toBe("Waiting");
    expect(decisionSummary({ approved: false, temporarilyRejected: false, source: "rss" })).toMatchObject({ label: "Rejected", tone: "failed" });
  });

  it("name each source as people know it", () => {
    expect(sourceLabel("rss")).toBe("RSS sync");
    expect(sourceLabel("userInvokedSearch")).toBe("Search");
    expect(sourceLabel("somethingNew")).toBe("somethingNew");
  });
});
