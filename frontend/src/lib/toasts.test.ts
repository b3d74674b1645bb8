import { describe, expect, it } from "vitest";
import { MOST_TOASTS, toastFor, withToast, type Toast } from "./toasts";

const names = (id: number) => (id === 7 ? "The Matrix (1999)" : undefined);
const history = (resource: Record<string, unknown>) => ({ name: "history", action: "created", resource });

describe("toasts", () => {
  it("names the film and the release of a grab", () => {
    const toast = toastFor(history({ eventType: "grabbed", movieId: 7, sourceTitle: "The.Matrix.1999.1080p" }), 1, names);
    expect(toast).toEqual({ id: 1, kind: "grabbed", heading: "Grabbed The Matrix (1999)", detail: "The.Matrix.1999.1080p" });
  });

  it("tells an upgrade from an import", () => {
    expect(toastFor(history({ eventType: "downloadFolderImported", movieId: 7, isUpgrade: false }), 2, names)?.heading).toBe(
      "Imported The Matrix (1999)",
    );
    const upgrade = toastFor(history({ eventType: "downloadFolderImported", movieId: 7, isUpgrade: true }), 3, names);
    expect([upgrade?.kind, upgrade?.heading]).toEqual(["upgraded", "Upgraded The Matrix (1999)"]);
  });

  it("gives a failure's release and reason, and words a film it does not know without its name", () => {
    const toast = toastFor(
      history({ eventType: "downloadFailed", movieId: 9, sourceTitle: "Some.Release", message: "Manually marked as failed" }),
      4,
      names,
    );
    expect(toast).toEqual({ id: 4, kind: "failed", heading: "Download failed", detail: "Some.Release — Manually marked as failed" });
  });

  it("makes no toast of other messages", () => {
    expect(toastFor({ name: "queue", action: "sync" }, 5, names)).toBeUndefined();
    expect(toastFor(history({ eventType: "movieFileDeleted", movieId: 7 }), 6, names)).toBeUndefined();
  });

  it("keeps the newest few", () => {
    let shown: Toast[] = [];
    for (let id = 1; id <= MOST_TOASTS + 2; id++) shown = withToast(shown, { id, kind: "grabbed", heading: `${id}`, detail: "" });
    expect(shown.map((t) => t.id)).toEqual([3, 4, 5, 6]);
  });
});
