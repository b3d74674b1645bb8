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
