import { errorText } from "../api/errors";
import type { Command } from "../api/types";
import { commandOutcome } from "../lib/commands";

interface CommandOutcomeProps {
  command: Command | undefined;
  /** The command could not even be queued. */
  startError?: unknown;
  /** When the outcome happened, for the badge's tooltip. */
  title?: string;
  testId?: string;
  /** Announce changes (where the user started it); a list of many commands should not. */
  live?: boolean;
}

/**
 * A command's state and what the server said about it ("Completed · No indexers are configured,
 * so nothing was searched", "Failed · <the error>"), announced as it changes.
 */
export function CommandOutcome({ command, startError, title, testId, live = true }: CommandOutcomeProps) {
  const outcome = command && commandOutcome(command);
  return (
    <span className="command-outcome" role={live ? "status" : undefined} data-testid={testId}>
      {startError !== undefined && (
        <>
          <span className="badge badge--failed">Could not start</span> <span className="command-outcome__detail">{errorText(startError)}</span>
        </>
      )}
      {startError === undefined && outcome && (
        <>
          <span className={`badge badge--${outcome.tone}`} title={title} data-command-id={command.id}>
            {outcome.label}
          </span>
          {outcome.detail && (
            <>
              {" "}
              <span className="command-outcome__detail">{outcome.detail}</span>
            </>
          )}
        </>
      )}
    </span>
  );
}
