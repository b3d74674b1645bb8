import { describe, expect, it } from "vitest";
import type { Command } from "../api/types";
import { commandMovieIds, commandOutcome, queueOrder } from "./commands";

const command = (id: number, status: Command["status"], extra: Partial<Command> = {}): Command => ({ id, name: "MoviesSearch", status, ...extra });

describe("commandOutcome", () => {
  it("shows what a completed command said", () => {
    const searched = command(1, "completed", { message: "No indexers are configured, so nothing was searched" });
    expect(commandOutcome(searched)).toEqual({
      tone: "completed",
      label: "Completed",
      detail: "No indexers are configured, so nothing was searched",
    });
  });

  it("adds nothing when the message only repeats the state", () => {
    expect(commandOutcome(command(1, "completed", { message: "Completed" }))).toEqual({ tone: "completed", label: "Completed" });
    expect(commandOutcome(command(2, "cancelled", { message: "Cancelled" }))).toEqual({ tone: "cancelled", label: "Cancelled" });
    expect(commandOutcome(command(3, "queued"))).toEqual({ tone: "queued", label: "Queued" });
  });

  it("shows a failure's error, or its message without the repeated state", () => {
    const failed = command(1, "failed", { message: "Failed: apiKey: set by REELARR_API_KEY", exception: "apiKey: set by REELARR_API_KEY" });
    expect(commandOutcome(failed)).toEqual({ tone: "failed", label: "Failed", detail: "apiKey: set by REELARR_API_KEY" });
    expect(commandOutcome(command(2, "failed", { message: "Failed: TMDB: timed out" })).detail).toBe("TMDB: timed out");
  });

  it("shows a running command's progress and a queued one's retry", () => {
    expect(commandOutcome(command(1, "started", { message: "Refreshing The Matrix (1/2)" }))).toEqual({
      tone: "started",
      label: "Running",
      detail: "Refreshing The Matrix (1/2)",
    });
    expect(commandOutcome(command(2, "queued", { message: "Attempt 1 of 3 failed: boom; retrying in 4s" })).detail).toMatch(/retrying/);
  });
});

describe("queueOrder", () => {
  it("lists running, then queued in the order they run, then finished newest first", () => {
    const list = [command(7, "completed"), command(6, "queued"), command(5, "started"), command(4, "failed"), command(3, "queued"), command(2, "completed")];
    expect(queueOrder(list).map((c) => c.id)).toEqual([5, 3, 6, 7, 4, 2]);
  });
});

describe("commandMovieIds", () => {
  it("reads movieIds and movieId", () => {
    expect(commandMovieIds(command(1, "queued", { body: { movieIds: [3, 4], movieId: 9 } }))).toEqual([3, 4, 9]);
    expect(commandMovieIds(command(1, "queued", { body: { movieIds: "x" } }))).toEqual([]);
    expect(commandMovieIds(command(1, "queued"))).toEqual([]);
  });
});
