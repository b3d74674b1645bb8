// What the UI says about commands: their state, their outcome and the order of the queue. Pure.
import type { Command, CommandStatus } from "../api/types";

const LABELS: Record<CommandStatus, string> = {
  queued: "Queued",
  started: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  orphaned: "Aborted",
};

export function commandStatusLabel(status: string): string {
  return LABELS[status as CommandStatus] ?? status;
}

export const isActive = (command: Command) => command.status === "queued" || command.status === "started";

/** The newest command run for a task (matched by command name, case-insensitively), if any. */
export function latestCommandFor(commands: readonly Command[] | undefined, taskName: string): Command | undefined {
  const name = taskName.toLowerCase();
  let latest: Command | undefined;
  for (const command of commands ?? []) {
    if (command.name.toLowerCase() !== name) continue;
    if (!latest || command.id > latest.id) latest = command;
  }
  return latest;
}

export interface CommandOutcome {
  /** The command's status, for the badge's colour. */
  tone: string;
  /** "Completed", "Failed", "Running", ... */
  label: string;
  /** What the server said: progress, what was done, or the error; absent when it adds nothing. */
  detail?: string;
}

/** A command's state in words, with the server's message (or, for a failure, its error). */
export function commandOutcome(command: Command): CommandOutcome {
  const label = commandStatusLabel(command.status);
  const message = command.message?.trim();
  let detail: string | undefined;
  if (command.status === "failed") {
    detail = command.exception?.trim() || message?.replace(/^Failed:\s*/, "");
  } else if (message && message.toLowerCase() !== label.toLowerCase()) {
    detail = message;
  }
  return detail ? { tone: command.status, label, detail } : { tone: command.status, label };
}

const ACTIVE_RANK: Partial<Record<CommandStatus, number>> = { started: 0, queued: 1 };

/**
 * The queue as System → Tasks lists it: running commands, then queued ones (oldest first, in the
 * order they will run), then finished ones, newest first.
 */
export function queueOrder(commands: readonly Command[]): Command[] {
  const rank = (c: Command) => ACTIVE_RANK[c.status] ?? 2;
  return commands.slice().sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? a.id - b.id : b.id - a.id));
}

/** The movie ids a command is about (`movieIds`, `movieId`). */
export function commandMovieIds(command: Command): number[] {
  const body = command.body;
  const ids = Array.isArray(body?.movieIds) ? body.movieIds : [];
  const one = body?.movieId;
  return [...ids, ...(one === undefined ? [] : [one])].filter((id): id is number => typeof id === "number");
}
